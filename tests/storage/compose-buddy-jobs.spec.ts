import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Outbox, OutboxJob, OutgoingMessage } from '../../bot/src/domain/delivery/outbox';
import { createBuddyService } from '../../bot/src/domain/buddies/buddy-service';
import { createBuddyChatLinks } from '../../bot/src/domain/buddies/buddy-chat-links';
import { matchRound } from '../../bot/src/domain/buddies/matching';
import { createPostContentService } from '../../bot/src/domain/delivery/post-content-service';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { createSessionLinks } from '../../bot/src/domain/sessions/session-links';
import { createPulseService } from '../../bot/src/domain/insights/pulse-service';
import { createJobComposer } from '../../bot/src/jobs/sessions/compose-job';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { ids, membership, profile, team, tenant } from '../support/storage/fixtures';

/**
 * The buddy jobs composed from the real BuddyService on Azurite (issue #13): a round's introductions,
 * one per person paired, each to the person under its `buddyIntro|…` key and in their language; the
 * same keys when the job runs again (a retry or a re-lease after a SIGKILL recomposes the stored round);
 * the check-in only to those who have not answered yes or "we won't".
 */
let azurite: EmbeddedAzurite;
let repos: Repositories;
const tenantId = ids.tenant();
const teamId = ids.teamsThread();
const owner = ids.user();
const ann = ids.user();
const bob = ids.user();
const now = () => new Date();
const queued: OutboxJob[] = [];
const outbox: Outbox = {
  enqueue: (job) => {
    queued.push(job);
    return Promise.resolve();
  },
};
let buddies: ReturnType<typeof createBuddyService>;
let compose: ReturnType<typeof createJobComposer>;

beforeAll(async () => {
  azurite = await startTestAzurite();
  const storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  repos = storage.repositories;
  buddies = createBuddyService({ repositories: repos, outbox, match: matchRound, now });
  compose = createJobComposer({
    // These post no learning-request notices.
    requestSessions: { askersContent: () => Promise.resolve(undefined) },
    requestAlerts: { content: () => Promise.resolve(undefined) },
    content: createPostContentService({ repositories: repos }),
    links: createSessionLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) }),
    buddies,
    pulses: createPulseService({ repositories: repos, outbox, secret: 'z'.repeat(40), now }),
    buddyLinks: createBuddyChatLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) }),
    // These specs post no nudges.
    nudges: { content: () => Promise.resolve(undefined) },
    tabUrl: 'https://pl.example/?view=my-learning',
    insights: createInsightsService({ repositories: repos, outbox, words: csvWords, now }),
  });
  await repos.tenants.upsert(tenant(tenantId));
  await repos.teams.upsert(team(tenantId, teamId, { name: 'Data team' }));
  await repos.teams.addMembers([
    membership(tenantId, teamId, owner, 'owner'),
    membership(tenantId, teamId, ann),
    membership(tenantId, teamId, bob),
  ]);
  await repos.members.putMany([
    profile(tenantId, ann, { displayName: 'Ann', locale: 'en-US', teaches: [{ name: 'Power BI', level: 3 }], wants: ['Facilitation'] }),
    profile(tenantId, bob, { displayName: 'Bob', locale: 'nl-NL', teaches: [{ name: 'Facilitation', level: 2 }], wants: ['Power BI'] }),
  ]);
}, 60_000);
afterAll(async () => {
  await azurite?.stop();
});

const text = (m: OutgoingMessage | undefined) => JSON.stringify(m?.card);

describe('the buddy jobs, composed', () => {
  let roundId = '';

  it('a round: one introduction per person paired, to the person, in their language, with the reason and the links', async () => {
    for (const person of [ann, bob]) expect((await buddies.update({ tenantId, userId: person }, teamId, { optIn: true })).ok).toBe(true);
    const started = await buddies.startRound({ tenantId, userId: owner }, teamId);
    if (!started.ok) throw new Error('not started');
    roundId = started.value.roundId;
    const job: OutboxJob = { kind: 'startBuddyRound', tenantId, teamId, roundId };
    const messages = await compose(job, now());
    expect(messages.map((m) => m.key).sort()).toEqual([ann, bob].map((u) => `buddyIntro|${tenantId}|${teamId}|${roundId}|${u}`).sort());
    const toAnn = messages.find((m) => m.target.kind === 'person' && m.target.userId === ann);
    const toBob = messages.find((m) => m.target.kind === 'person' && m.target.userId === bob);
    expect(toAnn?.mode).toBe('post');
    expect(toAnn?.summary).toBe('Your learning buddy this round: Bob');
    // The reason's skills are keys (powerbi); the card names them as the catalogue does.
    expect(text(toAnn)).toContain('You can teach Bob Power BI; Bob can teach you Facilitation');
    expect(text(toAnn)).toContain('A first topic: **Power BI**');
    expect(text(toAnn)).toContain('https://teams.microsoft.com/l/meeting/new?');
    expect(toBob?.summary).toBe('Je leerbuddy deze ronde: Ann');
    expect(text(toBob)).toContain('Maak kennis met je leerbuddy');

    // Run again (a retry, or a re-lease after a SIGKILL): the stored round, the same keys and buddies.
    const again = await compose(job, now());
    expect(again.map((m) => m.key).sort()).toEqual(messages.map((m) => m.key).sort());
    expect(again.map((m) => m.summary).sort()).toEqual(messages.map((m) => m.summary).sort());
  });

  it('the check-in: "did you meet?" to those who have not said yes, under its own key', async () => {
    expect((await buddies.answerMet({ tenantId, userId: ann }, teamId, roundId, 'yes')).ok).toBe(true);
    const messages = await compose({ kind: 'askBuddiesMet', tenantId, teamId, roundId }, now());
    expect(messages.map((m) => m.key)).toEqual([`buddyMet|${tenantId}|${teamId}|${roundId}|${bob}`]);
    expect(messages[0]?.target).toEqual({ kind: 'person', tenantId, userId: bob });
    expect(messages[0]?.summary).toBe('Heb je Ann gesproken?');
    expect(text(messages[0])).toContain('"verb":"buddyMet"');
    expect(text(messages[0])).toContain(`"roundId":"${roundId}"`);
  });
});
