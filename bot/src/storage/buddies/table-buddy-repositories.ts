import type { BuddyMetAnswer, BuddyPreference, BuddyRound } from '../../domain/buddies/buddy';
import type { BuddyAnswerRepository, BuddyPreferenceRepository, BuddyRoundRepository } from '../../domain/buddies/buddy-repositories';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import { retryOnConflict } from '../shared/etag-retry';
import { buddyAnswersPartition, buddyPreferenceKey, buddyPreferencesPartition, buddyRoundKey, buddyRoundsPartition } from '../shared/keys';
import { statusOf } from '../shared/storage-errors';
import type { StorageTable } from '../shared/storage-table';
import { answerFromEntity, answerToEntity, preferenceFromEntity, preferenceToEntity } from './buddy-mappers';
import { roundFromEntity, roundToEntity } from './buddy-round-mapper';

export class TableBuddyPreferenceRepository implements BuddyPreferenceRepository {
  constructor(
    private readonly table: StorageTable,
    private readonly retry: ConflictRetryPolicy,
  ) {}

  async get(tenantId: string, poolId: string, userId: string): Promise<BuddyPreference | undefined> {
    const entity = await this.table.get(buddyPreferenceKey(tenantId, poolId, userId));
    return entity && preferenceFromEntity(entity);
  }

  async put(preference: BuddyPreference): Promise<void> {
    await this.table.upsert(preferenceToEntity(preference));
  }

  async listPool(tenantId: string, poolId: string): Promise<BuddyPreference[]> {
    return (await this.table.listPartition(buddyPreferencesPartition(tenantId, poolId))).map(preferenceFromEntity);
  }

  async update(
    tenantId: string,
    poolId: string,
    userId: string,
    change: (current: BuddyPreference | undefined) => BuddyPreference | undefined,
  ): Promise<BuddyPreference | undefined> {
    const key = buddyPreferenceKey(tenantId, poolId, userId);
    return retryOnConflict(`Updating buddy preference ${userId}`, this.retry, async () => {
      const entity = await this.table.get(key);
      const current = entity && preferenceFromEntity(entity);
      const next = change(current);
      if (!next) return current;
      if (next.tenantId !== tenantId || next.poolId !== poolId || next.userId !== userId)
        throw new Error('BuddyPreferenceRepository.update: change() may not move the row');
      if (entity) await this.table.replace(preferenceToEntity(next), entity.etag);
      else await this.table.create(preferenceToEntity(next));
      return next;
    });
  }
}

export class TableBuddyRoundRepository implements BuddyRoundRepository {
  constructor(private readonly table: StorageTable) {}

  async create(round: BuddyRound): Promise<{ readonly created: boolean; readonly round: BuddyRound }> {
    try {
      await this.table.create(roundToEntity(round));
      return { created: true, round };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      // Another computation inserted it first: theirs is the round.
      const stored = await this.get(round.tenantId, round.poolId, round.roundId);
      if (!stored) throw error;
      return { created: false, round: stored };
    }
  }

  async get(tenantId: string, poolId: string, roundId: string): Promise<BuddyRound | undefined> {
    const entity = await this.table.get(buddyRoundKey(tenantId, poolId, roundId));
    return entity && roundFromEntity(entity);
  }

  // Round ids of both kinds do not sort together (`now-` before `sched-`): read the starts, then the few rounds wanted.
  async listRecent(tenantId: string, poolId: string, limit: number): Promise<BuddyRound[]> {
    const starts = await this.table.listPartitionSelect(buddyRoundsPartition(tenantId, poolId), ['roundId', 'startedAt']);
    const newest = starts
      .flatMap((row) => (typeof row['roundId'] === 'string' && typeof row['startedAt'] === 'string' ? [row] : []))
      .sort(
        (a, b) => String(b['startedAt']).localeCompare(String(a['startedAt'])) || String(b['roundId']).localeCompare(String(a['roundId'])),
      )
      .slice(0, limit);
    const rounds = await Promise.all(newest.map((row) => this.get(tenantId, poolId, String(row['roundId']))));
    return rounds.filter((r): r is BuddyRound => r !== undefined);
  }
}

export class TableBuddyAnswerRepository implements BuddyAnswerRepository {
  constructor(private readonly table: StorageTable) {}

  async put(answer: BuddyMetAnswer): Promise<void> {
    await this.table.upsert(answerToEntity(answer));
  }

  async listForRound(tenantId: string, poolId: string, roundId: string): Promise<BuddyMetAnswer[]> {
    return (await this.table.listPartition(buddyAnswersPartition(tenantId, poolId, roundId))).map(answerFromEntity);
  }
}
