import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ProfileChange, ProfileChangeFeed } from '../../domain/experts/expert-ports';
import { id, jsonText, parseRow, toEntity } from '../shared/entity-schema';
import {
  PROFILE_CHANGE_TENANTS_PARTITION,
  profileChangeRowKey,
  profileChangesPartition,
  profileChangeTenantKey,
  profileChangeTimeKey,
  TABLES,
} from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { forEachLimited } from '../../domain/shared/each-limited';

const changeRow = z.object({
  tenantId: id,
  changeId: id,
  at: z.number().int().nonnegative(),
  userIds: jsonText(z.array(id)),
  erased: jsonText(z.array(id)).optional(),
});
const tenantRow = z.object({ tenantId: id });

// A row names at most this many people: well inside the 64 KiB a string property may hold.
const USERS_PER_ROW = 100;

/**
 * The profile change feed in Table Storage: one partition per tenant, row keys ordered by the
 * writer's clock. Rows say only "these people changed"; readers fetch the profiles themselves.
 */
export class TableProfileChangeFeed implements ProfileChangeFeed {
  /** Tenants whose directory row this process already wrote: one extra write per tenant per process. */
  private readonly announced = new Set<string>();

  constructor(
    private readonly table: StorageTable,
    private readonly clock: () => number = Date.now,
  ) {}

  async record(tenantId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.announce(tenantId);
    const at = this.clock();
    for (let i = 0; i < userIds.length; i += USERS_PER_ROW) {
      const changeId = randomUUID();
      await this.table.create({
        partitionKey: profileChangesPartition(tenantId),
        rowKey: profileChangeRowKey(at, changeId),
        tenantId,
        changeId,
        at,
        userIds: JSON.stringify(userIds.slice(i, i + USERS_PER_ROW)),
      });
    }
  }

  async recordErasure(tenantId: string, erasureKey: string, changedUserIds: readonly string[]): Promise<void> {
    await this.announce(tenantId);
    const at = this.clock();
    const changeId = randomUUID();
    await this.table.create({
      partitionKey: profileChangesPartition(tenantId),
      rowKey: profileChangeRowKey(at, changeId),
      tenantId,
      changeId,
      at,
      userIds: JSON.stringify(changedUserIds.slice(0, USERS_PER_ROW)),
      erased: JSON.stringify([erasureKey]),
    });
    if (changedUserIds.length > USERS_PER_ROW) await this.record(tenantId, changedUserIds.slice(USERS_PER_ROW));
  }

  private async announce(tenantId: string): Promise<void> {
    if (this.announced.has(tenantId)) return;
    await this.table.upsert(toEntity(profileChangeTenantKey(tenantId), { tenantId }));
    this.announced.add(tenantId);
  }

  async since(tenantId: string, fromMs: number): Promise<ProfileChange[]> {
    // `~` sorts after every digit: the range is every row key from `fromMs` on.
    const rows = await this.table.listRange(profileChangesPartition(tenantId), profileChangeTimeKey(fromMs), '~');
    return rows.map((entity) => {
      const row = parseRow(TABLES.profileChanges, entity, changeRow, (r) => ({
        partitionKey: profileChangesPartition(r.tenantId),
        rowKey: profileChangeRowKey(r.at, r.changeId),
      }));
      return { id: row.changeId, tenantId: row.tenantId, userIds: row.userIds, at: row.at, ...(row.erased ? { erased: row.erased } : {}) };
    });
  }

  async tenants(): Promise<string[]> {
    const rows = await this.table.listPartition(PROFILE_CHANGE_TENANTS_PARTITION);
    return rows.map((entity) => parseRow(TABLES.profileChanges, entity, tenantRow, (r) => profileChangeTenantKey(r.tenantId)).tenantId);
  }

  async prune(tenantId: string, beforeMs: number): Promise<number> {
    const partitionKey = profileChangesPartition(tenantId);
    const old = await this.table.listRange(partitionKey, '0', profileChangeTimeKey(beforeMs));
    await forEachLimited(old, 4, (entity) => this.table.delete({ partitionKey, rowKey: entity.rowKey ?? '' }));
    return old.length;
  }
}
