import type { TeamRepository } from '../../domain/shared/repositories';
import type { Membership, Team } from '../../domain/teams/team';
import { membersOfTeamPartition, teamKey, teamsOfUserPartition, teamsPartition } from '../shared/keys';
import { forEachLimited } from '../../domain/shared/each-limited';
import { membershipFromEntity, membershipKey, membershipToEntity } from './membership-mapper';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import { retryOnConflict } from '../shared/etag-retry';
import type { StorageTable } from '../shared/storage-table';
import { MAX_TRANSACTION_OPERATIONS } from '../shared/transactions';
import { teamFromEntity, teamToEntity } from './team-mapper';

export class TableTeamRepository implements TeamRepository {
  constructor(
    private readonly teams: StorageTable,
    private readonly memberships: StorageTable,
    private readonly retry: ConflictRetryPolicy,
  ) {}

  async get(tenantId: string, teamId: string): Promise<Team | undefined> {
    const entity = await this.teams.get(teamKey(tenantId, teamId));
    return entity && teamFromEntity(entity);
  }

  async upsert(team: Team): Promise<void> {
    await this.teams.upsert(teamToEntity(team));
  }

  /**
   * Read → change → write under the row's ETag (create when missing), retried on 412/409, so an owner's
   * settings save and a channel rename arriving at the same moment both land.
   */
  async update(tenantId: string, teamId: string, change: (current: Team | undefined) => Team | undefined): Promise<Team | undefined> {
    const key = teamKey(tenantId, teamId);
    return retryOnConflict(`Updating team ${teamId}`, this.retry, async () => {
      const entity = await this.teams.get(key);
      const current = entity && teamFromEntity(entity);
      const next = change(current);
      if (!next) return current;
      if (next.tenantId !== tenantId || next.teamId !== teamId) {
        throw new Error(`TeamRepository.update: change() may not move team ${tenantId}/${teamId} to ${next.tenantId}/${next.teamId}`);
      }
      if (entity) await this.teams.replace(teamToEntity(next), entity.etag);
      else await this.teams.create(teamToEntity(next));
      return next;
    });
  }

  async listForTenant(tenantId: string): Promise<Team[]> {
    return (await this.teams.listPartition(teamsPartition(tenantId))).map(teamFromEntity);
  }

  /**
   * Writes each membership under its team and under its user. The two rows sit in different
   * partitions, so they cannot share a transaction; both are idempotent upserts, and writing again
   * after a failure repairs a half-written pair.
   */
  async addMembers(memberships: readonly Membership[]): Promise<void> {
    await this.memberships.putMany(memberships.flatMap((m) => [membershipToEntity('byTeam', m), membershipToEntity('byUser', m)]));
  }

  /** Deletes both rows of each membership; a row already gone is fine, so a retry after a failure repairs a half-deleted pair. */
  async removeMembers(tenantId: string, teamId: string, userIds: readonly string[]): Promise<void> {
    await forEachLimited(userIds, 8, async (userId) => {
      const m = { tenantId, teamId, userId };
      await Promise.all([this.memberships.delete(membershipKey('byTeam', m)), this.memberships.delete(membershipKey('byUser', m))]);
    });
  }

  /**
   * Every membership of the team, a page of 100 at a time: first each person's by-user row, then the
   * page's by-team rows in one transaction (one partition). The by-team row goes last, so a run that
   * stopped half-way finds the rest again; deletes of rows already gone are fine (deleteMany), so
   * several instances removing the same team do no harm. `stop` is asked before each page (a
   * reinstall meanwhile). Answers how many memberships it removed.
   */
  async removeAllMembers(tenantId: string, teamId: string, stop?: () => Promise<boolean>): Promise<number> {
    const partition = membersOfTeamPartition(tenantId, teamId);
    let removed = 0;
    let afterRowKey: string | undefined;
    let continuationToken: string | undefined;
    for (;;) {
      if (stop && (await stop())) return removed;
      const page = await this.memberships.listPage(partition, {
        pageSize: MAX_TRANSACTION_OPERATIONS,
        ...(afterRowKey !== undefined ? { afterRowKey } : {}),
        ...(continuationToken ? { continuationToken } : {}),
      });
      const rows = page.rows.map((row) => membershipFromEntity('byTeam', row));
      if (rows.length > 0) {
        await this.memberships.deleteMany(rows.map((m) => membershipKey('byUser', m)));
        await this.memberships.deleteMany(rows.map((m) => membershipKey('byTeam', m)));
        removed += rows.length;
        afterRowKey = page.rows.at(-1)?.rowKey;
      }
      // The next page starts after the last row deleted; a page may be empty and still carry a token.
      continuationToken = rows.length > 0 ? undefined : page.continuationToken;
      if (rows.length === 0 && !continuationToken) return removed;
    }
  }

  async listMembers(tenantId: string, teamId: string): Promise<Membership[]> {
    const rows = await this.memberships.listPartition(membersOfTeamPartition(tenantId, teamId));
    return rows.map((row) => membershipFromEntity('byTeam', row));
  }

  async membershipsIn(tenantId: string, teamId: string, userIds: readonly string[]): Promise<Membership[]> {
    if (userIds.length === 0) return [];
    const rows = await this.memberships.getRows(
      membersOfTeamPartition(tenantId, teamId),
      userIds.map((userId) => membershipKey('byTeam', { tenantId, teamId, userId }).rowKey),
    );
    return rows.flatMap((row) => (row ? [membershipFromEntity('byTeam', row)] : []));
  }

  async listTeamsOf(tenantId: string, userId: string): Promise<Membership[]> {
    const rows = await this.memberships.listPartition(teamsOfUserPartition(tenantId, userId));
    return rows.map((row) => membershipFromEntity('byUser', row));
  }
}
