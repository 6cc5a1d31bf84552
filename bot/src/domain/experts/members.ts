import { newMemberProfile } from './member';
import type { MemberProfile, MemberSighting } from './member';
import type { MemberRepository } from '../shared/repositories';

/**
 * Records that a surface met a person (a bot message, a tab sign-in). Creates the profile on first
 * sight; afterwards only writes when the name, e-mail or locale changed, so a chat does not cost a write a message.
 */
export async function recordSighting(members: MemberRepository, sighting: MemberSighting, now: Date): Promise<MemberProfile> {
  const result = await members.update(sighting.tenantId, sighting.userId, (current) => {
    if (!current) return newMemberProfile(sighting, now);
    const email = sighting.email ?? current.email;
    const locale = sighting.locale ?? current.locale;
    const next: MemberProfile = {
      ...current,
      displayName: sighting.displayName || current.displayName,
      ...(email !== undefined ? { email } : {}),
      ...(locale !== undefined ? { locale } : {}),
    };
    const changed = next.displayName !== current.displayName || next.email !== current.email || next.locale !== current.locale;
    return changed ? { ...next, updatedAt: now.toISOString() } : undefined;
  });
  if (result) return result;
  const existing = await members.get(sighting.tenantId, sighting.userId);
  if (!existing) throw new Error('Profile vanished while recording a sighting.');
  return existing;
}
