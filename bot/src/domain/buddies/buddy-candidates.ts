import { skillKeyOf } from '../experts/expert-index';
import { languageKey } from '../experts/spoken-languages';
import type { MemberProfile } from '../experts/member';
import { forEachLimited } from '../shared/each-limited';
import type { MemberRepository, TeamRepository } from '../shared/repositories';
import { ORGANISATION_POOL } from './buddy';
import type { BuddyCandidate, BuddyPoolId, BuddyPreference } from './buddy';
import type { BuddyPreferenceRepository } from './buddy-repositories';

interface CandidateSources {
  readonly teams: Pick<TeamRepository, 'get' | 'listMembers' | 'listTeamsOf' | 'listForTenant'>;
  readonly members: Pick<MemberRepository, 'getMany'>;
  readonly preferences: Pick<BuddyPreferenceRepository, 'listPool'>;
}

/** Who takes part in a round, and who opted in but skips this one. */
interface PoolTurnout {
  readonly candidates: readonly BuddyCandidate[];
  readonly skipped: readonly string[];
}

const MEMBERSHIP_READS_IN_FLIGHT = 8;

/** The matching's view of a profile: skill keys as expert search keys them, languages by their key. */
function candidateOf(preference: BuddyPreference, profile: MemberProfile | undefined, teamIds: readonly string[]): BuddyCandidate {
  const teaches = new Map<string, number>();
  for (const s of profile?.teaches ?? []) {
    const key = skillKeyOf(s.name);
    if (key !== '') teaches.set(key, Math.max(teaches.get(key) ?? 0, s.level));
  }
  const wants = [...new Set((profile?.wants ?? []).map(skillKeyOf).filter((k) => k !== ''))];
  const languages = [...new Set((profile?.languages ?? []).map(languageKey).filter((k): k is string => k !== undefined))];
  return {
    userId: preference.userId,
    teaches: [...teaches].map(([skill, level]) => ({ skill, level })),
    wants,
    languages,
    availability: preference.availability,
    teamIds,
  };
}

/**
 * Everyone of the pool who takes part now: opted in, not skipping, and still a member (of the team,
 * or for the tenant pool of some team where PeerLearn is installed). Sorted by id, so the matching's
 * input does not depend on storage order.
 */
export async function poolTurnout(sources: CandidateSources, tenantId: string, poolId: BuddyPoolId): Promise<PoolTurnout> {
  const opted = (await sources.preferences.listPool(tenantId, poolId)).filter((p) => p.optIn);
  const teamsOf = new Map<string, readonly string[]>();
  if (poolId === ORGANISATION_POOL) {
    const installed = new Set((await sources.teams.listForTenant(tenantId)).filter((t) => !t.uninstalledAt).map((t) => t.teamId));
    await forEachLimited(opted, MEMBERSHIP_READS_IN_FLIGHT, async (p) => {
      const teamIds = (await sources.teams.listTeamsOf(tenantId, p.userId)).map((m) => m.teamId).filter((id) => installed.has(id));
      if (teamIds.length > 0) teamsOf.set(p.userId, teamIds.sort());
    });
  } else {
    for (const m of await sources.teams.listMembers(tenantId, poolId)) teamsOf.set(m.userId, [poolId]);
  }
  const present = opted.filter((p) => teamsOf.has(p.userId)).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const taking = present.filter((p) => !p.skipNext);
  const profiles = new Map(
    (
      await sources.members.getMany(
        tenantId,
        taking.map((p) => p.userId),
      )
    ).map((p) => [p.userId, p]),
  );
  return {
    candidates: taking.map((p) => candidateOf(p, profiles.get(p.userId), teamsOf.get(p.userId) ?? [])),
    skipped: present.filter((p) => p.skipNext).map((p) => p.userId),
  };
}
