import type { TeamRepository } from '../../domain/shared/repositories';
import type { Membership, Team } from '../../domain/teams/team';
import { membersOfTeamPartition, teamKey, teamsOfUserPartition, teamsPartition } from '../shared/keys';
import { forEachLimited } from '../../domain/shared/each-limited';
import { membershipFromEntity, membershipKey, membershipToEntity } from './membership-mapper';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import { retryOnConflict } from '../shared/etag-retry';
import type { StorageTable } from '../shared/storage-table';
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

  async listMembers(tenantId: string, teamId: string): Promise<Membership[]> {
    const rows = await this.memberships.listPartition(membersOfTeamPartition(tenantId, teamId));
    return rows.map((row) => membershipFromEntity('byTeam', row));
  }

  async listTeamsOf(tenantId: string, userId: string): Promise<Membership[]> {
    const rows = await this.memberships.listPartition(teamsOfUserPartition(tenantId, userId));
    return rows.map((row) => membershipFromEntity('byUser', row));
  }
}
