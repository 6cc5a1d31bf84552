import type { PulseAnswerOutcome, PulseRepository, PulseScores } from '../../domain/insights/goal-pulse-repositories';
import { PULSE_QUESTIONS } from '../../domain/insights/pulse';
import type { Pulse } from '../../domain/insights/pulse';
import { retryOnConflict } from '../shared/etag-retry';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import { PULSE_ROWS, pulseAnswerKey, pulseKey, pulsesPartition } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { answerMarkerToEntity, pulseFromEntity, pulseToEntity } from './goal-pulse-mappers';

/** The pulse with one more answer's scores counted. */
function counted(pulse: Pulse, scores: PulseScores): Pulse {
  const counts = Object.fromEntries(
    PULSE_QUESTIONS.map((q) => [q, pulse.counts[q].map((n, i) => (i === scores[q] - 1 ? n + 1 : n))]),
  ) as unknown as Pulse['counts'];
  return { ...pulse, responses: pulse.responses + 1, counts };
}

/**
 * A team's pulses and their answer markers share one partition, so an answer is one entity-group
 * transaction: the marker's insert (a second answer of the same person fails it) and the counts'
 * update under the pulse row's ETag (two answers at once never lose a count; the loser retries).
 */
export class TablePulseRepository implements PulseRepository {
  constructor(
    private readonly table: StorageTable,
    private readonly retry: ConflictRetryPolicy,
  ) {}

  async create(pulse: Pulse): Promise<void> {
    await this.table.create(pulseToEntity(pulse));
  }

  async get(tenantId: string, teamId: string, pulseId: string): Promise<Pulse | undefined> {
    const entity = await this.table.get(pulseKey(tenantId, teamId, pulseId));
    return entity && pulseFromEntity(entity);
  }

  async latest(tenantId: string, teamId: string): Promise<Pulse | undefined> {
    // Only the pulse rows (a team posts a few a year), never the markers.
    const rows = (await this.table.listRange(pulsesPartition(tenantId, teamId), PULSE_ROWS.from, PULSE_ROWS.to)).map(pulseFromEntity);
    return rows.reduce<Pulse | undefined>((a, b) => (!a || b.postedAt > a.postedAt ? b : a), undefined);
  }

  async answer(tenantId: string, teamId: string, pulseId: string, marker: string, scores: PulseScores): Promise<PulseAnswerOutcome> {
    return retryOnConflict(`An answer to pulse ${pulseId}`, this.retry, async (): Promise<PulseAnswerOutcome> => {
      const [entity, answered] = await Promise.all([
        this.table.get(pulseKey(tenantId, teamId, pulseId)),
        this.table.get(pulseAnswerKey(tenantId, teamId, pulseId, marker)),
      ]);
      if (!entity) return { kind: 'notFound' };
      // A retry after losing to the same person's other answer finds their marker here.
      if (answered) return { kind: 'alreadyAnswered' };
      const next = counted(pulseFromEntity(entity), scores);
      await this.table.transaction([
        ['create', answerMarkerToEntity(tenantId, teamId, pulseId, marker)],
        ['update', pulseToEntity(next), 'Replace', { etag: entity.etag }],
      ]);
      return { kind: 'answered', pulse: next };
    });
  }
}
