import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { MILESTONES } from '../../domain/milestones/milestones';
import type {
  ClaimOwner,
  MilestoneClaim,
  MilestoneId,
  MilestoneKind,
  MilestoneRepository,
  MilestoneTally,
  StoredTally,
  TallyOwner,
} from '../../domain/milestones/milestones';
import { id, isoTime, jsonText, parseRow, toEntity } from '../shared/entity-schema';
import { DEFAULT_CONFLICT_RETRY, retryOnConflict } from '../shared/etag-retry';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import type { EntityKey } from '../shared/keys';
import {
  milestoneKey,
  milestoneTallyKey,
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

const teamKeyOf = (c: ClaimOwner) => milestoneKey(c.tenantId, c.teamId, c.userId, c.milestone);
const personKeyOf = (c: ClaimOwner) => personMilestoneKey(c.tenantId, c.teamId, c.userId, c.milestone);
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

const tallyRow = z.object({
  tenantId: id,
  teamId: id,
  userId: id,
  kind: z.enum(['taught', 'attended', 'kudosReceived'] satisfies MilestoneKind[]),
  events: jsonText(z.array(z.object({ sourceId: id, at: isoTime }))),
});
const tallyKeyOf = (t: TallyOwner) => milestoneTallyKey(t.tenantId, t.teamId, t.userId, t.kind);
const fromTallyRow = (entity: StoredEntity): StoredTally => ({
  ...parseRow(TABLES.milestones, entity, tallyRow, tallyKeyOf),
  version: entity.etag,
});
const toTallyRow = (t: MilestoneTally): NewEntity =>
  toEntity(tallyKeyOf(t), { tenantId: t.tenantId, teamId: t.teamId, userId: t.userId, kind: t.kind, events: JSON.stringify(t.events) });

/** Bookkeeping rows (the "copied" mark) have a RowKey that starts with the raw separator, which escaped ids never do. */
const isClaimRow = (entity: StoredEntity) => !(entity.rowKey ?? '').startsWith('|');

/**
 * plMilestones. A claim is a create of its row in the team's partition, so of two writers at once
 * exactly one stores it (409 for the other); a copy in the person's partition lets My learning read
 * one partition. The copy is written first: a crash between the two writes leaves a copy and no
 * claim, and the retried job claims it; never a claim without its copy.
 */
export class TableMilestoneRepository implements MilestoneRepository {
  constructor(
    private readonly table: StorageTable,
    private readonly conflictRetry: ConflictRetryPolicy = DEFAULT_CONFLICT_RETRY,
  ) {}

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
    const mark = personMilestonesCopiedKey(tenantId, userId);
    await this.table.putMany([
      ...older.map((c) => toRow(personKeyOf(c), c)),
      toEntity(mark, { userId, copiedAt: new Date().toISOString() }),
    ]);
    if (older.length === 0) return [...byKey.values()];
    // An erase of the person between the read above and the write would be undone by the copies: read
    // the team rows again, and a claim whose team row went since loses its copy (and the mark, so a later
    // read copies again what is left). The erase's last sweep runs after it deleted the team rows
    // (milestone-rules.ts), so either it finds these copies or this re-read misses those rows.
    const still = new Set(
      (await this.table.listPartitions(from, to, odata`userId eq ${userId}`)).map((r) => `${r.partitionKey}\n${r.rowKey}`),
    );
    const gone = older.filter((c) => !still.has(`${teamKeyOf(c).partitionKey}\n${teamKeyOf(c).rowKey}`));
    if (gone.length === 0) return [...byKey.values()];
    await this.table.deleteMany([...gone.map(personKeyOf), mark]);
    for (const c of gone) byKey.delete(personKeyOf(c).rowKey);
    return [...byKey.values()];
  }

  async get(tenantId: string, teamId: string, userId: string, milestone: MilestoneId): Promise<MilestoneClaim | undefined> {
    const row = await this.table.get(milestoneKey(tenantId, teamId, userId, milestone));
    return row && fromTeamRow(row);
  }

  async listTallies(tenantId: string, teamId: string, kind: MilestoneKind, userIds: readonly string[]): Promise<StoredTally[]> {
    // getRows keeps each filter within the Table service's 15 comparisons (Azurite takes any number).
    const rowKeys = userIds.map((userId) => milestoneTallyKey(tenantId, teamId, userId, kind).rowKey);
    const rows = await this.table.getRows(milestonesPartition(tenantId, teamId), rowKeys);
    return rows.filter((row): row is StoredEntity => row !== undefined).map(fromTallyRow);
  }

  async updateTally(
    owner: TallyOwner,
    change: (current: MilestoneTally | undefined) => Promise<MilestoneTally | undefined>,
    listed?: StoredTally,
  ): Promise<MilestoneTally | undefined> {
    const key = tallyKeyOf(owner);
    // The listed tally serves the first try only: after a lost race the row is read again.
    let known = listed;
    return retryOnConflict('counting a milestone event', this.conflictRetry, async () => {
      const current = known ?? (await this.readTally(key));
      known = undefined;
      const next = await change(current);
      if (!next) return current;
      // A create when there was none (409: someone else counted first, read again), else a replace under the ETag.
      if (!current) await this.table.create(toTallyRow(next));
      else await this.table.replace(toTallyRow(next), current.version);
      return next;
    });
  }

  private async readTally(key: EntityKey): Promise<StoredTally | undefined> {
    const row = await this.table.get(key);
    return row && fromTallyRow(row);
  }

  async remove(rows: { readonly claims: readonly ClaimOwner[]; readonly tallies: readonly TallyOwner[] }): Promise<void> {
    await this.table.deleteMany([...rows.claims.flatMap((c) => [teamKeyOf(c), personKeyOf(c)]), ...rows.tallies.map(tallyKeyOf)]);
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
