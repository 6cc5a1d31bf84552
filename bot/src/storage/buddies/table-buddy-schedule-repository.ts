import type { BuddyDueEntry, BuddySchedule, BuddyScheduleRepository } from '../../domain/buddies/buddy-repositories';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import { retryOnConflict } from '../shared/etag-retry';
import { BUDDY_DUE_PARTITION, buddyDueKey, buddyDueUntil, buddyScheduleKey, TABLES } from '../shared/keys';
import type { NewEntity, StorageTable, StoredEntity } from '../shared/storage-table';
import { scheduleFromEntity, scheduleToEntity } from './buddy-mappers';
import { z } from 'zod';

const dueRow = z.object({ tenantId: id, poolId: id, dueAt: isoTime });

const dueToEntity = (e: BuddyDueEntry): NewEntity =>
  toEntity(buddyDueKey(e.dueAt, e.tenantId, e.poolId), { tenantId: e.tenantId, poolId: e.poolId, dueAt: e.dueAt });

const dueFromEntity = (entity: StoredEntity): BuddyDueEntry =>
  parseRow(TABLES.buddySchedules, entity, dueRow, (r) => buddyDueKey(r.dueAt, r.tenantId, r.poolId));

/** Each pool's schedule row and the due index beside it, in one table (see keys.ts). */
export class TableBuddyScheduleRepository implements BuddyScheduleRepository {
  constructor(
    private readonly table: StorageTable,
    private readonly retry: ConflictRetryPolicy,
  ) {}

  async get(tenantId: string, poolId: string): Promise<BuddySchedule | undefined> {
    const entity = await this.table.get(buddyScheduleKey(tenantId, poolId));
    return entity && scheduleFromEntity(entity);
  }

  async update(
    tenantId: string,
    poolId: string,
    change: (current: BuddySchedule | undefined) => BuddySchedule | undefined,
  ): Promise<{ readonly schedule: BuddySchedule | undefined; readonly previous: BuddySchedule | undefined; readonly changed: boolean }> {
    const key = buddyScheduleKey(tenantId, poolId);
    return retryOnConflict(`Updating the buddy schedule of ${poolId}`, this.retry, async () => {
      const entity = await this.table.get(key);
      const current = entity && scheduleFromEntity(entity);
      const next = change(current);
      if (!next) return { schedule: current, previous: current, changed: false };
      if (next.tenantId !== tenantId || next.poolId !== poolId)
        throw new Error('BuddyScheduleRepository.update: change() may not move the row');
      // The entry first: a crash after it leaves a stale entry the scheduler drops, never a due pool it cannot find.
      if (next.nextDueAt && next.nextDueAt !== current?.nextDueAt) await this.putDue({ tenantId, poolId, dueAt: next.nextDueAt });
      if (entity) await this.table.replace(scheduleToEntity(next), entity.etag);
      else await this.table.create(scheduleToEntity(next));
      return { schedule: next, previous: current, changed: true };
    });
  }

  async listDue(atIso: string, limit: number): Promise<BuddyDueEntry[]> {
    return (await this.table.listFirstBelow(BUDDY_DUE_PARTITION, buddyDueUntil(atIso), limit)).map(dueFromEntity);
  }

  async putDue(entry: BuddyDueEntry): Promise<void> {
    await this.table.upsert(dueToEntity(entry));
  }

  async removeDue(entry: BuddyDueEntry): Promise<void> {
    await this.table.delete(buddyDueKey(entry.dueAt, entry.tenantId, entry.poolId));
  }
}
