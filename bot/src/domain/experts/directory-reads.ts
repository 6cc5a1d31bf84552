import { erasureKeyOf } from '../privacy/erasure-key';
import type { SessionRepository, TeamRepository } from '../shared/repositories';
import { sessionEndsAt } from '../sessions/session';
import type { TenantExpertIndex } from './expert-index';

const HASH_BATCH = 512;

/** Drops the people an erasure names by hash (DESIGN F13): the feed never carries an erased person's id. */
export async function forgetErased(index: TenantExpertIndex, keys: ReadonlySet<string>): Promise<void> {
  const tenantId = index.tenantId;
  const userIds = [...index.userIds()];
  // Digests in batches: Web Crypto runs them off the event loop, about 2 s for 100,000 people on 2 cores.
  for (let i = 0; i < userIds.length; i += HASH_BATCH) {
    const batch = userIds.slice(i, i + HASH_BATCH);
    const hashes = await Promise.all(batch.map((userId) => erasureKeyOf(tenantId, userId)));
    batch.forEach((userId, j) => {
      if (keys.has(hashes[j] ?? '')) index.remove(userId);
    });
  }
}

/** Sessions that ended by `nowMs`, were not cancelled, and had this person as host or among the teachers. */
export async function sessionsTaughtIn(
  ports: { readonly teams: Pick<TeamRepository, 'listForTenant'>; readonly sessions: Pick<SessionRepository, 'listForTeam'> },
  tenantId: string,
  nowMs: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const teams = await ports.teams.listForTenant(tenantId);
  for (const team of teams) {
    for (const session of await ports.sessions.listForTeam(tenantId, team.teamId)) {
      if (session.status === 'cancelled' || sessionEndsAt(session).getTime() > nowMs) continue;
      // The host teaches too (as the insights count it), once even where a row lists them as co-teacher as well.
      for (const teacher of new Set([session.hostId, ...session.teacherIds])) counts.set(teacher, (counts.get(teacher) ?? 0) + 1);
    }
  }
  return counts;
}
