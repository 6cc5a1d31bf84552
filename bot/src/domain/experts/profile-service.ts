import type { MemberProfile, MemberSighting } from './member';
import { recordSighting, recordSightings } from './members';
import type { MemberRepository } from '../shared/repositories';
import type { ExpertDirectory } from './expert-directory';
import type { Endorsement } from './expert-ports';
import { historyRows, skillChanges } from '../insights/skill-history';
import type { SkillHistoryRepository } from '../insights/skill-history';

interface ProfileServiceDeps {
  /** The recording member repository: a write reaches the change feed, so every instance's index. */
  readonly members: MemberRepository;
  readonly experts: Pick<ExpertDirectory, 'refresh' | 'endorsementsOf'>;
  /** Each change of a person's teach skills, for My learning's levels over time. */
  readonly skillHistory: SkillHistoryRepository;
  readonly now: () => Date;
}

/** A profile as people see it: with the endorsements of its skills. */
interface EndorsedProfile {
  readonly profile: MemberProfile | undefined;
  readonly endorsements: readonly Endorsement[];
}

export type ProfileService = ReturnType<typeof createProfileService>;

/**
 * Profiles for every surface (the bot's "my skills" and profile card, the tab's profile page): an
 * edit is stored, then this instance's expert index takes it at once, so the next search finds it.
 */
export function createProfileService(deps: ProfileServiceDeps) {
  const { members, experts } = deps;
  return {
    get: (tenantId: string, userId: string): Promise<MemberProfile | undefined> => members.get(tenantId, userId),

    /** Profiles whose display name is exactly `name`, ignoring case (a mention Teams could not resolve). */
    async named(tenantId: string, name: string): Promise<MemberProfile[]> {
      return (await members.listForTenant(tenantId)).filter((p) => p.displayName.toLowerCase() === name.toLowerCase());
    },

    /** Every profile in the tenant, by display name (the standalone tab's demo people). */
    async inTenant(tenantId: string): Promise<MemberProfile[]> {
      return (await members.listForTenant(tenantId)).sort((a, b) => a.displayName.localeCompare(b.displayName));
    },

    /** Creates the profile on first sight; afterwards keeps name, e-mail and locale current. */
    sighted: (sighting: MemberSighting): Promise<MemberProfile> => recordSighting(members, sighting, deps.now()),

    /** Many sightings at once (the bot's deferred bookkeeping): new people are created together. */
    sightedMany: (sightings: readonly MemberSighting[]): Promise<void> => recordSightings(members, sightings, deps.now()),

    async withEndorsements(tenantId: string, userId: string): Promise<EndorsedProfile> {
      const [profile, endorsements] = await Promise.all([members.get(tenantId, userId), experts.endorsementsOf(tenantId, userId)]);
      return { profile, endorsements };
    },

    /**
     * Update profile → skill history → expert index. Undefined (nothing written) when the person has
     * no profile. Every surface (tab, card, the bot's "my skills") edits through here, so the history
     * sees each change of the teach skills.
     */
    async edit(
      tenantId: string,
      userId: string,
      change: (current: MemberProfile, now: Date) => MemberProfile,
    ): Promise<MemberProfile | undefined> {
      const now = deps.now();
      // The profile as the write that succeeded saw it (an ETag retry calls `change` again).
      let before: MemberProfile | undefined;
      const saved = await members.update(tenantId, userId, (current) => {
        before = current;
        return current ? change(current, now) : undefined;
      });
      const changes = saved && before ? skillChanges(before.teaches, saved.teaches) : [];
      if (before && changes.length > 0) {
        // One read of the person's own history (edits are rare): a skill older than the history gets its baseline.
        const known = await deps.skillHistory.listFor(tenantId, userId);
        const baselineAt = before.updatedAt || before.createdAt;
        await deps.skillHistory.add(historyRows({ tenantId, userId }, changes, known, now.toISOString(), baselineAt));
      }
      if (saved) await experts.refresh(tenantId, [userId]);
      return saved;
    },
  };
}
