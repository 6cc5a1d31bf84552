import { describe, expect, it } from '@jest/globals';
import type { Outbox, OutboxJob } from '../../bot/src/domain/delivery/outbox';
import type { SessionFact } from '../../bot/src/domain/insights/insights';
import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import { createKudosService } from '../../bot/src/domain/kudos/kudos-service';
import { createMilestoneService } from '../../bot/src/domain/milestones/milestone-service';
import type { MilestoneTrigger } from '../../bot/src/domain/milestones/milestone-service';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import { createJobComposer } from '../../bot/src/jobs/sessions/compose-job';
import { useTestStorage } from '../support/test-storage';
import { ids, membership, profile, rsvp, session, team, tenant } from '../support/storage/fixtures';

/**
 * Milestones (issue #12): each fires once at its count (4 → 5 celebrates, 5 → 6 does not), never for
 * someone who turned them off, never twice under a retry or two writers at once, and old news is
 * claimed without a card. Real services and repositories on Azurite.
 */
const storage = useTestStorage();
const DAY = 86_400_000;
const TZ = 'Europe/Amsterdam';
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY).toISOString();
const noJobs: Outbox = { enqueue: async () => undefined };

async function teamWith(people: readonly string[], extra: Parameters<typeof profile>[2] = {}) {
  const tenantId = ids.tenant();
  const teamId = ids.teamsThread();
  const { repos } = storage;
  await repos.tenants.upsert(tenant(tenantId));
  await repos.teams.upsert(team(tenantId, teamId, { locale: 'en-US' }));
  await repos.teams.addMembers(people.map((userId) => membership(tenantId, teamId, userId)));
  await repos.members.putMany(people.map((userId, i) => profile(tenantId, userId, { displayName: `Person ${i}`, ...extra })));
  return { tenantId, teamId };
}

const fact = (
  where: { tenantId: string; teamId: string },
  n: number,
  at: string,
  teachers: string[],
  attendees: string[],
): SessionFact => ({
  ...where,
  sessionId: `s${n}`,
  title: `Session ${n}`,
  startsAt: at,
  skills: [],
  teacherIds: teachers,
  attendeeIds: attendees,
  feedback: { answers: 0, ratingSum: 0, learnedYes: 0 },
  foldedAt: now.toISOString(),
});

const service = () => createMilestoneService({ repositories: storage.repos, now: () => now });
const sessionTrigger = (where: { tenantId: string; teamId: string }, n: number): MilestoneTrigger => ({
  ...where,
  source: 'session',
  sessionId: `s${n}`,
});
const celebrated = async (trigger: MilestoneTrigger) =>
  (await service().celebrate(trigger)).map((c) => `${c.claim.userId}:${c.claim.milestone}`).sort();

describe('milestones of sessions', () => {
  it('celebrates the first and the fifth session attended at the session that reached them, once', async () => {
    const [ann, hugo] = [ids.user(), ids.user()];
    const where = await teamWith([ann, hugo]);
    const { repos } = storage;
    await repos.insights.saveFacts(
      where.tenantId,
      where.teamId,
      [1, 2, 3].map((n) => fact(where, n, daysAgo(30 - n), [hugo], [ann])),
      TZ,
    );
    // Her 4th: nothing new to celebrate (the first was claimed silently: old news).
    await repos.insights.saveFact(where.tenantId, where.teamId, 's4', fact(where, 4, daysAgo(3), [hugo], [ann]), TZ);
    expect(await celebrated(sessionTrigger(where, 4))).toEqual([]);
    const claimed = (userId: string, milestone: 'attended1' | 'taught1') =>
      repos.milestones.get(where.tenantId, where.teamId, userId, milestone);
    expect(await claimed(ann, 'attended1')).toMatchObject({ celebrated: false, sourceId: 's1' });
    expect(await claimed(hugo, 'taught1')).toMatchObject({ celebrated: false });

    // Her 5th and his 5th taught: both celebrated.
    await repos.insights.saveFact(where.tenantId, where.teamId, 's5', fact(where, 5, daysAgo(1), [hugo], [ann]), TZ);
    expect(await celebrated(sessionTrigger(where, 5))).toEqual([`${ann}:attended5`, `${hugo}:taught5`].sort());
    // A re-fold of the same session (feedback came in) composes them again, for the sender to post once…
    expect(await celebrated(sessionTrigger(where, 5))).toEqual([`${ann}:attended5`, `${hugo}:taught5`].sort());
    // …and the 6th session celebrates nothing.
    await repos.insights.saveFact(where.tenantId, where.teamId, 's6', fact(where, 6, daysAgo(0.5), [hugo], [ann]), TZ);
    expect(await celebrated(sessionTrigger(where, 6))).toEqual([]);
    expect(await celebrated(sessionTrigger(where, 4))).toEqual([]);
  });

  it('claims a milestone for one of two writers at once', async () => {
    const ann = ids.user();
    const where = await teamWith([ann]);
    await storage.repos.insights.saveFact(where.tenantId, where.teamId, 's1', fact(where, 1, daysAgo(1), ['host'], [ann]), TZ);
    const both = await Promise.all([service().celebrate(sessionTrigger(where, 1)), service().celebrate(sessionTrigger(where, 1))]);
    // One wins the insert; the retry window would give the winner's job its card again, never a second writer a second claim.
    expect(await storage.repos.milestones.listForPerson(where.tenantId, ann)).toHaveLength(1);
    const hers = both.flat().filter((c) => c.claim.userId === ann);
    expect(hers.length).toBeGreaterThanOrEqual(1);
    // A writer that read after the winner's claim composes the winner's card again: same claim, so the same message key.
    expect(new Set(hers.map((c) => `${c.claim.milestone}|${c.claim.claimedAt}|${c.claim.sourceId}`)).size).toBe(1);
  });

  it('claims the first-timers of a session side by side, not one after the other', async () => {
    const people = Array.from({ length: 6 }, () => ids.user());
    const [host, ...attendees] = people as [string, ...string[]];
    const where = await teamWith(people);
    const { repos } = storage;
    await repos.insights.saveFact(where.tenantId, where.teamId, 's1', fact(where, 1, daysAgo(1), [host], attendees), TZ);
    let inFlight = 0;
    let most = 0;
    const milestones: typeof repos.milestones = Object.create(repos.milestones) as typeof repos.milestones;
    milestones.claim = async (claim) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await repos.milestones.claim(claim);
      } finally {
        inFlight -= 1;
      }
    };
    const check = createMilestoneService({ repositories: { ...repos, milestones }, now: () => now });
    const cards = await check.celebrate(sessionTrigger(where, 1));
    expect(cards.map((c) => c.claim.userId).sort()).toEqual([...people].sort());
    expect(most).toBeGreaterThan(1);
  });

  it('two sessions checked at once for the same person: one is her 5th, celebrated once (the tally under its ETag)', async () => {
    const [ann, host] = [ids.user(), ids.user()];
    const where = await teamWith([ann, host]);
    const { repos } = storage;
    for (const n of [1, 2, 3]) {
      await repos.insights.saveFact(where.tenantId, where.teamId, `s${n}`, fact(where, n, daysAgo(30 - n), [host], [ann]), TZ);
      await service().celebrate(sessionTrigger(where, n));
    }
    await repos.insights.saveFact(where.tenantId, where.teamId, 's4', fact(where, 4, daysAgo(2), [host], [ann]), TZ);
    await repos.insights.saveFact(where.tenantId, where.teamId, 's5', fact(where, 5, daysAgo(1), [host], [ann]), TZ);
    const both = await Promise.all([service().celebrate(sessionTrigger(where, 4)), service().celebrate(sessionTrigger(where, 5))]);
    const hers = both.flat().filter((c) => c.claim.userId === ann);
    expect(hers.map((c) => c.claim.milestone)).toEqual(['attended5']);
    const [tally] = await repos.milestones.listTallies(where.tenantId, where.teamId, 'attended', [ann]);
    expect(tally?.events.map((e) => e.sourceId).sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(hers[0]?.claim.sourceId).toBe(tally?.events[4]?.sourceId);
  });

  it('posts nothing for someone who turned milestones off, and nothing old when they turn them on again', async () => {
    const [quiet, host] = [ids.user(), ids.user()];
    const where = await teamWith([quiet, host]);
    const { repos } = storage;
    await repos.members.update(where.tenantId, quiet, (p) => p && { ...p, celebrateMilestones: false });
    await repos.insights.saveFact(where.tenantId, where.teamId, 's1', fact(where, 1, daysAgo(1), [host], [quiet]), TZ);
    expect(await celebrated(sessionTrigger(where, 1))).toEqual([`${host}:taught1`]);
    expect(await repos.milestones.listForPerson(where.tenantId, quiet)).toEqual([
      expect.objectContaining({ milestone: 'attended1', celebrated: false }),
    ]);

    await repos.members.update(where.tenantId, quiet, (p) => p && { ...p, celebrateMilestones: true });
    expect(await celebrated(sessionTrigger(where, 1))).toEqual([`${host}:taught1`]);
  });

  it('counts held sessions as Insights does: the fold job of a real session celebrates its host and confirmed attendee', async () => {
    const [host, ann, waiting] = [ids.user(), ids.user(), ids.user()];
    const where = await teamWith([host, ann, waiting]);
    const { repos } = storage;
    const held = session(where.tenantId, where.teamId, 'held', {
      hostId: host,
      teacherIds: [host],
      startsAt: daysAgo(0.2),
      durationMinutes: 60,
      capacity: 1,
    });
    await repos.sessions.create(held);
    await repos.rsvps.putMany([
      rsvp(where.tenantId, where.teamId, 'held', ann, 'yes'),
      { ...rsvp(where.tenantId, where.teamId, 'held', waiting, 'yes'), waitlisted: true },
    ]);
    const insights = createInsightsService({ repositories: repos, outbox: noJobs, words: csvWords, now: () => now });
    const milestones = createMilestoneService({ repositories: repos, now: () => now });
    const compose = composerWith({ insights, milestones });
    const job: OutboxJob = { kind: 'foldInsights', ...where, sessionId: 'held' };
    const messages = await compose(job, now);
    expect(messages.map((m) => m.key).sort()).toEqual(
      [
        `milestone|${where.tenantId}|${where.teamId}|${host}|taught1`,
        `milestone|${where.tenantId}|${where.teamId}|${ann}|attended1`,
      ].sort(),
    );
    expect(messages.every((m) => m.target.kind === 'channel' && m.target.channelId === where.teamId)).toBe(true);
    expect(messages.map((m) => m.summary).sort()).toEqual([
      '🎉 Person 0 taught their first session',
      '🎉 Person 1 joined their first session',
    ]);
  });
});

describe('milestones of kudos', () => {
  it('celebrates the tenth thank-you a person received, not the ninth or the eleventh', async () => {
    const [giver, star] = [ids.user(), ids.user()];
    const where = await teamWith([giver, star]);
    const jobs: OutboxJob[] = [];
    const kudos = createKudosService({
      repositories: storage.repos,
      outbox: { enqueue: async (j) => void jobs.push(j) },
      now: () => now,
    });
    const give = async () => {
      const given = await kudos.give({ tenantId: where.tenantId, userId: giver }, where.teamId, star, 'Thanks!');
      if (!given.ok) throw new Error('kudos refused');
      return { ...where, source: 'kudos' as const, kudosId: given.value.kudosId };
    };
    for (let i = 1; i <= 9; i += 1) expect(await celebrated(await give())).toEqual([]);
    expect(await celebrated(await give())).toEqual([`${star}:kudos10`]);
    expect(await celebrated(await give())).toEqual([]);
    // Every kudos asks for the check in a job, never inline.
    expect(jobs.filter((j) => j.kind === 'celebrateMilestones')).toHaveLength(11);
  });
});

function composerWith(parts: Pick<Parameters<typeof createJobComposer>[0], 'insights' | 'milestones'>) {
  const unused = () => {
    throw new Error('not used here');
  };
  return createJobComposer({
    content: { kudos: unused } as unknown as Parameters<typeof createJobComposer>[0]['content'],
    links: { calendarUrl: unused } as unknown as Parameters<typeof createJobComposer>[0]['links'],
    buddies: {} as Parameters<typeof createJobComposer>[0]['buddies'],
    buddyLinks: {} as Parameters<typeof createJobComposer>[0]['buddyLinks'],
    nudges: {} as Parameters<typeof createJobComposer>[0]['nudges'],
    tabUrl: () => 'https://peerlearn.example/',
    pulses: {} as Parameters<typeof createJobComposer>[0]['pulses'],
    requestSessions: {} as Parameters<typeof createJobComposer>[0]['requestSessions'],
    requestAlerts: { content: () => Promise.resolve(undefined) },
    ...parts,
  });
}
