import type { OpenSessionRef } from '../../domain/shared/repositories';
import type { LearningSession } from '../../domain/sessions/session';
import { openSessionKey, openSessionsPartition } from '../shared/keys';
import type { StorageTable, StoredEntity } from '../shared/storage-table';

/**
 * The tenant's index of sessions open to the whole organisation. Written before the session row
 * when a session becomes open (so a crash leaves at most an index row without its session, which
 * the reader skips) and removed after it stops being open, moved or cancelled. Rows name no person.
 */
const indexed = (session: LearningSession | undefined): session is LearningSession =>
  session !== undefined && session.openToOrganisation && session.status === 'scheduled';

const keyOf = (session: LearningSession) => openSessionKey(session.tenantId, session.startsAt, session.teamId, session.sessionId);

export function openIndexEntity(session: LearningSession) {
  return {
    ...keyOf(session),
    teamId: session.teamId,
    sessionId: session.sessionId,
    startsAt: session.startsAt,
    title: session.title,
    skills: JSON.stringify(session.skills),
  };
}

/** Before the session row is written: the row the session will need, if any. */
export async function indexBefore(table: StorageTable, next: LearningSession): Promise<void> {
  if (indexed(next)) await table.upsert(openIndexEntity(next));
}

/** After the session row was written: drop the row the session no longer needs (not open, cancelled, moved). */
export async function unindexAfter(table: StorageTable, previous: LearningSession | undefined, next: LearningSession): Promise<void> {
  if (!indexed(previous)) return;
  if (indexed(next) && previous.startsAt === next.startsAt) return;
  await table.delete(keyOf(previous));
}

function refOf(row: StoredEntity): OpenSessionRef | undefined {
  const { teamId, sessionId, startsAt, title, skills } = row;
  if (typeof teamId !== 'string' || typeof sessionId !== 'string' || typeof startsAt !== 'string' || typeof title !== 'string')
    return undefined;
  let parsed: unknown;
  try {
    parsed = typeof skills === 'string' ? JSON.parse(skills) : [];
  } catch {
    parsed = [];
  }
  const list = Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  return { teamId, sessionId, startsAt, title, skills: list };
}

/** The index rows of sessions starting at or after `fromIso`, soonest first. */
export async function listOpenIndex(table: StorageTable, tenantId: string, fromIso: string): Promise<OpenSessionRef[]> {
  // RowKeys start with the escaped start time; ISO times keep their characters, so key order is time order.
  const rows = await table.listRange(openSessionsPartition(tenantId), fromIso, '~');
  return rows.flatMap((row) => refOf(row) ?? []);
}
