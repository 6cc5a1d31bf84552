import { newMemberProfile } from './member';
import type { MemberProfile, MemberSighting } from './member';
import type { MemberRepository } from '../shared/repositories';

/** The profile after a sighting, or undefined when the sighting changes nothing of it. */
function afterSighting(current: MemberProfile | undefined, sighting: MemberSighting, now: Date): MemberProfile | undefined {
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
}

/**
 * Records that a surface met a person (a bot message, a tab sign-in). Creates the profile on first
 * sight; afterwards only writes when the name, e-mail or locale changed, so a chat does not cost a write a message.
 */
export async function recordSighting(members: MemberRepository, sighting: MemberSighting, now: Date): Promise<MemberProfile> {
  const result = await members.update(sighting.tenantId, sighting.userId, (current) => afterSighting(current, sighting, now));
  if (result) return result;
  const existing = await members.get(sighting.tenantId, sighting.userId);
  if (!existing) throw new Error('Profile vanished while recording a sighting.');
  return existing;
}

// Profiles created in one transaction (Table Storage takes at most 100 operations per transaction).
const CREATED_TOGETHER = 100;
// From this many sightings at once (a burst of answers to an invite, mostly people never seen before), they
// are first tried as new, without a read each: 200 first-time senders cost 200 point reads before their 2
// transactions (docs/BENCHMARKS.md, RSVP burst). A smaller batch is mostly returning people: a try that
// fails costs a call, so they are read first as before.
const TRIED_AS_NEW_FROM = 10;

/**
 * Creates the sightings' profiles, one transaction per CREATED_TOGETHER: everyone of a chunk, or nobody
 * (409: someone of it exists). Returns the sightings of the refused chunks.
 */
async function createTogether(members: MemberRepository, sightings: readonly MemberSighting[], now: Date): Promise<MemberSighting[]> {
  const refused: MemberSighting[] = [];
  for (let i = 0; i < sightings.length; i += CREATED_TOGETHER) {
    const chunk = sightings.slice(i, i + CREATED_TOGETHER);
    if (!(await members.createMany(chunk.map((s) => newMemberProfile(s, now))))) refused.push(...chunk);
  }
  return refused;
}

/** One tenant's part of `recordSightings` (its profiles are one partition), one sighting a person. */
async function recordTenantSightings(
  members: MemberRepository,
  tenantId: string,
  sightings: readonly MemberSighting[],
  now: Date,
): Promise<void> {
  // A burst is tried as new first; only those of a refused chunk are read.
  const people = sightings.length >= TRIED_AS_NEW_FROM ? await createTogether(members, sightings, now) : sightings;
  if (people.length === 0) return;
  const known = new Map(
    (
      await members.getMany(
        tenantId,
        people.map((s) => s.userId),
      )
    ).map((p) => [p.userId, p]),
  );
  // Known people: only a changed name, e-mail or locale is written (under the ETag, so read again then).
  for (const s of people) {
    const current = known.get(s.userId);
    if (current && afterSighting(current, s, now)) await recordSighting(members, s, now);
  }
  const fresh = people.filter((s) => !known.has(s.userId));
  for (const s of await createTogether(members, fresh, now)) await recordSighting(members, s, now);
}

/**
 * Sightings of many people at once (the bot's deferred bookkeeping after a burst of answers): a
 * burst is first tried as new people (TRIED_AS_NEW_FROM); otherwise one point read per person, then
 * everyone new in one transaction per tenant, instead of a read and a write each. Someone whose profile appeared meanwhile (another instance, the tab) makes that
 * transaction write nothing; those people then go one by one, as `recordSighting`.
 */
export async function recordSightings(members: MemberRepository, sightings: readonly MemberSighting[], now: Date): Promise<void> {
  const byTenant = new Map<string, Map<string, MemberSighting>>();
  for (const s of sightings) {
    const people = byTenant.get(s.tenantId) ?? new Map<string, MemberSighting>();
    people.set(s.userId, s);
    byTenant.set(s.tenantId, people);
  }
  for (const [tenantId, byPerson] of byTenant) await recordTenantSightings(members, tenantId, [...byPerson.values()], now);
}
