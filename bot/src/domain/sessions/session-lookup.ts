import type { MemberProfile } from '../experts/member';
import type { MemberRepository, SessionRepository } from '../shared/repositories';
import type { LearningSession } from './session';

/** A session by its ids; a missing or empty id (forged card data) finds nothing rather than a partition scan. */
export async function loadSession(
  sessions: SessionRepository,
  tenantId: string,
  teamId: string,
  sessionId: string,
): Promise<LearningSession | undefined> {
  if (typeof sessionId !== 'string' || sessionId === '' || typeof teamId !== 'string' || teamId === '') return undefined;
  return sessions.get(tenantId, teamId, sessionId);
}

/** The profiles of the given people that exist, by user id. */
export async function profilesOf(members: MemberRepository, tenantId: string, ids: Iterable<string>): Promise<Map<string, MemberProfile>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => members.get(tenantId, id)));
  return new Map(found.filter((p): p is MemberProfile => p !== undefined).map((p) => [p.userId, p]));
}
