import type { Endorsement, EndorsementRepository, ProfileChangeFeed } from '../../domain/experts/expert-ports';
import { endorsementFromEntity, endorsementToEntity } from './endorsement-mapper';
import { endorsementsOfPersonRange, endorsementsPartition } from '../shared/keys';
import { statusOf } from '../shared/storage-errors';
import type { StorageTable } from '../shared/storage-table';

/** Endorsements in one partition per tenant; every new one is announced on the profile change feed. */
export class TableEndorsementRepository implements EndorsementRepository {
  constructor(
    private readonly table: StorageTable,
    private readonly changes: ProfileChangeFeed,
  ) {}

  async add(endorsement: Endorsement): Promise<boolean> {
    if (endorsement.userId === endorsement.endorserId) throw new RangeError('A person cannot endorse themselves.');
    try {
      await this.table.create(endorsementToEntity(endorsement));
    } catch (error) {
      // 409: this endorser already endorsed this skill; the first one stands.
      if (statusOf(error) === 409) return false;
      throw error;
    }
    await this.changes.record(endorsement.tenantId, [endorsement.userId]);
    return true;
  }

  async addMany(endorsements: readonly Endorsement[]): Promise<void> {
    if (endorsements.some((e) => e.userId === e.endorserId)) throw new RangeError('A person cannot endorse themselves.');
    // Upserts of at most 100 a partition per transaction: a repeated endorsement stays one row.
    await this.table.putMany(endorsements.map(endorsementToEntity));
    const byTenant = new Map<string, Set<string>>();
    for (const e of endorsements) byTenant.set(e.tenantId, (byTenant.get(e.tenantId) ?? new Set()).add(e.userId));
    for (const [tenantId, userIds] of byTenant) await this.changes.record(tenantId, [...userIds]);
  }

  async listForPerson(tenantId: string, userId: string): Promise<Endorsement[]> {
    const { from, to } = endorsementsOfPersonRange(tenantId, userId);
    return (await this.table.listRange(endorsementsPartition(tenantId), from, to)).map(endorsementFromEntity);
  }

  async listForTenant(tenantId: string): Promise<Endorsement[]> {
    return (await this.table.listPartition(endorsementsPartition(tenantId))).map(endorsementFromEntity);
  }
}
