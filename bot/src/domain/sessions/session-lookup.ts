import type { SessionRepository } from '../shared/repositories';
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
