import { z } from 'zod';
import type { RecentResponder } from '../../domain/rsvp/recent-responders';
import type { RsvpCounts } from '../../domain/sessions/session';
import { id, isoTime, jsonText, parseRow, toEntity } from '../shared/entity-schema';
import { rsvpTallyKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

/** The authoritative RSVP counts of one session, kept in the RSVP partition (see table-rsvp-repository.ts). */
export interface RsvpTally {
  readonly tenantId: string;
  readonly sessionId: string;
  readonly counts: RsvpCounts;
  /** Goes up by one with every change; the session row copies counts only from a newer version. */
  readonly version: number;
  /**
   * The people who answered last, newest first (domain/rsvp/recent-responders.ts), changed in the
   * same transaction as their rows, so the invite card needs no read of every row. Undefined in a
   * tally written before the list existed: it is then derived from the rows once.
   */
  readonly recent?: readonly RecentResponder[];
}

const count = z.number().int().min(0);

const row = z.object({
  tenantId: id,
  sessionId: id,
  yes: count,
  maybe: count,
  no: count,
  waitlisted: count.optional(),
  version: count,
  recent: jsonText(z.array(z.object({ userId: id, respondedAt: isoTime }))).optional(),
});

export function tallyToEntity(tally: RsvpTally): NewEntity {
  return toEntity(rsvpTallyKey(tally.tenantId, tally.sessionId), {
    tenantId: tally.tenantId,
    sessionId: tally.sessionId,
    yes: tally.counts.yes,
    maybe: tally.counts.maybe,
    no: tally.counts.no,
    waitlisted: tally.counts.waitlisted || undefined,
    version: tally.version,
    recent: tally.recent ? JSON.stringify(tally.recent.map(({ userId, respondedAt }) => ({ userId, respondedAt }))) : undefined,
  });
}

export function tallyFromEntity(entity: StoredEntity): RsvpTally {
  const r = parseRow(TABLES.rsvps, entity, row, (t) => rsvpTallyKey(t.tenantId, t.sessionId));
  return {
    tenantId: r.tenantId,
    sessionId: r.sessionId,
    counts: { yes: r.yes, maybe: r.maybe, no: r.no, ...(r.waitlisted ? { waitlisted: r.waitlisted } : {}) },
    version: r.version,
    ...(r.recent ? { recent: r.recent } : {}),
  };
}
