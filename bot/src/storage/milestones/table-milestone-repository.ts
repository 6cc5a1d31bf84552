import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { MILESTONES } from '../../domain/milestones/milestones';
import type { MilestoneClaim, MilestoneId, MilestoneRepository } from '../../domain/milestones/milestones';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import type { EntityKey } from '../shared/keys';
import {
  milestoneKey,
  milestonesPartition,
  personMilestoneKey,
  personMilestonesCopiedKey,
  personMilestonesPartition,
  TABLES,
} from '../shared/keys';
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

type ClaimIds = Pick<MilestoneClaim, 'tenantId' | 'teamId' | 'userId' | 'milestone'>;
const teamKeyOf = (c: ClaimIds) => milestoneKey(c.tenantId, c.teamId, c.userId, c.milestone);
const personKeyOf = (c: ClaimIds) => personMilestoneKey(c.tenantId, c.teamId, c.userId, c.milestone);
const toRow = (key: EntityKey, c: MilestoneClaim): NewEntity =>
  toEntity(key, {
    tenantId: c.tenantId,
    teamId: c.teamId,
    userId: c.userId,
    milestone: c.milestone,
    reachedAt: c.reachedAt,
    sourceId: c.sourceId,
    claimedAt: c.claimedAt,
    celebrated: c.celebrated,
  });
const fromTeamRow = (entity: StoredEntity): MilestoneClaim => parseRow(TABLES.milestones, entity, claimRow, teamKeyOf);
const fromPersonRow = (entity: StoredEntity): MilestoneClaim => parseRow(TABLES.milestones, entity, claimRow, personKeyOf);

/** Bookkeeping rows (the "copied" mark) have a RowKey that starts with the raw separator, which escaped ids never do. */
const isClaimRow = (entity: StoredEntity) => !(entity.rowKey ?? '').startsWith('|');

/**
 * plMilestones. A claim is a create of its row in the team's partition, so of two writers at once
 * exactly one stores it (409 for the other); a copy in the person's partition lets My learning read
 * one partition. The copy is written first: a crash between the two writes leaves a copy and no
 * claim, and the retried job claims it; never a claim without its copy.
 */
export class TableMilestoneRepository implements MilestoneRepository {
  constructor(private readonly table: StorageTable) {}

  async listForTeam(tenantId: string, teamId: string): Promise<MilestoneClaim[]> {
    return (await this.table.listPartition(milestonesPartition(tenantId, teamId))).filter(isClaimRow).map(fromTeamRow);
  }

  async listForPerson(tenantId: string, userId: string): Promise<MilestoneClaim[]> {
    const rows = await this.table.listPartition(personMilestonesPartition(tenantId, userId));
    const copied = personMilestonesCopiedKey(tenantId, userId).rowKey;
    const own = rows.filter(isClaimRow).map(fromPersonRow);
    if (rows.some((r) => r.rowKey === copied)) return own;
    // The first read since the copies exist: claims from before live only in the team partitions.
    // Copy them in once (upserts, so two first reads at once write the same rows) and mark it done.
    const { from, to } = tenantPartitions(tenantId);
    const older = (await this.table.listPartitions(from, to, odata`userId eq ${userId}`)).filter(isClaimRow).map(fromTeamRow);
    const byKey = new Map([...own, ...older].map((c) => [personKeyOf(c).rowKey, c] as const));
    await this.table.putMany([
      ...older.map((c) => toRow(personKeyOf(c), c)),
      toEntity(personMilestonesCopiedKey(tenantId, userId), { userId, copiedAt: new Date().toISOString() }),
    ]);
    return [...byKey.values()];
  }

  async claim(claim: MilestoneClaim): Promise<boolean> {
    await this.table.upsert(toRow(personKeyOf(claim), claim));
    try {
      await this.table.create(toRow(teamKeyOf(claim), claim));
      return true;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    // Lost to another writer (or a retry of our own): the copy says what the stored claim says.
    const stored = await this.table.get(teamKeyOf(claim));
    if (stored) {
      const winner = fromTeamRow(stored);
      await this.table.upsert(toRow(personKeyOf(winner), winner));
    }
    return false;
  }
}
