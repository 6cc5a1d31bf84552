import { describe, expect, it } from '@jest/globals';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { CHANNEL_ID, TEAM_ID, invokeActivity, people, useSeededBot } from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';

// Issue #12: the bot's task modules (plan a session, share a tip) send their skills through the same
// gate as the API: a typo answers the form again with "did you mean…?" under the field and a choice to
// add the skill as new; nothing is stored until the person submits again.
const clock = new Date('2026-11-27T12:00:00.000Z');
const bot = useSeededBot(() => clock);

async function invoke(name: string, value: unknown, from = people.host, where = {}): Promise<InvokeBody> {
  const res = await postActivity(bot.service.url, invokeActivity(bot.connector.serviceUrl, name, value, from, where));
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeBody;
}

/** The form card of a `continue` dialog answer, as JSON (the texts Teams shows). */
const dialogText = (body: InvokeBody): string => {
  expect(body.task?.type).toBe('continue');
  return JSON.stringify((body.task?.value as { card: { content: unknown } }).card.content);
};

const session = {
  teamId: TEAM_ID,
  title: 'Containers for beginners',
  date: '2026-12-03',
  time: '14:00',
  durationMinutes: '45',
  channelId: CHANNEL_ID,
  format: 'workshop',
};
const sessions = () => bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
const plan = (data: Record<string, unknown>, where = {}) =>
  invoke('composeExtension/submitAction', { commandId: 'planSession', data: { ...session, ...data } }, people.host, where);

describe('planSession task module: session skills through the taxonomy', () => {
  it('a typo answers the form again with "did you mean Docker?" under the field, in English; nothing is stored', async () => {
    const before = (await sessions()).length;
    const text = dialogText(await plan({ skills: 'Dokcer, Excel' }));
    expect(text).toContain('“Dokcer” is not a skill PeerLearn knows yet. Did you mean Docker?');
    expect(text).toContain('"id":"newSkills"');
    expect(text).toContain('Add “Dokcer” as a new skill');
    // What was typed comes back in the field.
    expect(text).toContain('"value":"Dokcer, Excel"');
    expect((await sessions()).length).toBe(before);
  });

  it('the same question in Dutch', async () => {
    const text = dialogText(await plan({ skills: 'Kubernets' }, { locale: 'nl-NL' }));
    expect(text).toContain('“Kubernets” kent PeerLearn nog niet als vaardigheid. Bedoelde je Kubernetes?');
    expect(text).toContain('“Kubernets” toevoegen als nieuwe vaardigheid');
  });

  it('stores the known skills in their canonical spelling and a skill ticked as new, which joins the team’s taxonomy', async () => {
    const answer = await plan({ title: 'Folding session', skills: 'docker, Vouwkunst', newSkills: 'Vouwkunst' });
    expect(answer.task).toEqual({ type: 'message', value: expect.stringContaining('is planned') });
    const stored = (await sessions()).find((s) => s.title === 'Folding session');
    expect(stored?.skills).toEqual(['Docker', 'Vouwkunst']);
    const team = await bot.service.repositories.teamSkills.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(team).toContainEqual(expect.objectContaining({ name: 'Vouwkunst', addedBy: people.host.aadObjectId }));
  });
});

describe('shareTip task module: tip skills through the taxonomy', () => {
  const tip = { title: 'Compose in 5 minutes', body: 'docker compose up', verb: 'shareTip' };
  const share = (data: Record<string, unknown>, where = {}) =>
    invoke('composeExtension/submitAction', { commandId: 'shareTip', data: { ...tip, ...data } }, people.bob, where);
  const tips = async () => (await bot.service.repositories.tips.list(PLAYGROUND_TENANT, TEAM_ID, { limit: 50 })).tips;

  it('a typo answers the form again with the question under the skills field; nothing is stored', async () => {
    const before = (await tips()).length;
    const text = dialogText(await share({ skills: 'Dokcer' }, { locale: 'nl-NL' }));
    expect(text).toContain('“Dokcer” kent PeerLearn nog niet als vaardigheid. Bedoelde je Docker?');
    expect(text).toContain('"id":"newSkills"');
    expect((await tips()).length).toBe(before);
  });

  it('a skill the team added earlier is accepted without asking again', async () => {
    const answer = await share({ skills: 'vouwkunst, excel' });
    expect((answer as InvokeBody & { readonly composeExtension?: unknown }).composeExtension).toMatchObject({ type: 'result' });
    expect((await tips()).find((t) => t.title === tip.title)?.skills).toEqual(['Vouwkunst', 'Excel']);
  });
});
