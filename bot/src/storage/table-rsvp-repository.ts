import { NotFoundError } from '../domain/repositories';
import type { RsvpOutcome, RsvpRepository } from '../domain/repositories';
import { firstInLine, freePlaces, fullCounts, nextInLine, planRsvp } from '../domain/rsvp-rules';
import { RSVP_RESPONSES } from '../domain/session';
import type { LearningSession, Rsvp, RsvpCounts, RsvpResponse } from '../domain/session';
import type { ConflictRetryPolicy } from './etag-retry';
import { retryOnConflict } from './etag-retry';
import { RSVP_TALLY_ROW_KEY, rsvpKey, rsvpPartition, rsvpsOfUserPartition, rsvpTallyKey, sessionKey } from './keys';
import { rsvpFromEntity, rsvpOfUserFromEntity, rsvpOfUserToEntity, rsvpToEntity } from './rsvp-mapper';
import { tallyFromEntity, tallyToEntity } from './rsvp-tally-mapper';
import type { RsvpTally } from './rsvp-tally-mapper';
import { sessionToEntity, storedSessionFromEntity } from './session-mapper';
import type { TransactionAction } from '@azure/data-tables';
import type { StorageTable, StoredEntity } from './storage-table';

type SessionRef = Pick<LearningSession, 'tenantId' | 'teamId' | 'sessionId'>;

/**
 * Why RSVPs keep a tally row: the RSVP row (PK tenant|session) and the session row (PK tenant|team)
 * live in different partitions, so no single transaction covers both, and moving the session's
 * counts by a delta would count twice if the process died between the two writes and the user
 * answered again. Instead:
 *  1. The user's RSVP row and a tally row in the same partition change together in one
 *     entity-group transaction, both under their ETags. The tally is exact, whatever crashes.
 *  2. The session row then copies the tally's counts (absolute values, not a delta) under the
 *     session's ETag, only when the tally's version is newer than the one it shows.
 * A crash between 1 and 2 leaves the session's counts one answer behind until the next RSVP to that
 * session copies a newer tally; it can never count an answer twice.
 */
export class TableRsvpRepository implements RsvpRepository {
  constructor(
    private readonly rsvps: StorageTable,
    private readonly sessions: StorageTable,
    private readonly retry: ConflictRetryPolicy,
  ) {}

  async get(tenantId: string, sessionId: string, userId: string): Promise<Rsvp | undefined> {
    const entity = await this.rsvps.get(rsvpKey(tenantId, sessionId, userId));
    return entity && rsvpFromEntity(entity);
  }

  async listForSession(tenantId: string, sessionId: string): Promise<Rsvp[]> {
    const rows = await this.rsvps.listPartition(rsvpPartition(tenantId, sessionId), { exceptRowKey: RSVP_TALLY_ROW_KEY });
    return rows.map(rsvpFromEntity);
  }

  /** Every answer of one person in a tenant, newest first. */
  async listForUser(tenantId: string, userId: string): Promise<Rsvp[]> {
    const rows = await this.rsvps.listPartition(rsvpsOfUserPartition(tenantId, userId));
    return rows.map(rsvpOfUserFromEntity).sort((a, b) => b.respondedAt.localeCompare(a.respondedAt));
  }

  async respond(
    ref: SessionRef,
    userId: string,
    response: RsvpResponse,
    now: Date,
  ): Promise<RsvpOutcome> {
    if (!RSVP_RESPONSES.includes(response)) throw new TypeError(`Unknown RSVP response ${JSON.stringify(response)}`);
    const { tenantId, teamId, sessionId } = ref;
    const sessionRow = sessionKey(tenantId, teamId, sessionId);
    const first = await this.sessions.get(sessionRow);
    if (!first) throw new NotFoundError(`No session ${sessionId} in team ${teamId}`);
    const shownVersion = storedSessionFromEntity(first).tallyVersion;

    const capacity = storedSessionFromEntity(first).session.capacity;
    const outcome = await retryOnConflict(`RSVP of ${userId} to session ${sessionId}`, this.retry, async () => {
      const [tallyEntity, rowEntity] = await Promise.all([
        this.rsvps.get(rsvpTallyKey(tenantId, sessionId)),
        this.rsvps.get(rsvpKey(tenantId, sessionId, userId)),
      ]);
      const previous = rowEntity && rsvpFromEntity(rowEntity);
      const base = tallyEntity ? tallyFromEntity(tallyEntity) : await this.deriveTally(tenantId, sessionId, shownVersion);
      const plan = planRsvp(base.counts, capacity, previous, response);
      if (plan.unchanged && previous && tallyEntity) return { tally: base, rsvp: previous, promoted: undefined };
      const rsvp: Rsvp = {
        tenantId,
        teamId,
        sessionId,
        userId,
        response,
        respondedAt: now.toISOString(),
        ...(plan.waitlisted ? { waitlisted: true } : {}),
      };
      let counts = plan.counts;
      let promotion: { entity: StoredEntity; rsvp: Rsvp } | undefined;
      if (plan.promoteFirst) {
        const rows = await this.rsvps.listPartition(rsvpPartition(tenantId, sessionId), { exceptRowKey: RSVP_TALLY_ROW_KEY });
        const first = firstInLine(rows.map(rsvpFromEntity), userId);
        const entity = first && rows.find((r) => r.rowKey === rsvpKey(tenantId, sessionId, first.userId).rowKey);
        if (first && entity) {
          const { waitlisted: _line, ...confirmed } = first;
          promotion = { entity, rsvp: confirmed };
        } else {
          // The tally said someone waits but no row does (an interrupted bulk import): promote nobody.
          counts = { ...counts, yes: counts.yes - 1, waitlisted: 0 };
        }
      }
      // Rows and sessions without a waitlist keep the counts they always had (no `waitlisted: 0`).
      const { waitlisted: inLine, ...plain } = counts;
      const next: RsvpTally = { ...base, counts: inLine > 0 ? counts : plain, version: base.version + 1 };
      const actions: TransactionAction[] = [
        tallyEntity ? ['update', tallyToEntity(next), 'Replace', { etag: tallyEntity.etag }] : ['create', tallyToEntity(next)],
        rowEntity ? ['update', rsvpToEntity(rsvp), 'Replace', { etag: rowEntity.etag }] : ['create', rsvpToEntity(rsvp)],
      ];
      if (promotion) actions.push(['update', rsvpToEntity(promotion.rsvp), 'Replace', { etag: promotion.entity.etag }]);
      await this.rsvps.transaction(actions);
      return { tally: next, rsvp, promoted: promotion?.rsvp };
    });
    const { tally, rsvp, promoted } = outcome;
    // The person index follows the answer; a crash in between leaves it one answer behind until the next one.
    await Promise.all([rsvp, ...(promoted ? [promoted] : [])].map((r) => this.rsvps.upsert(rsvpOfUserToEntity(r))));

    const session = await this.copyTally(ref, tally);
    return { session, rsvp, ...(promoted ? { promoted } : {}) };
  }

  async promoteWaiting(ref: SessionRef): Promise<{ session: LearningSession; promoted: Rsvp[] }> {
    const { tenantId, teamId, sessionId } = ref;
    const first = await this.sessions.get(sessionKey(tenantId, teamId, sessionId));
    if (!first) throw new NotFoundError(`No session ${sessionId} in team ${teamId}`);
    const stored = storedSessionFromEntity(first);
    const outcome = await retryOnConflict(`Promoting the waitlist of session ${sessionId}`, this.retry, async () => {
      const tallyEntity = await this.rsvps.get(rsvpTallyKey(tenantId, sessionId));
      const base = tallyEntity ? tallyFromEntity(tallyEntity) : await this.deriveTally(tenantId, sessionId, stored.tallyVersion);
      // One entity-group transaction holds at most 100 operations: the tally plus 99 places per round.
      const free = Math.min(freePlaces(base.counts, stored.session.capacity), 99);
      if (free === 0) return { tally: base, promoted: [] as Rsvp[] };
      const rows = await this.rsvps.listPartition(rsvpPartition(tenantId, sessionId), { exceptRowKey: RSVP_TALLY_ROW_KEY });
      const byKey = new Map(rows.map((r) => [r.rowKey, r]));
      const chosen = nextInLine(rows.map(rsvpFromEntity), free);
      const promoted: Rsvp[] = chosen.map(({ waitlisted: _line, ...confirmed }) => confirmed);
      const counts = fullCounts(base.counts);
      const waiting = counts.waitlisted - promoted.length;
      const next: RsvpTally = {
        ...base,
        counts: { yes: counts.yes + promoted.length, maybe: counts.maybe, no: counts.no, ...(waiting > 0 ? { waitlisted: waiting } : {}) },
        version: base.version + 1,
      };
      const actions: TransactionAction[] = [
        tallyEntity ? ['update', tallyToEntity(next), 'Replace', { etag: tallyEntity.etag }] : ['create', tallyToEntity(next)],
        ...promoted.map((r): TransactionAction => ['update', rsvpToEntity(r), 'Replace', { etag: byKey.get(rsvpKey(tenantId, sessionId, r.userId).rowKey)?.etag ?? '*' }]),
      ];
      await this.rsvps.transaction(actions);
      return { tally: next, promoted };
    });
    await Promise.all(outcome.promoted.map((r) => this.rsvps.upsert(rsvpOfUserToEntity(r))));
    const session = await this.copyTally(ref, outcome.tally);
    return { session, promoted: outcome.promoted };
  }

  /** Copies a tally's counts (absolute values) onto the session under its ETag, unless a newer tally got there first. */
  private async copyTally(ref: SessionRef, tally: RsvpTally): Promise<LearningSession> {
    const { tenantId, teamId, sessionId } = ref;
    return retryOnConflict(`Copying RSVP counts to session ${sessionId}`, this.retry, async () => {
      const entity = await this.sessions.get(sessionKey(tenantId, teamId, sessionId));
      if (!entity) throw new NotFoundError(`Session ${sessionId} in team ${teamId} was deleted while answering`);
      const stored = storedSessionFromEntity(entity);
      // A newer tally was copied already (someone answered after us): it includes our answer.
      if (stored.tallyVersion >= tally.version) return stored.session;
      const updated: LearningSession = { ...stored.session, counts: tally.counts };
      await this.sessions.replace(sessionToEntity(updated, tally.version), entity.etag);
      return updated;
    });
  }

  /**
   * Bulk import and seeding. The rows are written as given, so the tallies of the sessions they
   * touch are dropped and rebuilt from the rows on the next `respond`; session counts are the
   * caller's to set (SessionRepository.putMany).
   */
  async putMany(rsvps: readonly Rsvp[]): Promise<void> {
    await this.rsvps.putMany([...rsvps.map(rsvpToEntity), ...rsvps.map(rsvpOfUserToEntity)]);
    const sessions = new Map(rsvps.map((r) => [rsvpPartition(r.tenantId, r.sessionId), r]));
    for (const r of sessions.values()) await this.rsvps.delete(rsvpTallyKey(r.tenantId, r.sessionId));
  }

  /** Counts the rows themselves: the first answer to a session, or after a bulk import. */
  private async deriveTally(tenantId: string, sessionId: string, afterVersion: number): Promise<RsvpTally> {
    const counts: { -readonly [K in keyof RsvpCounts]-?: number } = { yes: 0, maybe: 0, no: 0, waitlisted: 0 };
    for (const row of await this.listForSession(tenantId, sessionId)) {
      if (row.response === 'yes' && row.waitlisted) counts.waitlisted += 1;
      else counts[row.response] += 1;
    }
    // Start above the version the session shows, so the copy step is never refused as "older".
    return { tenantId, sessionId, counts, version: afterVersion };
  }
}
