import type { MemberProfile } from '../../domain/experts/member';
import type { MemberRepository } from '../../domain/shared/repositories';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import { retryOnConflict } from '../shared/etag-retry';
import { profileKey, profilesPartition } from '../shared/keys';
import { forEachLimited } from '../../domain/shared/each-limited';
import { memberFromEntity, memberToEntity } from './member-mapper';
import type { StorageTable } from '../shared/storage-table';
import { MAX_TRANSACTION_OPERATIONS } from '../shared/transactions';
import { statusOf } from '../shared/storage-errors';
import type { TransactionAction } from '@azure/data-tables';

export class TableMemberRepository implements MemberRepository {
  constructor(
    private readonly table: StorageTable,
    private readonly retry: ConflictRetryPolicy,
  ) {}

  async get(tenantId: string, userId: string): Promise<MemberProfile | undefined> {
    const entity = await this.table.get(profileKey(tenantId, userId));
    return entity && memberFromEntity(entity);
  }

  async put(profile: MemberProfile): Promise<void> {
    await this.table.upsert(memberToEntity(profile));
  }

  async putMany(profiles: readonly MemberProfile[]): Promise<void> {
    await this.table.putMany(profiles.map(memberToEntity));
  }

  async createMany(profiles: readonly MemberProfile[]): Promise<boolean> {
    const tenants = new Set(profiles.map((p) => p.tenantId));
    if (tenants.size > 1) throw new RangeError(`MemberRepository.createMany: one tenant at a time, got ${tenants.size}`);
    if (profiles.length > MAX_TRANSACTION_OPERATIONS) {
      throw new RangeError(`MemberRepository.createMany: at most ${MAX_TRANSACTION_OPERATIONS} profiles, got ${profiles.length}`);
    }
    if (profiles.length === 0) return true;
    try {
      await this.table.transaction(profiles.map((p): TransactionAction => ['create', memberToEntity(p)]));
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  /**
   * Read → change → write under the row's ETag; a missing row is created, and losing that create
   * (409) counts as a lost race like a 412. Returns the profile as stored afterwards (the current one
   * when `change` leaves the row alone).
   */
  async update(
    tenantId: string,
    userId: string,
    change: (current: MemberProfile | undefined) => MemberProfile | undefined,
  ): Promise<MemberProfile | undefined> {
    const key = profileKey(tenantId, userId);
    return retryOnConflict(`Updating profile ${userId}`, this.retry, async () => {
      const entity = await this.table.get(key);
      const current = entity && memberFromEntity(entity);
      const next = change(current);
      if (!next) return current;
      if (next.tenantId !== tenantId || next.userId !== userId) {
        throw new Error(`MemberRepository.update: change() may not move profile ${tenantId}/${userId} to ${next.tenantId}/${next.userId}`);
      }
      if (entity) await this.table.replace(memberToEntity(next), entity.etag);
      else await this.table.create(memberToEntity(next));
      return next;
    });
  }

  // Point reads, a few in flight: Table Storage answers `RowKey eq a or RowKey eq b` with a scan of the
  // whole partition, and a tenant's profiles are one partition (100k rows in a large organisation).
  async getMany(tenantId: string, userIds: readonly string[]): Promise<MemberProfile[]> {
    const unique = [...new Set(userIds)];
    const found = new Map<string, MemberProfile>();
    await forEachLimited(unique, 16, async (userId) => {
      const profile = await this.get(tenantId, userId);
      if (profile) found.set(userId, profile);
    });
    return unique.flatMap((id) => found.get(id) ?? []);
  }

  async forEachInTenant(tenantId: string, onPage: (profiles: readonly MemberProfile[]) => void): Promise<void> {
    await this.table.forEachInPartition(profilesPartition(tenantId), (rows) => onPage(rows.map(memberFromEntity)));
  }

  async listForTenant(tenantId: string): Promise<MemberProfile[]> {
    return (await this.table.listPartition(profilesPartition(tenantId))).map(memberFromEntity);
  }
}
