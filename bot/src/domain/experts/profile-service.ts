import type { MemberProfile, MemberSighting } from './member';
import { recordSighting } from './members';
import type { MemberRepository } from '../shared/repositories';
import type { ExpertDirectory } from './expert-directory';
import type { Endorsement } from './expert-ports';

interface ProfileServiceDeps {
  /** The recording member repository: a write reaches the change feed, so every instance's index. */
  readonly members: MemberRepository;
  readonly experts: Pick<ExpertDirectory, 'refresh' | 'endorsementsOf'>;
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

    async withEndorsements(tenantId: string, userId: string): Promise<EndorsedProfile> {
      const [profile, endorsements] = await Promise.all([members.get(tenantId, userId), experts.endorsementsOf(tenantId, userId)]);
      return { profile, endorsements };
    },

    /** Update profile → expert index. Undefined (nothing written) when the person has no profile. */
    async edit(
      tenantId: string,
      userId: string,
      change: (current: MemberProfile, now: Date) => MemberProfile,
    ): Promise<MemberProfile | undefined> {
      const now = deps.now();
      const saved = await members.update(tenantId, userId, (current) => (current ? change(current, now) : undefined));
      if (saved) await experts.refresh(tenantId, [userId]);
      return saved;
    },
  };
}
