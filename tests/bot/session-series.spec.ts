import { beforeEach, describe, expect, it } from '@jest/globals';
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

const clock = new Date('2026-11-27T12:00:00.000Z');
const bot = useSeededBot(() => clock);
beforeEach(async () => {
  await clearQueue(bot.service);
});

async function action(verb: string, data: Record<string, unknown>, from = people.host, locale = 'en-US'): Promise<string> {
  const res = await postActivity(
    bot.service.url,
    invokeActivity(bot.connector.serviceUrl, 'adaptiveCard/action', execute(verb, data), from, { locale }),
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as InvokeBody;
  expect(body.statusCode).toBe(200);
  return JSON.stringify(body.value);
}

async function planSeries(title: string): Promise<string[]> {
  const text = await action('createSession', {
    teamId: TEAM_ID,
    title,
    date: '2026-12-01',
    time: '12:00',
    durationMinutes: '60',
    channelId: CHANNEL_ID,
    recurrence: 'weekly',
  });
  expect(text).toContain('is planned');
  const all = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
  return all
    .filter((s) => s.title === title)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((s) => s.sessionId);
}

const statuses = async (ids: readonly string[]) =>
  Promise.all(ids.map(async (id) => (await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, id))?.status));

describe('the invite card: cancel this and all later sessions of a series', () => {
  it('the host stops the series from the third occurrence; each later card is updated; others may not', async () => {
    const ids = await planSeries('Weekly pairing');
    expect(ids).toHaveLength(8);
    const ref = { teamId: TEAM_ID, sessionId: ids[2] };
    const hostCard = await action('refresh', ref);
    expect(hostCard).toContain('Cancel this and all later');
    expect(hostCard).toContain('"scope":"following"');

    expect(await action('cancelSession', { ...ref, scope: 'following' }, people.bob)).toContain(
      'Only the host or an owner of the team can do this.',
    );
    expect(await statuses(ids)).toEqual(Array(8).fill('scheduled'));
    await clearQueue(bot.service);

    const answer = await action('cancelSession', { ...ref, scope: 'following' }, people.host, 'nl-NL');
    expect(answer).toContain('Afgezegd: 6 (deze sessie en de latere van de reeks).');
    expect(await statuses(ids)).toEqual(['scheduled', 'scheduled', ...Array(6).fill('cancelled')]);
    const updated = (await queuedJobs(bot.service))
      .filter((j) => j.kind === 'updateInvite')
      .map((j) => j.kind === 'updateInvite' && j.sessionId);
    expect(updated).toEqual(ids.slice(2));
  });

  it('the plain cancel button still cancels only its own occurrence', async () => {
    const ids = await planSeries('Weekly review');
    await action('cancelSession', { teamId: TEAM_ID, sessionId: ids[5] });
    expect(await statuses(ids)).toEqual([...Array(5).fill('scheduled'), 'cancelled', 'scheduled', 'scheduled']);
  });
});
