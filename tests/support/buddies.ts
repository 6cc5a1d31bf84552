import { randomUUID } from 'node:crypto';
import type { MatchRound } from '../../bot/src/domain/buddies/buddy';
import type { Outbox, OutboxJob } from '../../bot/src/domain/delivery/outbox';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import type { Membership } from '../../bot/src/domain/teams/team';

/**
 * A tiny deterministic matching for tests of the round machinery: candidates in order, two by two,
 * the last three together when the count is odd, each pair's reason naming what one teaches the other.
 * The real matching has its own properties (tests/unit, buddy-match).
 */
export const pairsInOrder: MatchRound = (input) => {
  const ids = input.candidates.map((c) => c.userId);
  const groups: string[][] = [];
  for (let i = 0; i + 1 < ids.length; i += 2) groups.push(ids.slice(i, i + 2));
  if (ids.length % 2 === 1 && groups.length > 0) groups[groups.length - 1]?.push(ids[ids.length - 1] ?? '');
  const byId = new Map(input.candidates.map((c) => [c.userId, c]));
  return {
    pairs: groups.map((members) => {
      const teaches = members.flatMap((from) =>
        members.flatMap((to) =>
          (byId.get(from)?.teaches ?? [])
            .filter((s) => from !== to && byId.get(to)?.wants.includes(s.skill))
            .map((s) => ({ from, to, skill: s.skill, level: s.level })),
        ),
      );
      return {
        members,
        reason: { teaches, sharedLanguages: [], sharedDays: [], sharedModes: [] },
        ...(teaches[0] ? { firstTopic: teaches[0].skill } : {}),
      };
    }),
    leftOver: ids.length === 1 ? ids : [],
  };
};

/** An outbox that keeps what was enqueued (the scheduler and service tests read it). */
export function recordingOutbox(): Outbox & { readonly jobs: { job: OutboxJob; notBefore?: Date }[] } {
  const jobs: { job: OutboxJob; notBefore?: Date }[] = [];
  return {
    jobs,
    enqueue(job, options) {
      jobs.push({ job, ...(options?.notBefore ? { notBefore: options.notBefore } : {}) });
      return Promise.resolve();
    },
  };
}

export interface BuddyTeam {
  readonly tenantId: string;
  readonly teamId: string;
  readonly owner: string;
  readonly members: readonly string[];
}

/** An installed team with an owner and `size - 1` members, each with a profile (Dutch or English). */
export async function seedBuddyTeam(
  repos: Repositories,
  size: number,
  tenantId: string = randomUUID(),
  at = new Date(),
): Promise<BuddyTeam> {
  const teamId = `19:${randomUUID().replaceAll('-', '')}@thread.tacv2`;
  const iso = at.toISOString();
  await repos.teams.upsert({ tenantId, teamId, name: 'Buddy team', locale: 'nl-NL', channels: [], createdAt: iso, updatedAt: iso });
  const people = Array.from({ length: size }, () => randomUUID());
  const memberships: Membership[] = people.map((userId, i) => ({
    tenantId,
    teamId,
    userId,
    role: i === 0 ? 'owner' : 'member',
    joinedAt: iso,
  }));
  await repos.teams.addMembers(memberships);
  await repos.members.putMany(
    people.map((userId, i) => ({
      tenantId,
      userId,
      displayName: `Person ${i}`,
      // Odd places have an email (the meeting link's attendee), even places none.
      ...(i % 2 === 1 ? { email: `person${i}@contoso.example` } : {}),
      locale: i % 2 === 0 ? 'nl-NL' : 'en-US',
      bio: '',
      teaches: [{ name: i % 2 === 0 ? 'power bi' : 'Facilitation', level: 2 as const }],
      wants: [i % 2 === 0 ? 'facilitation' : 'Power BI'],
      languages: ['Nederlands'],
      availability: '',
      createdAt: iso,
      updatedAt: iso,
    })),
  );
  return { tenantId, teamId, owner: people[0] ?? '', members: people.slice(1) };
}
