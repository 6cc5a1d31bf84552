import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BuddyRoundResponse, StartBuddyRoundResponse } from '../../bot/src/api/contract';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { ORGANISATION_POOL } from '../../bot/src/domain/buddies/buddy';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import { CHANNEL_ID, TEAM_ID, execute, invokeActivity, messageActivity, people, seedTeam } from '../support/bot/session-fixtures';
import type { InvokeBody, WhereOptions } from '../support/bot/session-fixtures';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector, SentActivity } from '../support/fake-connector';
import { callApi, devToken, startTestService } from '../support/service';

/**
 * Learning buddies in the bot (issue #13), through the real CloudAdapter, the real BuddyService and
 * storage (Azurite), and the outbox worker posting to a fake Bot Connector: opting in, pausing and
 * stopping by command in both languages, the status card, the team choice, the introductions a round
 * delivers with their signed .ics, and "did you meet?" answered from the card, refused for anyone not
 * in the round or from another tenant.
 */
let service: RunningService;
let connector: FakeConnector;
const PERSONAL: WhereOptions = { teamId: null };
const OTHER_TENANT = '99999999-0000-0000-0000-000000000000';
const olga: ActivityUser = { id: '29:olga', name: 'Olga Outsider', aadObjectId: '00000000-0000-0000-0000-00000000b0ff' };

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService({ seedDemo: false }), startFakeConnector()]);
  await seedTeam(service.repositories, new Date());
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});

/** A message to the bot; the bot's one reply. */
async function say(text: string, from: ActivityUser, where: WhereOptions = PERSONAL): Promise<SentActivity['activity']> {
  const before = connector.sent.length;
  const res = await postActivity(service.url, messageActivity(connector.serviceUrl, text, from, where));
  expect(res.status).toBeLessThan(300);
  const sent = await connector.waitFor(before + 1);
  const reply = sent.at(-1)?.activity;
  if (!reply) throw new Error('no reply');
  return reply;
}

const cardOf = (activity: SentActivity['activity']): AdaptiveCard => {
  const attachment = activity.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment?.content as AdaptiveCard;
};

async function press(verb: string, data: Record<string, unknown>, from: ActivityUser, where: WhereOptions = PERSONAL): Promise<InvokeBody> {
  const res = await postActivity(
    service.url,
    invokeActivity(connector.serviceUrl, 'adaptiveCard/action', execute(verb, data), from, where),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeBody;
}

const tokenOf = (user: ActivityUser, tenantId = PLAYGROUND_TENANT) =>
  devToken(service, { tenantId, userId: user.aadObjectId ?? '', name: user.name });

describe('buddy commands', () => {
  it('"buddy me" in the team’s channel: a short confirmation for the channel, no card with anyone’s buddy', async () => {
    const reply = await say('buddy me', people.ann, { channelId: CHANNEL_ID });
    expect(reply.text).toBe('You take part in the learning buddies of Learning team.');
    expect(reply.attachments ?? []).toEqual([]);
  });

  it('"koppel mij" in the personal chat (one team): the Dutch status card with its buttons', async () => {
    const card = cardOf(await say('koppel mij', people.bob, { ...PERSONAL, locale: 'nl-NL' }));
    expect(JSON.stringify(card)).toContain('Je doet mee aan de leerbuddyrondes.');
    expect(card.actions?.map((a) => (a.type === 'Action.Execute' ? a.verb : a.type))).toEqual(['buddySkip', 'buddyAcross', 'buddyLeave']);
  });

  it('"buddy pause" skips the next round, "buddy stop" opts out, "my buddy" shows it', async () => {
    await say('buddy me', people.cleo);
    expect(JSON.stringify(cardOf(await say('buddy pause', people.cleo)))).toContain('You skip the next round.');
    expect(JSON.stringify(cardOf(await say('buddy stop', people.cleo)))).toContain('You do not take part');
    const status = cardOf(await say('my buddy', people.cleo));
    expect(JSON.stringify(status)).toContain('You do not take part');
    expect(status.actions?.map((a) => (a.type === 'Action.Execute' ? a.verb : a.type))).toEqual(['buddyJoin']);
    const me = await callApi<{ optIn: boolean; skipNext: boolean }>(
      service,
      await tokenOf(people.cleo),
      'GET',
      `/teams/${encodeURIComponent(TEAM_ID)}/buddies/me`,
    );
    expect(me.body).toMatchObject({ optIn: false });
  });

  it('someone in no team with PeerLearn is told so; a forged join for a team they are not in is refused', async () => {
    expect((await say('buddy me', olga)).text).toBe('You are not in a team with PeerLearn yet. Add PeerLearn to a team first.');
    const answer = await press('buddyJoin', { poolId: TEAM_ID }, olga);
    expect(answer.value).toBe('Only members of this team can take part in its learning buddies.');
    expect(await press('buddyJoin', { poolId: { id: TEAM_ID } }, olga)).toMatchObject({ value: 'This card is missing its team or round.' });
  });
});

describe('a round through the worker', () => {
  let roundId = '';
  /** The introduction that names `buddy` (each card names the other of the pair); Ann's opens a 1:1 chat, Bob's goes to his. */
  const introNaming = (buddy: ActivityUser) =>
    connector.sent.find((s) => {
      const card = JSON.stringify(s.activity.attachments?.[0]?.content ?? {});
      return card.includes('teams.microsoft.com/l/meeting/new') && card.includes(buddy.name);
    });

  it('an owner starts a round: each of the pair gets the introduction in their language, with a working .ics', async () => {
    const started = await callApi<StartBuddyRoundResponse>(
      service,
      await tokenOf(people.host),
      'POST',
      `/teams/${encodeURIComponent(TEAM_ID)}/buddies/rounds`,
    );
    expect(started.status).toBe(202);
    roundId = started.body.roundId;
    await eventually(() => {
      expect(introNaming(people.bob)).toBeDefined();
      expect(introNaming(people.ann)).toBeDefined();
    });
    const toAnn = introNaming(people.bob);
    const toBob = introNaming(people.ann);
    expect(JSON.stringify(cardOf(toAnn?.activity ?? {}))).toContain('Meet your learning buddy');
    expect(JSON.stringify(cardOf(toBob?.activity ?? {}))).toContain('Maak kennis met je leerbuddy');
    expect(toBob?.conversationId).toBe(`a:personal-${people.bob.id}`);
    expect(toAnn?.conversationId).not.toBe(toBob?.conversationId);
    // Two introductions, nothing for Cleo (she stopped) or the owner (never opted in).
    const intros = connector.sent.filter((s) => JSON.stringify(s.activity.attachments ?? []).includes('teams.microsoft.com/l/meeting/new'));
    expect(intros).toHaveLength(2);

    const actions = cardOf(toAnn?.activity ?? {}).actions ?? [];
    const ics = actions.find((a) => a.type === 'Action.OpenUrl' && a.url.includes('chat.ics'));
    const url = ics?.type === 'Action.OpenUrl' ? ics.url : '';
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/calendar');
    expect(await file.text()).toContain('SUMMARY:Learning buddy chat');
    const forged = new URL(url);
    forged.searchParams.set('start', new Date(Date.now() + 86_400_000 * 9).toISOString());
    expect((await fetch(forged)).status).toBe(404);
    const unsigned = new URL(url);
    unsigned.searchParams.delete('token');
    const refused = await fetch(unsigned);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('"did you meet?" answered from the card: the card comes back with the answer marked; the owner sees it', async () => {
    const answer = await press('buddyMet', { poolId: TEAM_ID, roundId, answer: 'yes' }, people.ann);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toContain('You answered: yes, we met.');
    expect(JSON.stringify(answer.value)).toContain('✓ Yes');
    const round = await callApi<BuddyRoundResponse>(
      service,
      await tokenOf(people.host),
      'GET',
      `/teams/${encodeURIComponent(TEAM_ID)}/buddies/rounds/latest`,
    );
    expect(round.body.round?.pairs[0]?.answers).toEqual({ [people.ann.aadObjectId]: 'yes' });
  });

  it('someone not in the round, or the same person from another tenant, is refused and nothing is stored', async () => {
    expect((await press('buddyMet', { poolId: TEAM_ID, roundId, answer: 'wont' }, people.cleo)).value).toBe(
      'You were not paired in this round, so there is nothing for you to answer.',
    );
    const other = await press('buddyMet', { poolId: TEAM_ID, roundId, answer: 'wont' }, people.bob, {
      ...PERSONAL,
      tenantId: OTHER_TENANT,
    });
    expect(other.type).toBe('application/vnd.microsoft.activity.message');
    expect(JSON.stringify(other.value)).not.toContain('You answered');
    expect((await press('buddyMet', { poolId: TEAM_ID, roundId, answer: 'maybe' }, people.bob)).value).toBe(
      'This card is missing its team or round.',
    );
    const round = await callApi<BuddyRoundResponse>(
      service,
      await tokenOf(people.host),
      'GET',
      `/teams/${encodeURIComponent(TEAM_ID)}/buddies/rounds/latest`,
    );
    expect(round.body.round?.pairs[0]?.answers).toEqual({ [people.ann.aadObjectId]: 'yes' });
  });

  it('the tenant pool’s "only within this team" button works from the personal chat, through one of the person’s teams', async () => {
    const widened = await press('buddyAcross', { poolId: TEAM_ID, across: true }, people.bob);
    expect(JSON.stringify(widened.value)).toContain('You are also paired across the organisation.');
    const narrowed = await press('buddyAcross', { poolId: ORGANISATION_POOL, across: false }, people.bob);
    expect(JSON.stringify(narrowed.value)).toContain('You are paired only within this team.');
  });

  it('"my buddy" names the current buddy; in two teams the personal chat asks which one', async () => {
    expect(JSON.stringify(cardOf(await say('my buddy', people.ann)))).toContain('Your buddy now: Bob Builder');
    const second = '19:second-team@thread.tacv2';
    const at = new Date().toISOString();
    await service.repositories.teams.upsert({
      tenantId: PLAYGROUND_TENANT,
      teamId: second,
      name: 'Second team',
      locale: 'en-US',
      channels: [{ channelId: second, name: 'General' }],
      createdAt: at,
      updatedAt: at,
    });
    await service.repositories.teams.addMembers([
      { tenantId: PLAYGROUND_TENANT, teamId: second, userId: people.ann.aadObjectId, role: 'member', joinedAt: at },
    ]);
    const choice = cardOf(await say('buddy me', people.ann));
    const buttons = choice.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
    expect(buttons.map((b) => b.title)).toEqual(['Learning team', 'Second team']);
    const joined = await press('buddyJoin', { poolId: second }, people.ann);
    expect(JSON.stringify(joined.value)).toContain('Team: Second team');
    expect(JSON.stringify(joined.value)).toContain('You take part in the learning buddy rounds.');
  });

  it('"buddy stop" is the same in both languages: a Dutch Teams gets the Dutch answer', async () => {
    const card = cardOf(await say('buddy stop', people.bob, { ...PERSONAL, locale: 'nl-NL' }));
    expect(JSON.stringify(card)).toContain('Je doet niet mee aan de leerbuddyrondes.');
  });
});
