import { NotFoundError } from '../domain/repositories';
import type { RsvpRepository } from '../domain/repositories';
import { countsAfterChange, RSVP_RESPONSES } from '../domain/session';
import type { LearningSession, Rsvp, RsvpCounts, RsvpResponse } from '../domain/session';
import type { ConflictRetryPolicy } from './etag-retry';
import { retryOnConflict } from './etag-retry';
import { RSVP_TALLY_ROW_KEY, rsvpKey, rsvpPartition, rsvpTallyKey, sessionKey } from './keys';
import { rsvpFromEntity, rsvpToEntity } from './rsvp-mapper';
import { tallyFromEntity, tallyToEntity } from './rsvp-tally-mapper';
import type { RsvpTally } from './rsvp-tally-mapper';
import { sessionToEntity, storedSessionFromEntity } from './session-mapper';
import type { StorageTable } from './storage-table';

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

  async respond(
    ref: SessionRef,
    userId: string,
    response: RsvpResponse,
    now: Date,
  ): Promise<{ session: LearningSession; rsvp: Rsvp }> {
    if (!RSVP_RESPONSES.includes(response)) throw new TypeError(`Unknown RSVP response ${JSON.stringify(response)}`);
    const { tenantId, teamId, sessionId } = ref;
    const sessionRow = sessionKey(tenantId, teamId, sessionId);
    const first = await this.sessions.get(sessionRow);
    if (!first) throw new NotFoundError(`No session ${sessionId} in team ${teamId}`);
    const shownVersion = storedSessionFromEntity(first).tallyVersion;

    const rsvp: Rsvp = { tenantId, teamId, sessionId, userId, response, respondedAt: now.toISOString() };
    const tally = await retryOnConflict(`RSVP of ${userId} to session ${sessionId}`, this.retry, async () => {
      const [tallyEntity, rowEntity] = await Promise.all([
        this.rsvps.get(rsvpTallyKey(tenantId, sessionId)),
        this.rsvps.get(rsvpKey(tenantId, sessionId, userId)),
      ]);
      const previous = rowEntity && rsvpFromEntity(rowEntity).response;
      const base = tallyEntity ? tallyFromEntity(tallyEntity) : await this.deriveTally(tenantId, sessionId, shownVersion);
      const next: RsvpTally = { ...base, counts: countsAfterChange(base.counts, previous, response), version: base.version + 1 };
      await this.rsvps.transaction([
        tallyEntity ? ['update', tallyToEntity(next), 'Replace', { etag: tallyEntity.etag }] : ['create', tallyToEntity(next)],
        rowEntity ? ['update', rsvpToEntity(rsvp), 'Replace', { etag: rowEntity.etag }] : ['create', rsvpToEntity(rsvp)],
      ]);
      return next;
    });

    const session = await retryOnConflict(`Copying RSVP counts to session ${sessionId}`, this.retry, async () => {
      const entity = await this.sessions.get(sessionRow);
      if (!entity) throw new NotFoundError(`Session ${sessionId} in team ${teamId} was deleted while answering`);
      const stored = storedSessionFromEntity(entity);
      // A newer tally was copied already (someone answered after us): it includes our answer.
      if (stored.tallyVersion >= tally.version) return stored.session;
      const updated: LearningSession = { ...stored.session, counts: tally.counts };
      await this.sessions.replace(sessionToEntity(updated, tally.version), entity.etag);
      return updated;
    });
    return { session, rsvp };
  }

  /**
   * Bulk import and seeding. The rows are written as given, so the tallies of the sessions they
   * touch are dropped and rebuilt from the rows on the next `respond`; session counts are the
   * caller's to set (SessionRepository.putMany).
   */
  async putMany(rsvps: readonly Rsvp[]): Promise<void> {
    await this.rsvps.putMany(rsvps.map(rsvpToEntity));
    const sessions = new Map(rsvps.map((r) => [rsvpPartition(r.tenantId, r.sessionId), r]));
    for (const r of sessions.values()) await this.rsvps.delete(rsvpTallyKey(r.tenantId, r.sessionId));
  }

  /** Counts the rows themselves: the first answer to a session, or after a bulk import. */
  private async deriveTally(tenantId: string, sessionId: string, afterVersion: number): Promise<RsvpTally> {
    const counts: Record<keyof RsvpCounts, number> = { yes: 0, maybe: 0, no: 0 };
    for (const row of await this.listForSession(tenantId, sessionId)) counts[row.response] += 1;
    // Start above the version the session shows, so the copy step is never refused as "older".
    return { tenantId, sessionId, counts, version: afterVersion };
  }
}
