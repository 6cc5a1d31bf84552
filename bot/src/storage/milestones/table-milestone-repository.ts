import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { MILESTONES } from '../../domain/milestones/milestones';
import type { MilestoneClaim, MilestoneId, MilestoneRepository } from '../../domain/milestones/milestones';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { milestoneKey, milestonesPartition, TABLES } from '../shared/keys';
import { tenantPartitions } from '../privacy/privacy-rule';
import { statusOf } from '../shared/storage-errors';
import type { NewEntity, StorageTable, StoredEntity } from '../shared/storage-table';

const milestoneIds = MILESTONES.map((m) => m.id) as [MilestoneId, ...MilestoneId[]];

const claimRow = z.object({
  tenantId: id,
  teamId: id,
  userId: id,
  milestone: z.enum(milestoneIds),
  reachedAt: isoTime,
  sourceId: id,
  claimedAt: isoTime,
  celebrated: z.boolean(),
});

const keyOf = (c: Pick<MilestoneClaim, 'tenantId' | 'teamId' | 'userId' | 'milestone'>) =>
  milestoneKey(c.tenantId, c.teamId, c.userId, c.milestone);
const toRow = (c: MilestoneClaim): NewEntity =>
  toEntity(keyOf(c), {
    tenantId: c.tenantId,
    teamId: c.teamId,
    userId: c.userId,
    milestone: c.milestone,
    reachedAt: c.reachedAt,
    sourceId: c.sourceId,
    claimedAt: c.claimedAt,
    celebrated: c.celebrated,
  });
const fromRow = (entity: StoredEntity): MilestoneClaim => parseRow(TABLES.milestones, entity, claimRow, keyOf);

/** plMilestones: a claim is a create, so of two writers at once exactly one stores it (409 for the other). */
export class TableMilestoneRepository implements MilestoneRepository {
  constructor(private readonly table: StorageTable) {}

  async listForTeam(tenantId: string, teamId: string): Promise<MilestoneClaim[]> {
    return (await this.table.listPartition(milestonesPartition(tenantId, teamId))).map(fromRow);
  }

  async listForPerson(tenantId: string, userId: string): Promise<MilestoneClaim[]> {
    // The tenant's team partitions, filtered by the service: a handful of rows per person and team.
    const { from, to } = tenantPartitions(tenantId);
    return (await this.table.listPartitions(from, to, odata`userId eq ${userId}`)).map(fromRow);
  }

  async claim(claim: MilestoneClaim): Promise<boolean> {
    try {
      await this.table.create(toRow(claim));
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }
}
