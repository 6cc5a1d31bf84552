import { beforeEach, describe, expect, it } from '@jest/globals';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import {
  CHANNEL_ID,
  TEAM_ID,
  clearQueue,
  invokeActivity,
  messageActivity,
  people,
  queuedJobs,
  useSeededBot,
} from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';

/**
 * Issue #12: "I can teach this" on the channel's request card opens the bot's plan form filled from the
 * request; the save takes the request (a second save gets the friendly "planned already"), and
 * closing the form leaves it open. Through the real CloudAdapter.
 */
const now = new Date();
const bot = useSeededBot(() => now);
const olga = { id: '29:olga', name: 'Olga Outsider', aadObjectId: '00000000-0000-0000-0000-00000000a0ff' };
const day = new Date(now.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);

beforeEach(async () => {
  bot.connector.sent.length = 0;
  await clearQueue(bot.service);
});

async function invoke(name: string, value: unknown, from: ActivityUser, where = {}): Promise<InvokeBody> {
  const res = await postActivity(bot.service.url, invokeActivity(bot.connector.serviceUrl, name, value, from, where));
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeBody;
}

/** The dialog's card (`task.value.card.content`) as JSON text. */
const dialogText = (body: InvokeBody): string => {
  expect(body.task?.type).toBe('continue');
  return JSON.stringify((body.task?.value as { card: { content: unknown } }).card.content);
};

interface SubmitAction {
  readonly type: string;
  readonly title: string;
  readonly data?: Record<string, unknown>;
}

async function askInChannel(skill: string, who: ActivityUser) {
  await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, `I want to learn ${skill}`, who));
  const [reply] = await bot.connector.waitFor(1);
  const card = reply?.activity.attachments?.[0]?.content as { actions?: SubmitAction[] };
  const request = (await bot.service.repositories.learningRequests.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).requests.find(
    (r) => r.skill === skill,
  );
  if (!request) throw new Error('not asked');
  return { card, request };
}

describe('the bot’s plan form from a learning request', () => {
  it('opens filled from the request for a colleague; the save takes it; a second save is told it was planned already', async () => {
    const { card, request } = await askInChannel('Docker', people.ann);
    const teach = card.actions?.find((a) => a.title === 'I can teach this');
    expect(teach).toMatchObject({
      type: 'Action.Submit',
      data: { msteams: { type: 'task/fetch' }, verb: 'planSession', teamId: TEAM_ID, requestId: request.requestId },
    });

    const opened = dialogText(await invoke('task/fetch', { data: teach?.data }, people.bob));
    expect(opened).toContain('Learn Docker together');
    expect(opened).toContain('A colleague asked on the team board to learn Docker.');
    expect(opened).toContain(`"requestId":"${request.requestId}"`);
    // Opening (and closing) the form took nothing.
    expect(await bot.service.repositories.learningRequests.get(PLAYGROUND_TENANT, TEAM_ID, request.requestId)).toMatchObject({
      status: 'open',
    });

    const values = { title: 'Docker from zero', skills: 'Docker', date: day, time: '14:00', durationMinutes: '45', channelId: CHANNEL_ID };
    const saved = await invoke(
      'task/submit',
      { data: { ...values, teamId: TEAM_ID, requestId: request.requestId, verb: 'createSession' } },
      people.bob,
    );
    expect(saved.task).toEqual({ type: 'message', value: expect.stringContaining('is planned') });
    const sessions = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    const planned = sessions.find((s) => s.title === 'Docker from zero');
    expect(await bot.service.repositories.learningRequests.get(PLAYGROUND_TENANT, TEAM_ID, request.requestId)).toMatchObject({
      status: 'planned',
      takenBy: people.bob.aadObjectId,
      sessionId: planned?.sessionId,
    });
    expect(await queuedJobs(bot.service)).toContainEqual(expect.objectContaining({ kind: 'notifyAskers', requestId: request.requestId }));

    // Cleo had the form open too: her save is refused in the form, in her language, and stores nothing.
    const second = await invoke(
      'task/submit',
      { data: { ...values, title: 'Docker again', teamId: TEAM_ID, requestId: request.requestId, verb: 'createSession' } },
      people.cleo,
      { locale: 'nl-NL' },
    );
    expect(dialogText(second)).toContain('Iemand heeft al een sessie voor deze leervraag gepland; er is niets opgeslagen.');
    const after = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(after.some((s) => s.title === 'Docker again')).toBe(false);
  });

  it('keeps the request through a refused form: the form comes back with the problem and still carries it', async () => {
    const { request } = await askInChannel('Kubernetes', people.ann);
    const bad = await invoke(
      'task/submit',
      {
        data: {
          title: '',
          date: day,
          time: '14:00',
          durationMinutes: '45',
          teamId: TEAM_ID,
          requestId: request.requestId,
          verb: 'createSession',
        },
      },
      people.bob,
    );
    const text = dialogText(bad);
    expect(text).toContain('Give the session a title.');
    expect(text).toContain(`"requestId":"${request.requestId}"`);
    expect(await bot.service.repositories.learningRequests.get(PLAYGROUND_TENANT, TEAM_ID, request.requestId)).toMatchObject({
      status: 'open',
    });
  });

  it('is not for the one who asked, nor for someone outside the team, nor for a forged id', async () => {
    const { request } = await askInChannel('Python', people.ann);
    const data = { verb: 'planSession', teamId: TEAM_ID, requestId: request.requestId };
    expect(dialogText(await invoke('task/fetch', { data }, people.ann))).toContain('You asked for this yourself');
    expect(dialogText(await invoke('task/fetch', { data }, olga, { teamId: null, locale: 'nl-NL' }))).toContain(
      'Alleen leden van dit team kunnen dit doen.',
    );
    // A forged id in a submit is refused before storage, and nothing is planned.
    const forged = await invoke(
      'task/submit',
      {
        data: {
          title: 'Forged',
          date: day,
          time: '14:00',
          durationMinutes: '45',
          teamId: TEAM_ID,
          requestId: "x' or 1 eq 1",
          verb: 'createSession',
        },
      },
      people.bob,
    );
    expect(dialogText(forged)).toContain('This learning request does not exist (anymore).');
    const sessions = await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(sessions.some((s) => s.title === 'Forged')).toBe(false);
  });
});
