import type { GoalRepository } from '../../domain/insights/goal-pulse-repositories';
import type { TeamGoal } from '../../domain/insights/goals';
import { teamGoalsKey } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { teamGoalsFromEntity, teamGoalsToEntity } from './goal-pulse-mappers';

/** A team's goals as one row: the owners replace the list as a whole, so the last save wins whole. */
export class TableGoalRepository implements GoalRepository {
  constructor(private readonly table: StorageTable) {}

  async list(tenantId: string, teamId: string): Promise<TeamGoal[]> {
    const entity = await this.table.get(teamGoalsKey(tenantId, teamId));
    return entity ? teamGoalsFromEntity(entity) : [];
  }

  async replace(tenantId: string, teamId: string, goals: readonly TeamGoal[], updatedAt: string): Promise<void> {
    await this.table.upsert(teamGoalsToEntity(tenantId, teamId, goals, updatedAt));
  }
}
