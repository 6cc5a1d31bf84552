import { beforeEach, describe, expect, it } from '@jest/globals';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import {
  TEAM_ID,
  clearQueue,
  execute,
  invokeActivity,
  people,
  queuedJobs,
  useSeededBot,
  planThroughCard,
} from '../support/bot/session-fixtures';
import type { InvokeBody, WhereOptions } from '../support/bot/session-fixtures';

/**
 * Issue #11: the "I can't" of a named teacher or discussion leader, as Teams sends it from the
 * personal chat the notice was posted in, through the real CloudAdapter and service.
 */
const now = new Date();
const bot = useSeededBot(() => now);
const personal: WhereOptions = { teamId: null };
const olga = { id: '29:olga', name: 'Olga Outsider', aadObjectId: '00000000-0000-0000-0000-00000000a0ff' };
const day = new Date(now.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);

beforeEach(async () => {
  await clearQueue(bot.service);
});

async function action(verb: string, data: Record<string, unknown>, from: ActivityUser, where: WhereOptions = {}): Promise<string> {
  const activity = invokeActivity(bot.connector.serviceUrl, 'adaptiveCard/action', execute(verb, data), from, where);
  const res = await postActivity(bot.service.url, activity);
  expect(res.status).toBe(200);
  return JSON.stringify((await res.json()) as InvokeBody);
}

const plan = (title: string) =>
  planThroughCard(bot, {
    title,
    date: day,
    teacherIds: people.ann.aadObjectId ?? '',
    discussionLeaderId: people.bob.aadObjectId ?? '',
  });

const stored = async (sessionId: string) => bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, sessionId);

describe('declineRole through the CloudAdapter', () => {
  it('planning queues a notice for each named person but the host', async () => {
    await plan('Queued notices');
    const notices = (await queuedJobs(bot.service)).flatMap((j) => (j.kind === 'notifyPerson' ? [[j.userId, j.reason]] : []));
    expect(notices).toEqual([
      [people.ann.aadObjectId, 'namedTeacher'],
      [people.bob.aadObjectId, 'namedLeader'],
    ]);
  });

  it('a plan form that names the host as co-teacher comes back with why, offering the others; nothing is stored', async () => {
    const host = people.host.aadObjectId ?? '';
    const data = { teamId: TEAM_ID, title: 'Self-named', date: day, time: '14:00', durationMinutes: '45', teacherIds: host };
    const text = await action('createSession', data, people.host);
    expect(text).toContain('The host teaches this session already: choose co-teachers other than the host.');
    const teachers = /\{"type":"Input\.ChoiceSet","id":"teacherIds".*?"choices":(\[.*?\])/.exec(text)?.[1] ?? '[]';
    expect((JSON.parse(teachers) as { value: string }[]).map((c) => c.value)).not.toContain(host);
    expect(JSON.parse(teachers)).not.toEqual([]);
    const planned = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(planned.some((s) => s.title === 'Self-named')).toBe(false);
  });

  it('refuses the host, a member who is not named and an outsider: the session keeps its people, nobody is told', async () => {
    const session = await plan('Refusals');
    await clearQueue(bot.service);
    const data = { teamId: TEAM_ID, sessionId: session.sessionId };
    for (const who of [people.host, people.cleo, olga]) {
      expect(await action('declineRole', data, who, personal)).toContain('Only the person named as a teacher or discussion leader');
    }
    expect(await stored(session.sessionId)).toMatchObject({
      teacherIds: [people.ann.aadObjectId],
      discussionLeaderId: people.bob.aadObjectId,
    });
    expect(await queuedJobs(bot.service)).toEqual([]);
  });

  it('the named teacher declines from their personal chat: only they leave; the host is told and the invite updated', async () => {
    const session = await plan('Ann declines');
    await clearQueue(bot.service);
    const text = await action('declineRole', { teamId: TEAM_ID, sessionId: session.sessionId }, people.ann, personal);
    expect(text).toContain('You are no longer named in “Ann declines”');
    expect(await stored(session.sessionId)).toMatchObject({
      teacherIds: [],
      discussionLeaderId: people.bob.aadObjectId,
    });
    const jobs = await queuedJobs(bot.service);
    expect(jobs.map((j) => j.kind)).toEqual(['updateInvite', 'notifyPerson']);
    expect(jobs[1]).toMatchObject({ userId: people.host.aadObjectId, reason: 'roleDeclined', aboutUserId: people.ann.aadObjectId });
  });

  it('a card from another team, or without its session, gets a friendly card and changes nothing', async () => {
    const session = await plan('Forged');
    const other = { teamId: '19:other@thread.tacv2' };
    expect(await action('declineRole', { teamId: TEAM_ID, sessionId: session.sessionId }, people.ann, other)).toContain(
      'This card belongs to another team.',
    );
    expect(await action('declineRole', { teamId: TEAM_ID }, people.ann, personal)).toContain('This card is missing its session.');
    expect((await stored(session.sessionId))?.teacherIds).toContain(people.ann.aadObjectId);
  });
});
