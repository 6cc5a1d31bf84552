import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { QueueServiceClient } from '@azure/storage-queue';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import type { Outbox, OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { createBuddyChatLinks } from '../../bot/src/domain/buddies/buddy-chat-links';
import { createBuddyService } from '../../bot/src/domain/buddies/buddy-service';
import { matchRound } from '../../bot/src/domain/buddies/matching';
import { createPostContentService } from '../../bot/src/domain/delivery/post-content-service';
import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import { createPulseService } from '../../bot/src/domain/insights/pulse-service';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { sessionEndsAt } from '../../bot/src/domain/sessions/session';
import { createSessionLinks } from '../../bot/src/domain/sessions/session-links';
import { createJobComposer } from '../../bot/src/jobs/sessions/compose-job';
import { decodeEnvelope } from '../../bot/src/storage/delivery/queue-outbox';
import { QUEUES } from '../../bot/src/storage/shared/keys';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { CHANNEL_ID, TEAM_ID, clearQueue, execute, invokeActivity, people, useSeededBot } from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';

/**
 * Issue #12: two weeks after a session, who wrote what they will apply gets "did you apply it?";
 * the answers reach the host's private summary. Through the real CloudAdapter, on Azurite, with a fake clock.
 */
let clock = new Date('2026-11-27T12:00:00.000Z');
const bot = useSeededBot(() => clock);
const DAY = 86_400_000;
const personal = { teamId: null };
let session: LearningSession;
let compose: ReturnType<typeof createJobComposer>;

async function action(verb: string, data: Record<string, unknown>, from = people.ann, where: Record<string, unknown> = personal) {
  const res = await postActivity(
    bot.service.url,
    invokeActivity(bot.connector.serviceUrl, 'adaptiveCard/action', execute(verb, data), from, where),
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as InvokeBody;
  return JSON.stringify(body.value as AdaptiveCard);
}

/** The jobs queue's visible envelopes (a job is visible once its due time has come). */
async function envelopes() {
  const queue = QueueServiceClient.fromConnectionString(bot.service.storageConnectionString).getQueueClient(QUEUES.jobs);
  const peeked = await queue.peekMessages({ numberOfMessages: 32 });
  return peeked.peekedMessageItems.map((m) => decodeEnvelope(m.messageText));
}

beforeAll(async () => {
  const repositories = bot.service.repositories;
  const outbox: Outbox = { enqueue: () => Promise.resolve() };
  const now = () => clock;
  compose = createJobComposer({
    content: createPostContentService({ repositories }),
    links: createSessionLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) }),
    buddies: createBuddyService({ repositories, outbox, match: matchRound, now }),
    pulses: createPulseService({ repositories, outbox, secret: 'z'.repeat(40), now }),
    buddyLinks: createBuddyChatLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) }),
    nudges: { content: () => Promise.resolve(undefined) },
    tabUrl: 'https://pl.example/?view=my-learning',
    insights: createInsightsService({ repositories, outbox, words: csvWords, now }),
    requestSessions: { askersContent: () => Promise.resolve(undefined) },
    requestAlerts: { content: () => Promise.resolve(undefined) },
  });
  const planned = await action(
    'createSession',
    {
      teamId: TEAM_ID,
      title: 'Smaller tests',
      date: '2026-12-03',
      time: '14:00',
      durationMinutes: '45',
      channelId: CHANNEL_ID,
      format: 'talk',
    },
    people.host,
    {},
  );
  expect(planned).toContain('is planned');
  const [found] = await repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
  if (!found) throw new Error('not planned');
  session = found;
  const ref = { teamId: TEAM_ID, sessionId: session.sessionId };
  for (const who of [people.ann, people.bob, people.cleo]) await action('rsvp', { ...ref, response: 'yes' }, who, {});
});
beforeEach(async () => {
  await clearQueue(bot.service);
});

const ref = () => ({ teamId: TEAM_ID, sessionId: session.sessionId });
const notify = (userId: string, reason: string, ref?: string): OutboxJob => ({
  kind: 'notifyPerson',
  tenantId: PLAYGROUND_TENANT,
  teamId: TEAM_ID,
  sessionId: session.sessionId,
  userId,
  reason,
  ...(ref ? { ref } : {}),
});
const followUp = (userId: string) => notify(userId, 'askApplied', session.startsAt);

describe('"did you apply it?" two weeks after a session', () => {
  it('is queued for the session’s end + 14 days, for who wrote what they will apply only', async () => {
    // Answered just after the follow-up's due time, so the queued job is visible and its due time can be read.
    const due = new Date(sessionEndsAt(session).getTime() + 14 * DAY);
    clock = new Date(due.getTime() + 60_000);
    expect(await action('feedback', { ...ref(), rating: '4', learnedSomethingNew: 'true', willApply: 'Write the test first' })).toContain(
      'Thanks for your feedback',
    );
    await action('feedback', { ...ref(), rating: '5', learnedSomethingNew: 'true', willApply: '' }, people.bob);
    const asked = (await envelopes()).filter((e) => e.job.kind === 'notifyPerson' && e.job.reason === 'askApplied');
    expect(asked.map((e) => [e.job, e.notBefore])).toEqual([[followUp(people.ann.aadObjectId), due.toISOString()]]);
  });

  it('composes a personal card with their own words, once per person and session', async () => {
    const [message, ...rest] = await compose(followUp(people.ann.aadObjectId), clock);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({
      key: `notify|${PLAYGROUND_TENANT}|${session.sessionId}|${people.ann.aadObjectId}|askApplied|${session.startsAt}`,
      mode: 'post',
      target: { kind: 'person', tenantId: PLAYGROUND_TENANT, userId: people.ann.aadObjectId },
    });
    const card = JSON.stringify(message?.card);
    expect(card).toContain('Did you apply it?');
    expect(card).toContain('Write the test first');
    expect(card).toContain('"verb":"applied"');
    // Bob wrote nothing to apply: nothing to ask him.
    expect(await compose(followUp(people.bob.aadObjectId), clock)).toEqual([]);
  });

  it('an answer is stored, a second replaces it, and the host’s summary shows the count and the note', async () => {
    const first = await action('applied', { ...ref(), level: 'partly', note: 'Only on new code so far' });
    expect(first).toContain('The host sees your answer');
    expect(await action('applied', { ...ref(), level: 'yes', note: 'Now on every change' })).toContain('The host sees your answer');
    const stored = await bot.service.repositories.feedback.get(PLAYGROUND_TENANT, session.sessionId, people.ann.aadObjectId);
    expect(stored).toMatchObject({ rating: 4, willApply: 'Write the test first', applied: { level: 'yes', note: 'Now on every change' } });
    const [summary] = await compose(notify(people.host.aadObjectId, 'feedbackSummary'), clock);
    const card = JSON.stringify(summary?.card);
    expect(card).toContain('Applied after two weeks');
    expect(card).toContain('1 yes · 0 partly · 0 not yet');
    expect(card).toContain('Now on every change');
    expect(card).not.toContain('Only on new code so far');
    // The summary is the host's alone.
    expect(await compose(notify(people.ann.aadObjectId, 'feedbackSummary'), clock)).toEqual([]);
  });

  it('refuses someone who was not asked (nl and en), and a bad answer, storing nothing', async () => {
    expect(await action('applied', { ...ref(), level: 'yes' }, people.bob)).toContain(
      'This question went to the people who said in their feedback what they would apply.',
    );
    expect(await action('applied', { ...ref(), level: 'yes' }, people.cleo, { ...personal, locale: 'nl-NL' })).toContain(
      'Deze vraag ging naar wie in de feedback schreef wat diegene ging toepassen.',
    );
    expect(await action('applied', { ...ref(), level: 'maybe' })).toContain('Choose yes, partly or not yet.');
    expect(await action('applied', { ...ref(), level: 'notYet', note: 'x'.repeat(201) })).toContain('at most 200 characters');
    expect(
      (await bot.service.repositories.feedback.get(PLAYGROUND_TENANT, session.sessionId, people.bob.aadObjectId))?.applied,
    ).toBeUndefined();
    expect(
      (await bot.service.repositories.feedback.get(PLAYGROUND_TENANT, session.sessionId, people.ann.aadObjectId))?.applied?.level,
    ).toBe('yes');
  });
});
