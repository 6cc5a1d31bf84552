import { NotFoundError } from '../../domain/shared/repositories';
import { RSVP_ANSWERS_PER_COMMIT } from '../../domain/shared/repositories';
import type { RsvpAnswer, RsvpOutcome, RsvpRepository } from '../../domain/shared/repositories';
import { firstInLine, freePlaces, fullCounts, nextInLine, planRsvp } from '../../domain/rsvp/rsvp-rules';
import { recentResponders, withAnswers } from '../../domain/rsvp/recent-responders';
import { RSVP_RESPONSES } from '../../domain/sessions/session';
import type { LearningSession, Rsvp, RsvpCounts, RsvpResponse } from '../../domain/sessions/session';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import { retryOnConflict } from '../shared/etag-retry';
import { RSVP_TALLY_ROW_KEY, rsvpKey, rsvpPartition, rsvpsOfUserPartition, rsvpTallyKey, sessionKey } from '../shared/keys';
import { rsvpFromEntity, rsvpOfUserFromEntity, rsvpOfUserToEntity, rsvpToEntity } from './rsvp-mapper';
import { tallyFromEntity, tallyToEntity } from './rsvp-tally-mapper';
import type { RsvpTally } from './rsvp-tally-mapper';
import { sessionToEntity, storedSessionFromEntity } from '../sessions/session-mapper';
import type { TransactionAction } from '@azure/data-tables';
import type { StorageTable, StoredEntity } from '../shared/storage-table';

type SessionRef = Pick<LearningSession, 'tenantId' | 'teamId' | 'sessionId'>;

// Up to this many people's rows of a group commit are point reads; more are one query.
const POINT_READS_UP_TO = 2;

/**
 * Why RSVPs keep a tally row: the RSVP row (PK tenant|session) and the session row (PK tenant|team)
 * live in different partitions, so no single transaction covers both, and moving the session's
 * counts by a delta would count twice if the process died between the two writes and the user
 * answered again. Instead:
 *  1. The user's RSVP row and a tally row in the same partition change together in one
 *     entity-group transaction, both under their ETags. The tally is exact, whatever crashes.
 *     Answers that queued up together (`respondMany`) share that one transaction and one tally step.
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

  /** From the tally (one point read); from the rows only when there is no tally, or one older than its list. */
  async recentResponders(tenantId: string, sessionId: string): Promise<string[]> {
    const tally = await this.rsvps.get(rsvpTallyKey(tenantId, sessionId));
    const recent = tally ? tallyFromEntity(tally).recent : undefined;
    return (recent ?? recentResponders(await this.listForSession(tenantId, sessionId))).map((r) => r.userId);
  }

  /** Every answer of one person in a tenant, newest first. */
  async listForUser(tenantId: string, userId: string): Promise<Rsvp[]> {
    const rows = await this.rsvps.listPartition(rsvpsOfUserPartition(tenantId, userId));
    return rows.map(rsvpOfUserFromEntity).sort((a, b) => b.respondedAt.localeCompare(a.respondedAt));
  }

  async respond(ref: SessionRef, userId: string, response: RsvpResponse, now: Date): Promise<RsvpOutcome> {
    const [outcome] = await this.respondMany(ref, [{ userId, response, now }]);
    if (!outcome) throw new Error(`RSVP of ${userId} to session ${ref.sessionId} produced no outcome`);
    return outcome;
  }

  /**
   * Group commit (see RsvpRepository.respondMany): the answers are planned one after the other on
   * running counts and rows, then the tally and every changed row go in ONE transaction under their
   * ETags. A 412 re-reads and re-plans the whole batch.
   */
  async respondMany(ref: SessionRef, answers: readonly RsvpAnswer[]): Promise<RsvpOutcome[]> {
    for (const { response } of answers) {
      if (!RSVP_RESPONSES.includes(response)) throw new TypeError(`Unknown RSVP response ${JSON.stringify(response)}`);
    }
    if (answers.length > RSVP_ANSWERS_PER_COMMIT) {
      throw new RangeError(`At most ${RSVP_ANSWERS_PER_COMMIT} RSVPs per transaction, got ${answers.length}`);
    }
    if (answers.length === 0) return [];
    const { tenantId, teamId, sessionId } = ref;
    const sessionRow = sessionKey(tenantId, teamId, sessionId);
    const first = await this.sessions.get(sessionRow);
    if (!first) throw new NotFoundError(`No session ${sessionId} in team ${teamId}`);
    const shownVersion = storedSessionFromEntity(first).tallyVersion;
    const capacity = storedSessionFromEntity(first).session.capacity;
    const who = answers.length === 1 ? `RSVP of ${answers[0]?.userId}` : `${answers.length} RSVPs`;

    const outcome = await retryOnConflict(`${who} to session ${sessionId}`, this.retry, async () => {
      const userIds = [...new Set(answers.map((a) => a.userId))];
      const [tallyEntity, rowEntities] = await Promise.all([
        this.rsvps.get(rsvpTallyKey(tenantId, sessionId)),
        this.rowsOf(tenantId, sessionId, userIds),
      ]);
      // Stored rows (with the ETag each write must match) and the rows as the batch has left them so far.
      const stored = new Map<string, StoredEntity>();
      const current = new Map<string, Rsvp>();
      userIds.forEach((u, i) => {
        const entity = rowEntities[i];
        if (entity) {
          stored.set(u, entity);
          current.set(u, rsvpFromEntity(entity));
        }
      });
      const changed = new Set<string>();
      // Everyone else's rows, read once and only when someone must be promoted.
      let others: Map<string, { entity: StoredEntity; rsvp: Rsvp }> | undefined;
      const base = tallyEntity ? tallyFromEntity(tallyEntity) : await this.deriveTally(tenantId, sessionId, shownVersion);
      let counts = fullCounts(base.counts);
      const results: { rsvp: Rsvp; promoted: Rsvp | undefined }[] = [];

      for (const { userId, response, now } of answers) {
        const previous = current.get(userId);
        const plan = planRsvp(counts, capacity, previous, response);
        // As one by one: a repeated answer writes nothing once a tally exists (stored, or written by this batch).
        if (plan.unchanged && previous && (tallyEntity || changed.size > 0)) {
          results.push({ rsvp: previous, promoted: undefined });
          continue;
        }
        const rsvp: Rsvp = {
          tenantId,
          teamId,
          sessionId,
          userId,
          response,
          respondedAt: now.toISOString(),
          ...(plan.waitlisted ? { waitlisted: true } : {}),
        };
        current.set(userId, rsvp);
        changed.add(userId);
        counts = plan.counts;
        let promoted: Rsvp | undefined;
        if (plan.promoteFirst) {
          if (!others) {
            const rows = await this.rsvps.listPartition(rsvpPartition(tenantId, sessionId), { exceptRowKey: RSVP_TALLY_ROW_KEY });
            others = new Map(rows.map((entity) => [rsvpFromEntity(entity).userId, { entity, rsvp: rsvpFromEntity(entity) }]));
          }
          // The line as it stands now: stored rows, overlaid with this batch's answers and promotions.
          const line = new Map([...others].map(([u, o]) => [u, o.rsvp]));
          for (const [u, r] of current) line.set(u, r);
          const next = firstInLine([...line.values()], userId);
          if (next) {
            const { waitlisted: _line, ...confirmed } = next;
            promoted = confirmed;
            current.set(next.userId, confirmed);
            changed.add(next.userId);
            const entity = others.get(next.userId)?.entity;
            if (entity && !stored.has(next.userId)) stored.set(next.userId, entity);
          } else {
            // The tally said someone waits but no row does (an interrupted bulk import): promote nobody.
            counts = { ...counts, yes: counts.yes - 1, waitlisted: 0 };
          }
        }
        results.push({ rsvp, promoted });
      }

      if (changed.size === 0 && tallyEntity) return { tally: base, results, written: [] as Rsvp[] };
      // Rows and sessions without a waitlist keep the counts they always had (no `waitlisted: 0`).
      const { waitlisted: inLine, ...plain } = counts;
      const written = [...changed].map((u) => current.get(u)).filter((r): r is Rsvp => r !== undefined);
      // A tally from before the list existed gets it from the rows, once.
      const recent = base.recent ?? recentResponders(await this.listForSession(tenantId, sessionId));
      const next: RsvpTally = {
        ...base,
        counts: inLine > 0 ? counts : plain,
        version: base.version + 1,
        recent: withAnswers(recent, written),
      };
      const actions: TransactionAction[] = [
        tallyEntity ? ['update', tallyToEntity(next), 'Replace', { etag: tallyEntity.etag }] : ['create', tallyToEntity(next)],
        ...written.map((r): TransactionAction => {
          const entity = stored.get(r.userId);
          return entity ? ['update', rsvpToEntity(r), 'Replace', { etag: entity.etag }] : ['create', rsvpToEntity(r)];
        }),
      ];
      await this.rsvps.transaction(actions);
      return { tally: next, results, written };
    });
    const { tally, results, written } = outcome;
    // The person index follows the answers; a crash in between leaves it one answer behind until the next one.
    const indexed = new Map<string, Rsvp>();
    for (const { rsvp, promoted } of results) {
      indexed.set(rsvp.userId, rsvp);
      if (promoted) indexed.set(promoted.userId, promoted);
    }
    // The last state of each person wins (someone promoted and then answering again in the same batch).
    for (const r of written) indexed.set(r.userId, r);
    await Promise.all([...indexed.values()].map((r) => this.rsvps.upsert(rsvpOfUserToEntity(r))));

    const session = await this.copyTally(ref, tally, first);
    // A repeated answer on a tally from before the list existed writes nothing: the list comes from the rows then.
    const recent = tally.recent ? tally.recent.map((r) => r.userId) : await this.recentResponders(tenantId, sessionId);
    return results.map(({ rsvp, promoted }) => ({ session, rsvp, ...(promoted ? { promoted } : {}), recentResponders: recent }));
  }

  /**
   * These people's rows of one session, in the order of `userIds` (undefined where there is none).
   * A few are point reads; more are queries of the session's partition, 14 rows each (a group commit of
   * 40 answers read its 40 rows in 40 round trips, the largest share of its storage calls).
   */
  private async rowsOf(tenantId: string, sessionId: string, userIds: readonly string[]): Promise<(StoredEntity | undefined)[]> {
    if (userIds.length <= POINT_READS_UP_TO) return Promise.all(userIds.map((u) => this.rsvps.get(rsvpKey(tenantId, sessionId, u))));
    return this.rsvps.getRows(
      rsvpPartition(tenantId, sessionId),
      userIds.map((u) => rsvpKey(tenantId, sessionId, u).rowKey),
    );
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
        ...promoted.map((r): TransactionAction => [
          'update',
          rsvpToEntity(r),
          'Replace',
          { etag: byKey.get(rsvpKey(tenantId, sessionId, r.userId).rowKey)?.etag ?? '*' },
        ]),
      ];
      await this.rsvps.transaction(actions);
      return { tally: next, promoted };
    });
    await Promise.all(outcome.promoted.map((r) => this.rsvps.upsert(rsvpOfUserToEntity(r))));
    const session = await this.copyTally(ref, outcome.tally);
    return { session, promoted: outcome.promoted };
  }

  /** Copies a tally's counts (absolute values) onto the session under its ETag, unless a newer tally got there first. */
  private async copyTally(ref: SessionRef, tally: RsvpTally, readBefore?: StoredEntity): Promise<LearningSession> {
    const { tenantId, teamId, sessionId } = ref;
    // The row as read before the answers were written is usually still current: no second read then (a 412 says it moved on).
    let known = readBefore;
    return retryOnConflict(`Copying RSVP counts to session ${sessionId}`, this.retry, async () => {
      const entity = known ?? (await this.sessions.get(sessionKey(tenantId, teamId, sessionId)));
      known = undefined;
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
    const rows = await this.listForSession(tenantId, sessionId);
    for (const row of rows) {
      if (row.response === 'yes' && row.waitlisted) counts.waitlisted += 1;
      else counts[row.response] += 1;
    }
    // Start above the version the session shows, so the copy step is never refused as "older".
    return { tenantId, sessionId, counts, version: afterVersion, recent: recentResponders(rows) };
  }
}
