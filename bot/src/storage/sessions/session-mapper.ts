import { z } from 'zod';
import { coTeachersOf, RECURRENCES, SESSION_FORMATS } from '../../domain/sessions/session';
import type { LearningSession, SessionTiming } from '../../domain/sessions/session';
import { id, isoTime, jsonText, parseRow, toEntity } from '../shared/entity-schema';
import { sessionKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const count = z.number().int().min(0);

const row = z.object({
  tenantId: id,
  teamId: id,
  sessionId: id,
  title: z.string(),
  description: z.string(),
  skills: jsonText(z.array(z.string())),
  format: z.enum(SESSION_FORMATS),
  startsAt: isoTime,
  durationMinutes: z.number().int().min(0),
  // exactOptional: toEntity never writes undefined, so a missing value is a missing column, and the domain type says `?: string`.
  onlineUrl: z.string().exactOptional(),
  place: z.string().exactOptional(),
  capacity: z.number().int().min(0).optional(),
  channelId: z.string().exactOptional(),
  hostId: id,
  teacherIds: jsonText(z.array(id)),
  discussionLeaderId: z.string().exactOptional(),
  status: z.enum(['scheduled', 'cancelled']),
  openToOrganisation: z.boolean(),
  rsvpYes: count,
  rsvpMaybe: count,
  rsvpNo: count,
  rsvpWaitlisted: count.optional(),
  seriesId: z.string().optional(),
  recurrence: z.enum(RECURRENCES).optional(),
  rsvpTallyVersion: count.optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/**
 * The columns a timing read selects (`listTimingsStartingFrom`): the ids for the key check, the timing, and
 * whom the session names (columns every row already holds). A selected column a row lacks may come back
 * as null (Azure fills selected properties an entity does not have): no discussion leader.
 */
const timingRow = row
  .pick({
    tenantId: true,
    teamId: true,
    sessionId: true,
    startsAt: true,
    durationMinutes: true,
    status: true,
    hostId: true,
    teacherIds: true,
  })
  .extend({ discussionLeaderId: z.string().nullish() });
// The keys too: a `$select` returns only what it names, and parseRow checks the row's ids against them.
export const SESSION_TIMING_COLUMNS = ['PartitionKey', 'RowKey', ...Object.keys(timingRow.shape)];

/** A session as stored: the domain object plus which RSVP tally version its counts show. */
interface StoredSession {
  readonly session: LearningSession;
  /** See table-rsvp-repository.ts: the counts are a copy of the RSVP tally, written forward only. */
  readonly tallyVersion: number;
}

export function sessionToEntity(session: LearningSession, tallyVersion: number): NewEntity {
  return toEntity(sessionKey(session.tenantId, session.teamId, session.sessionId), {
    tenantId: session.tenantId,
    teamId: session.teamId,
    sessionId: session.sessionId,
    title: session.title,
    description: session.description,
    skills: JSON.stringify(session.skills),
    format: session.format,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    onlineUrl: session.onlineUrl,
    place: session.place,
    capacity: session.capacity,
    channelId: session.channelId,
    hostId: session.hostId,
    teacherIds: JSON.stringify(session.teacherIds),
    discussionLeaderId: session.discussionLeaderId,
    status: session.status,
    openToOrganisation: session.openToOrganisation,
    rsvpYes: session.counts.yes,
    rsvpMaybe: session.counts.maybe,
    rsvpNo: session.counts.no,
    rsvpWaitlisted: session.counts.waitlisted,
    seriesId: session.seriesId,
    recurrence: session.recurrence,
    rsvpTallyVersion: tallyVersion,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  });
}

export function storedSessionFromEntity(entity: StoredEntity): StoredSession {
  const r = parseRow(TABLES.sessions, entity, row, (s) => sessionKey(s.tenantId, s.teamId, s.sessionId));
  const { rsvpYes, rsvpMaybe, rsvpNo, rsvpWaitlisted, rsvpTallyVersion, capacity, seriesId, recurrence, ...rest } = r;
  // Rows written before waitlists and series carry none of those columns: they read as "none".
  return {
    session: {
      ...rest,
      teacherIds: coTeachersOf(rest.hostId, rest.teacherIds),
      capacity: capacity ?? null,
      counts: { yes: rsvpYes, maybe: rsvpMaybe, no: rsvpNo, ...(rsvpWaitlisted ? { waitlisted: rsvpWaitlisted } : {}) },
      ...(seriesId ? { seriesId } : {}),
      ...(recurrence && recurrence !== 'none' ? { recurrence } : {}),
    },
    tallyVersion: rsvpTallyVersion ?? 0,
  };
}

export function sessionFromEntity(entity: StoredEntity): LearningSession {
  return storedSessionFromEntity(entity).session;
}

/** A row read with only `SESSION_TIMING_COLUMNS` selected. */
export function sessionTimingFromEntity(entity: StoredEntity): SessionTiming {
  const { sessionId, startsAt, durationMinutes, status, hostId, teacherIds, discussionLeaderId } = parseRow(
    TABLES.sessions,
    entity,
    timingRow,
    (s) => sessionKey(s.tenantId, s.teamId, s.sessionId),
  );
  return {
    sessionId,
    startsAt,
    durationMinutes,
    status,
    hostId,
    teacherIds: coTeachersOf(hostId, teacherIds),
    ...(discussionLeaderId ? { discussionLeaderId } : {}),
  };
}
