import type { SkillHistoryPoint, SkillHistoryRepository } from '../../domain/insights/skill-history';
import { skillHistoryPartition } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { skillHistoryFromEntity, skillHistoryToEntity } from './skill-history-mapper';

export class TableSkillHistoryRepository implements SkillHistoryRepository {
  constructor(private readonly table: StorageTable) {}

  async add(points: readonly SkillHistoryPoint[]): Promise<void> {
    // One person's points share a partition: one transaction per edit.
    if (points.length > 0) await this.table.putMany(points.map(skillHistoryToEntity));
  }

  async listFor(tenantId: string, userId: string): Promise<SkillHistoryPoint[]> {
    const rows = (await this.table.listPartition(skillHistoryPartition(tenantId, userId))).map(skillHistoryFromEntity);
    return rows.sort((a, b) => a.at.localeCompare(b.at));
  }
}
