import { beforeEach, describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { TEAM_ID, execute, invokeActivity, messageActivity, people, useSeededBot } from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';
import { findExpertInvoke, selectExpertInvoke } from '../support/expert-activities';
import type { ComposeResult } from '../support/expert-activities';

/**
 * Issue #12: an empty expert search offers "ask to learn this" (a new request for the team, or a +1 on
 * the open one), in the bot's "who knows X" answer and the findExpert messaging extension; the answer
 * says which happened and shows the request. Only members of the team may. Through the real CloudAdapter.
 */
const now = new Date();
const bot = useSeededBot(() => now);
const olga = { id: '29:olga', name: 'Olga Outsider', aadObjectId: '00000000-0000-0000-0000-00000000a0ff' };
beforeEach(() => {
  bot.connector.sent.length = 0;
});

async function whoKnows(text: string, who = people.ann, locale = 'en-US'): Promise<AdaptiveCard> {
  await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, text, who, { locale }));
  const [reply] = await bot.connector.waitFor(1);
  bot.connector.sent.length = 0;
  return reply?.activity.attachments?.[0]?.content as AdaptiveCard;
}

async function press(data: unknown, who: typeof olga, where: { teamId?: null; locale?: string } = {}): Promise<string> {
  const activity = invokeActivity(
    bot.connector.serviceUrl,
    'adaptiveCard/action',
    execute('askToLearn', data as Record<string, unknown>),
    who,
    where,
  );
  const res = await postActivity(bot.service.url, activity);
  expect(res.status).toBe(200);
  const body = (await res.json()) as InvokeBody;
  return JSON.stringify(body.value);
}

const requestFor = async (skill: string) =>
  (await bot.service.repositories.learningRequests.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).requests.find((r) => r.skill === skill);

describe('"who knows X" with nobody found', () => {
  it('offers "ask to learn"; the first press creates the request, a colleague’s press +1s it, a second press changes nothing', async () => {
    const card = await whoKnows('who knows kubernetes');
    expect(JSON.stringify(card)).toContain('Nobody found for “kubernetes” yet');
    const ask = card.actions?.find((a) => a.type === 'Action.Execute');
    expect(ask).toMatchObject({ title: 'Ask to learn “kubernetes”', verb: 'askToLearn', data: { skill: 'kubernetes' } });
    const data = ask && 'data' in ask ? ask.data : {};

    expect(await press(data, people.ann)).toContain('Request created: your team can see you want to learn Kubernetes.');
    expect(await requestFor('Kubernetes')).toMatchObject({ status: 'open', votes: 1, authorUserId: people.ann.aadObjectId });

    const voted = await press(data, people.bob, { locale: 'nl-NL' });
    expect(voted).toContain('Je gaf een +1 op de open vraag voor Kubernetes.');
    expect(voted).toContain('2 collega’s willen dit');
    expect(await press(data, people.bob)).toContain('You had already +1’d the open request for Kubernetes.');
    expect((await requestFor('Kubernetes'))?.votes).toBe(2);
  });

  it('asks in Dutch too; someone in no team is told where to ask and nothing is stored', async () => {
    const card = await whoKnows('wie kent excel', people.cleo, 'nl-NL');
    expect(card.actions?.[0]).toMatchObject({ title: 'Vragen om “excel” te leren', verb: 'askToLearn' });
    // The team is never taken from the card: in a personal chat, someone in no team has nowhere to ask (nl and en).
    expect(await press({ skill: 'excel' }, olga, { teamId: null, locale: 'nl-NL' })).toContain('Vraag dit in een teamkanaal');
    // In a personal chat with no team at all: nowhere to ask.
    expect(await press({ skill: 'excel' }, olga, { teamId: null })).toContain('Ask this in a team channel');
    expect(await requestFor('Excel')).toBeUndefined();
    // A card whose data carries no skill is refused before any service.
    const res = await postActivity(
      bot.service.url,
      invokeActivity(bot.connector.serviceUrl, 'adaptiveCard/action', execute('askToLearn', { skill: '' }), people.ann),
    );
    expect(((await res.json()) as InvokeBody).statusCode).toBe(400);
  });
});

describe('a typo in a learning request goes through the taxonomy, as on the API', () => {
  it('"I want to learn Typscript" asks "did you mean TypeScript?"; nothing is stored until a button is pressed', async () => {
    await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, 'I want to learn Typscript', people.ann));
    const [reply] = await bot.connector.waitFor(1);
    bot.connector.sent.length = 0;
    const card = reply?.activity.attachments?.[0]?.content as AdaptiveCard;
    expect(JSON.stringify(card)).toContain('Did you mean');
    const buttons = (card.actions ?? []).map((a) => ('data' in a ? { title: a.title, data: a.data } : {}));
    expect(buttons[0]).toEqual({ title: 'TypeScript', data: { skill: 'TypeScript' } });
    expect(buttons.at(-1)).toMatchObject({ data: { skill: 'Typscript', asNew: true } });
    expect(await requestFor('Typscript')).toBeUndefined();
    expect(await requestFor('TypeScript')).toBeUndefined();

    expect(await press(buttons[0]?.data, people.ann)).toContain('Request created');
    expect(await requestFor('TypeScript')).toMatchObject({ votes: 1, authorUserId: people.ann.aadObjectId });
    expect(await requestFor('Typscript')).toBeUndefined();
  });

  it('"ask to learn" with an unknown skill asks first; kept as new, it is stored as typed and joins the team’s skills', async () => {
    const asked = await press({ skill: 'Dokcer' }, people.bob);
    expect(asked).toContain('Did you mean');
    expect(asked).toContain('"verb":"askToLearn"');
    expect(await requestFor('Dokcer')).toBeUndefined();
    expect(await press({ skill: 'Zigbee meshes', asNew: true }, people.bob)).toContain('Request created');
    expect(await requestFor('Zigbee meshes')).toMatchObject({ votes: 1 });
    const teamSkills = await bot.service.repositories.teamSkills.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(teamSkills.map((s) => s.name)).toContain('Zigbee meshes');
  });
});

describe('findExpert with nobody found', () => {
  it('returns one "ask your team" result; picking it (in a chat, the person’s only team) creates the request and inserts its card', async () => {
    const query = await postActivity(
      bot.service.url,
      findExpertInvoke(bot.connector.serviceUrl, 'Terraform', { from: people.bob, tenantId: PLAYGROUND_TENANT }),
    );
    const result = (await query.json()) as ComposeResult;
    expect(result.composeExtension.type).toBe('result');
    const [item] = result.composeExtension.attachments ?? [];
    expect(item?.preview?.content.title).toBe('Ask your team to learn “Terraform”');
    expect(item?.preview?.content.tap).toMatchObject({ type: 'invoke', value: { commandId: 'findExpert', askToLearn: 'Terraform' } });

    const picked = await postActivity(
      bot.service.url,
      selectExpertInvoke(bot.connector.serviceUrl, item?.preview?.content.tap?.value, { from: people.bob, tenantId: PLAYGROUND_TENANT }),
    );
    const inserted = (await picked.json()) as ComposeResult;
    const card = JSON.stringify(inserted.composeExtension.attachments?.[0]?.content);
    expect(card).toContain('Request created: your team can see you want to learn Terraform.');
    expect(card).toContain('"verb":"voteRequest"');
    expect(await requestFor('Terraform')).toMatchObject({ authorUserId: people.bob.aadObjectId, votes: 1 });
  });
});
