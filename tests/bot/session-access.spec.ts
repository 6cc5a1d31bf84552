import { beforeEach, describe, expect, it } from '@jest/globals';
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
 * The card verbs and the dialog apply the same rules as the API (tests/api/session-access.spec.ts):
 * a card action from a personal chat may name any team in its data, so the team's membership decides;
 * in the team's own conversation Teams vouches that the person is a member.
 */
const now = new Date();
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
const bot = useSeededBot(() => now);
const olga = { id: '29:olga', name: 'Olga Outsider', aadObjectId: '00000000-0000-0000-0000-00000000a0ff' };
const personal = { teamId: null };

beforeEach(async () => {
  bot.connector.sent.length = 0;
  await clearQueue(bot.service);
  await bot.service.repositories.teams.removeMembers(PLAYGROUND_TENANT, TEAM_ID, [olga.aadObjectId]);
});

async function invoke(name: string, value: unknown, from: typeof olga, where = {}): Promise<{ body: InvokeBody; text: string }> {
  const res = await postActivity(bot.service.url, invokeActivity(bot.connector.serviceUrl, name, value, from, where));
  expect(res.status).toBe(200);
  const body = (await res.json()) as InvokeBody;
  return { body, text: JSON.stringify(body) };
}
const action = (verb: string, data: Record<string, unknown>, from: typeof olga, where = {}) =>
  invoke('adaptiveCard/action', execute(verb, data), from, where);

const day = inDays(6).toISOString().slice(0, 10);
const form = { teamId: TEAM_ID, title: 'Card access', date: day, time: '14:00', durationMinutes: '45', channelId: CHANNEL_ID };

async function plan(title: string, from = people.ann): Promise<LearningSession> {
  const { text } = await action('createSession', { ...form, title }, from);
  expect(text).toContain('is planned');
  const found = (await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).find((s) => s.title === title);
  if (!found) throw new Error('not planned');
  return found;
}
const titles = async () => (await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).map((s) => s.title);

describe('card verbs from outside the team', () => {
  it('createSession from a personal chat naming a team the person is not in: refused, nothing stored or posted', async () => {
    const { text } = await action('createSession', { ...form, title: 'Sneaky series', recurrence: 'weekly' }, olga, personal);
    expect(text).toContain('Only members of this team can do this.');
    expect(await titles()).not.toContain('Sneaky series');
    expect(await queuedJobs(bot.service)).toEqual([]);
  });

  it('the planning dialog (task/submit) trusts no team in its data either', async () => {
    const { text } = await invoke('task/submit', { data: { ...form, title: 'Via dialog', verb: 'createSession' } }, olga, personal);
    expect(text).toContain('Only members of this team can do this.');
    expect(await titles()).not.toContain('Via dialog');
  });

  it('rsvp from a personal chat to a team-only session: refused, no answer stored', async () => {
    const session = await plan('Team only');
    const { text } = await action('rsvp', { sessionId: session.sessionId, teamId: TEAM_ID, response: 'yes' }, olga, personal);
    expect(text).toContain('Only members of this team can do this.');
    expect(await bot.service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, session.sessionId)).toEqual([]);
  });

  it('rsvp from a personal chat to a session open to the organisation: anyone in the tenant may answer', async () => {
    const session = await plan('Open to all');
    await bot.service.repositories.sessions.update(PLAYGROUND_TENANT, TEAM_ID, session.sessionId, (s) => ({
      ...s,
      openToOrganisation: true,
    }));
    await action('rsvp', { sessionId: session.sessionId, teamId: TEAM_ID, response: 'yes' }, olga, personal);
    const answers = await bot.service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, session.sessionId);
    expect(answers.map((r) => [r.userId, r.response])).toEqual([[olga.aadObjectId, 'yes']]);
  });

  it('in the team’s own channel Teams vouches for the person: the answer counts and the membership is recorded', async () => {
    const session = await plan('Roster lags');
    await action('rsvp', { sessionId: session.sessionId, teamId: TEAM_ID, response: 'yes' }, olga);
    const answers = await bot.service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, session.sessionId);
    expect(answers.map((r) => r.userId)).toEqual([olga.aadObjectId]);
    const teams = await bot.service.repositories.teams.listTeamsOf(PLAYGROUND_TENANT, olga.aadObjectId);
    expect(teams.map((m) => [m.teamId, m.role])).toEqual([[TEAM_ID, 'member']]);
  });
});

describe('who changes a session through its card', () => {
  it('an owner of the team may cancel a member’s session; another member may not', async () => {
    const session = await plan('Owner may cancel');
    const refused = await action('cancelSession', { sessionId: session.sessionId, teamId: TEAM_ID }, people.bob);
    expect(refused.text).toContain('Only the host or an owner of the team can do this.');
    expect((await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId))?.status).toBe('scheduled');
    await action('cancelSession', { sessionId: session.sessionId, teamId: TEAM_ID }, people.host);
    expect((await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId))?.status).toBe('cancelled');
  });
});
