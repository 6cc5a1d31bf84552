import { odata } from '@azure/data-tables';
import type { Granularity, SessionFact } from '../../domain/insights/insights';
import type { InsightsBookkeeping, InsightsMeta, InsightsRepository, PeriodRollup } from '../../domain/insights/insights-repositories';
import { periodOf } from '../../domain/insights/periods';
import type { Period } from '../../domain/insights/periods';
import { rollUp } from '../../domain/insights/session-fold';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import { retryOnConflict } from '../shared/etag-retry';
import {
  insightsFactKey,
  insightsFactPointerKey,
  insightsFactRange,
  insightsFactsPartition,
  insightsMetaKey,
  insightsPartition,
  insightsPeriodKey,
  insightsPeriodRows,
} from '../shared/keys';
import { forEachLimited } from '../../domain/shared/each-limited';
import { toEntity } from '../shared/entity-schema';
import { statusOf } from '../shared/storage-errors';
import type { StorageTable, StoredEntity } from '../shared/storage-table';
import { PeriodRowCache } from './period-row-cache';
import { factFromEntity, factToEntity, periodFromEntity, periodToEntity, pointerStart } from './insights-mappers';

const GRANULARITY_LIST: readonly Granularity[] = ['week', 'month'];

/** A report reads the rows that changed since the last one by point reads up to this many, else the range again. */
const POINT_READS_UP_TO = 8;

const DAY_MS = 24 * 3600_000;

/** Periods rebuilt side by side by saveFacts (each one is a range read and a write). */
const PERIODS_IN_FLIGHT = 4;

export class TableInsightsRepository implements InsightsRepository, InsightsBookkeeping {
  constructor(
    /** plInsights: the period rows and the bookkeeping. */
    private readonly table: StorageTable,
    /** plInsightFacts: a fact per held session and where it is. */
    private readonly facts: StorageTable,
    private readonly retry: ConflictRetryPolicy,
    /** Parsed period rows by ETag, for the reports of this process. */
    private readonly periodRows: PeriodRowCache = new PeriodRowCache(),
  ) {}

  /**
   * First which rows there are and their ETags (one small property each), then only the rows not
   * held parsed under the same ETag: point reads for a few (after a fold: a week and a month), the
   * whole range again for more (a process's first report).
   */
  async listPeriods(tenantId: string, teamId: string, granularity: Granularity, fromIso: string, toIso: string): Promise<PeriodRollup[]> {
    const rows = insightsPeriodRows(granularity);
    const partitionKey = insightsPartition(tenantId, teamId);
    const where = odata`RowKey ge ${rows.from} and RowKey lt ${rows.to} and startsAt ge ${fromIso} and startsAt lt ${toIso}`;
    const cacheKey = (rowKey: string | undefined) => `${partitionKey}\n${rowKey ?? ''}`;
    const parsed = (entity: StoredEntity): PeriodRollup => {
      const rollup = periodFromEntity(entity);
      this.periodRows.set(cacheKey(entity.rowKey), entity.etag, rollup);
      return rollup;
    };
    const found: PeriodRollup[] = [];
    const missing: string[] = [];
    for (const probe of await this.table.listPartitionWhere(partitionKey, where, ['RowKey', 'sessionsHeld'])) {
      if (probe['sessionsHeld'] === 0) continue;
      const held = this.periodRows.get(cacheKey(probe.rowKey), probe.etag);
      if (held) found.push(held);
      else missing.push(probe.rowKey ?? '');
    }
    if (missing.length > POINT_READS_UP_TO) {
      found.length = 0;
      found.push(...(await this.table.listPartitionWhere(partitionKey, where)).map(parsed));
    } else {
      const read = await Promise.all(missing.map((rowKey) => this.table.get({ partitionKey, rowKey })));
      for (const entity of read) if (entity) found.push(parsed(entity));
    }
    return found.filter((p) => p.sessionsHeld > 0).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  async getFact(tenantId: string, teamId: string, sessionId: string): Promise<SessionFact | undefined> {
    const pointer = await this.facts.get(insightsFactPointerKey(tenantId, teamId, sessionId));
    if (!pointer) return undefined;
    const row = await this.facts.get(insightsFactKey(tenantId, teamId, pointerStart(pointer), sessionId));
    return row && factFromEntity(row);
  }

  async saveFact(tenantId: string, teamId: string, sessionId: string, fact: SessionFact | undefined, timeZone: string): Promise<void> {
    const pointerKey = insightsFactPointerKey(tenantId, teamId, sessionId);
    const pointer = await this.facts.get(pointerKey);
    const before = pointer ? pointerStart(pointer) : undefined;
    if (fact) {
      if (fact.tenantId !== tenantId || fact.teamId !== teamId || fact.sessionId !== sessionId)
        throw new Error('InsightsRepository.saveFact: the fact belongs to another session');
      // The fact first, then the pointer, then the old row: a crash in between leaves at most a stale
      // row the next fold of the session removes (the pointer still names it until it is replaced).
      await this.facts.upsert(factToEntity(fact));
      await this.facts.upsert(toEntity(pointerKey, { startsAt: new Date(fact.startsAt).toISOString() }));
    }
    const moved = before !== undefined && (!fact || Date.parse(before) !== Date.parse(fact.startsAt));
    if (moved) await this.facts.delete(insightsFactKey(tenantId, teamId, before, sessionId));
    if (!fact && pointer) await this.facts.delete(pointerKey);

    const touched = new Map<string, { granularity: Granularity; period: Period }>();
    for (const at of [fact?.startsAt, moved ? before : undefined]) {
      if (at === undefined) continue;
      for (const granularity of GRANULARITY_LIST) {
        const period = periodOf(new Date(at), granularity, timeZone);
        touched.set(`${granularity}|${period.key}`, { granularity, period });
      }
    }
    for (const { granularity, period } of touched.values()) await this.rebuild(tenantId, teamId, granularity, period);
    await this.markFolded(tenantId, teamId, fact?.foldedAt ?? new Date().toISOString());
  }

  async saveFacts(tenantId: string, teamId: string, facts: readonly SessionFact[], timeZone: string): Promise<void> {
    const pointers = facts.map((f) =>
      toEntity(insightsFactPointerKey(tenantId, teamId, f.sessionId), { startsAt: new Date(f.startsAt).toISOString() }),
    );
    await this.facts.putMany([...facts.map(factToEntity), ...pointers]);
    const touched = new Map<string, { granularity: Granularity; period: Period }>();
    for (const fact of facts) {
      for (const granularity of GRANULARITY_LIST) {
        const period = periodOf(new Date(fact.startsAt), granularity, timeZone);
        touched.set(`${granularity}|${period.key}`, { granularity, period });
      }
    }
    await forEachLimited([...touched.values()], PERIODS_IN_FLIGHT, ({ granularity, period }) =>
      this.rebuild(tenantId, teamId, granularity, period),
    );
    const latest = facts.reduce((at, f) => (f.foldedAt > at ? f.foldedAt : at), '');
    if (latest !== '') await this.markFolded(tenantId, teamId, latest);
  }

  async listFacts(tenantId: string, teamId: string): Promise<SessionFact[]> {
    // Every `fact|<ISO start>|…` row (ISO starts begin with a digit, all below `~`); the `factOf|` pointers sort before them.
    const range = insightsFactRange('0', '~');
    return (await this.facts.listRange(insightsFactsPartition(tenantId, teamId), range.from, range.to)).map(factFromEntity);
  }

  /**
   * The period row recomputed from its facts under the row's ETag: the row is read first, then the
   * facts, then written with If-Match (or created). A fold that wrote its fact after our read of the
   * facts changed the row meanwhile or will read it after our write, so no fact is lost; on 412/409
   * we read again.
   */
  private async rebuild(tenantId: string, teamId: string, granularity: Granularity, period: Period): Promise<void> {
    const key = insightsPeriodKey(tenantId, teamId, granularity, period.key);
    await retryOnConflict(`Rebuilding ${granularity} ${period.key}`, this.retry, async () => {
      const current = await this.table.get(key);
      const range = insightsFactRange(period.startsAt.toISOString(), period.endsAt.toISOString());
      const facts = (await this.facts.listRange(insightsFactsPartition(tenantId, teamId), range.from, range.to)).map(factFromEntity);
      const rollup = rollUp({ tenantId, teamId, granularity, period: period.key, startsAt: period.startsAt.toISOString() }, facts);
      // An emptied period stays as a zero row (a delete cannot carry an ETag here); listPeriods leaves it out.
      if (current) await this.table.replace(periodToEntity(rollup), current.etag);
      else await this.table.create(periodToEntity(rollup));
    });
  }

  async refile(tenantId: string, teamId: string, timeZone: string): Promise<void> {
    const partitionKey = insightsPartition(tenantId, teamId);
    const touched = new Map<string, { granularity: Granularity; period: Period }>();
    const touch = (at: Date, granularity: Granularity) => {
      const period = periodOf(at, granularity, timeZone);
      touched.set(`${granularity}|${period.key}`, { granularity, period });
    };
    for (const granularity of GRANULARITY_LIST) {
      const rows = insightsPeriodRows(granularity);
      const where = odata`RowKey ge ${rows.from} and RowKey lt ${rows.to}`;
      // A row filed on another clock starts up to a day away from the new one; two days in, it is the
      // same week or month on any clock, so the row is rebuilt (or emptied) under its own key.
      for (const row of await this.table.listPartitionWhere(partitionKey, where, ['startsAt']))
        if (typeof row['startsAt'] === 'string') touch(new Date(Date.parse(row['startsAt']) + 2 * DAY_MS), granularity);
    }
    // Every fact: their row keys hold ISO 8601 starts, which all sort between these two.
    const all = insightsFactRange('0000', '9999');
    for (const fact of await this.facts.listRange(insightsFactsPartition(tenantId, teamId), all.from, all.to)) {
      const startsAt = factFromEntity(fact).startsAt;
      for (const granularity of GRANULARITY_LIST) touch(new Date(startsAt), granularity);
    }
    await forEachLimited([...touched.values()], PERIODS_IN_FLIGHT, ({ granularity, period }) =>
      this.rebuild(tenantId, teamId, granularity, period),
    );
    const key = insightsMetaKey(tenantId, teamId, 'backfill');
    const backfill = await this.table.get(key);
    const backfilledAt = typeof backfill?.['backfilledAt'] === 'string' ? backfill['backfilledAt'] : new Date().toISOString();
    await this.table.upsert(toEntity(key, { backfilledAt, filedIn: timeZone }));
  }

  private async markFolded(tenantId: string, teamId: string, at: string): Promise<void> {
    await this.table.upsert(toEntity(insightsMetaKey(tenantId, teamId, 'fold'), { lastFoldAt: at }));
  }

  async getMeta(tenantId: string, teamId: string): Promise<InsightsMeta> {
    const [fold, backfill] = await Promise.all([
      this.table.get(insightsMetaKey(tenantId, teamId, 'fold')),
      this.table.get(insightsMetaKey(tenantId, teamId, 'backfill')),
    ]);
    const lastFoldAt = fold?.['lastFoldAt'];
    const backfilledAt = backfill?.['backfilledAt'];
    const filedIn = backfill?.['filedIn'];
    return {
      ...(typeof lastFoldAt === 'string' ? { lastFoldAt } : {}),
      ...(typeof backfilledAt === 'string' ? { backfilledAt } : {}),
      ...(typeof filedIn === 'string' ? { filedIn } : {}),
    };
  }

  async claimBackfill(tenantId: string, teamId: string, at: string, timeZone: string): Promise<boolean> {
    try {
      await this.table.create(toEntity(insightsMetaKey(tenantId, teamId, 'backfill'), { backfilledAt: at, filedIn: timeZone }));
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }
}
