import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import {
  CHANNEL_ID,
  TEAM_ID,
  clearQueue,
  execute,
  invokeActivity,
  people,
  queuedJobs,
  useSeededBot,
} from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';

/**
 * Issue #11: one schema per session card verb. Forged card data (ids too long or of the wrong
 * type, oversized values, objects where text belongs) gets the friendly card, through the real
 * CloudAdapter; nothing is stored or queued, and nothing throws.
 */
const now = new Date();
const bot = useSeededBot(() => now);
const day = new Date(now.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
const MISSING = 'This card is missing its session.';
const INVALID = 'Some fields need another look.';
const long = (n: number) => 'z'.repeat(n);
let session: LearningSession;

async function action(verb: string, data: Record<string, unknown>): Promise<InvokeBody> {
  const activity = invokeActivity(bot.connector.serviceUrl, 'adaptiveCard/action', execute(verb, data), people.host);
  const res = await postActivity(bot.service.url, activity);
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeBody;
}

beforeAll(async () => {
  const form = { teamId: TEAM_ID, title: 'Verb data', date: day, time: '14:00', durationMinutes: '45', channelId: CHANNEL_ID };
  expect(JSON.stringify(await action('createSession', form))).toContain('is planned');
  const found = (await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).find((s) => s.title === 'Verb data');
  if (!found) throw new Error('not planned');
  session = found;
});
beforeEach(async () => {
  await clearQueue(bot.service);
});

const ids = () => ({ teamId: TEAM_ID, sessionId: session.sessionId });

/** [verb, forged data, the friendly answer]. */
const forged: [string, () => Record<string, unknown>, string][] = [
  ['refresh', () => ({ teamId: TEAM_ID, sessionId: long(201) }), MISSING],
  ['rsvp', () => ({ teamId: { id: TEAM_ID }, sessionId: session.sessionId, response: 'yes' }), MISSING],
  ['rsvp', () => ({ ...ids(), response: long(60_000) }), INVALID],
  ['cancelSession', () => ({ ...ids(), scope: ['following'] }), INVALID],
  ['editSession', () => ({ teamId: TEAM_ID }), MISSING],
  ['saveSession', () => ({ ...ids(), title: long(60_000) }), INVALID],
  ['saveSession', () => ({ ...ids(), title: { nested: 'object' } }), INVALID],
  ['feedback', () => ({ ...ids(), rating: 5, willApply: long(60_000) }), INVALID],
  ['kudos', () => ({ ...ids(), toUserId: long(201) }), INVALID],
  ['declineRole', () => ({ teamId: long(201), sessionId: session.sessionId }), MISSING],
  [
    'createSession',
    () => ({ teamId: TEAM_ID, title: 'Many keys', ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) }),
    INVALID,
  ],
  ['createSession', () => ({ teamId: TEAM_ID, title: 'Arrays', teacherIds: [people.ann.aadObjectId] }), INVALID],
];

describe('forged card data per session verb', () => {
  it.each(forged)('%s (case %#): a friendly card, nothing changed', async (verb, data, answer) => {
    const before = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    const body = await action(verb, data());
    expect(body.statusCode).toBe(200);
    expect(JSON.stringify(body.value)).toContain(answer);
    expect(await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).toEqual(before);
    expect(await queuedJobs(bot.service)).toEqual([]);
  });

  it('the planning dialog’s submit (task/submit) is checked the same way', async () => {
    const before = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    const value = { data: { teamId: TEAM_ID, verb: 'createSession', title: { forged: true }, date: day, time: '14:00' } };
    const res = await postActivity(bot.service.url, invokeActivity(bot.connector.serviceUrl, 'task/submit', value, people.host));
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain(INVALID);
    expect(await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).toEqual(before);
  });

  it('the same verbs with well-formed data still reach their handlers', async () => {
    expect(JSON.stringify((await action('rsvp', { ...ids(), response: 'maybe' })).value)).toContain('Verb data');
    expect((await bot.service.repositories.rsvps.get(PLAYGROUND_TENANT, session.sessionId, people.host.aadObjectId))?.response).toBe(
      'maybe',
    );
  });
});
