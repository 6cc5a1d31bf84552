import type { TeamRepository } from '../domain/repositories';
import type { Membership, Team } from '../domain/team';
import { membersOfTeamPartition, teamKey, teamsOfUserPartition, teamsPartition } from './keys';
import { membershipFromEntity, membershipToEntity } from './membership-mapper';
import type { StorageTable } from './storage-table';
import { teamFromEntity, teamToEntity } from './team-mapper';

export class TableTeamRepository implements TeamRepository {
  constructor(
    private readonly teams: StorageTable,
    private readonly memberships: StorageTable,
  ) {}

  async get(tenantId: string, teamId: string): Promise<Team | undefined> {
    const entity = await this.teams.get(teamKey(tenantId, teamId));
    return entity && teamFromEntity(entity);
  }

  async upsert(team: Team): Promise<void> {
    await this.teams.upsert(teamToEntity(team));
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
    await this.memberships.putMany(
      memberships.flatMap((m) => [membershipToEntity('byTeam', m), membershipToEntity('byUser', m)]),
    );
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
