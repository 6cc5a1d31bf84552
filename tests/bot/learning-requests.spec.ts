import { beforeEach, describe, expect, it } from '@jest/globals';
import { parseCommand } from '../../bot/src/domain/shared/commands';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { TEAM_ID, invokeActivity, messageActivity, people, useSeededBot } from '../support/bot/session-fixtures';

const clock = new Date('2026-11-27T12:00:00.000Z');
const bot = useSeededBot(() => clock);
beforeEach(() => {
  bot.connector.sent.length = 0;
});

const open = async () =>
  (await bot.service.repositories.learningRequests.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).requests.filter((r) => r.status === 'open');

describe('"I want to learn X" in a channel', () => {
  it('parses in both languages', () => {
    expect(parseCommand('I want to learn Power BI!')).toMatchObject({ id: 'wantToLearn', locale: 'en', argument: 'Power BI' });
    expect(parseCommand('ik wil SQL leren')).toMatchObject({ id: 'wantToLearn', locale: 'nl', argument: 'SQL' });
    expect(parseCommand('Ik wil feedback geven leren.')).toMatchObject({ id: 'wantToLearn', argument: 'feedback geven' });
  });

  it('creates a request for the channel’s team and answers with a card; a colleague asking the same adds a +1', async () => {
    await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, 'I want to learn kubernetes', people.ann));
    const [reply] = await bot.connector.waitFor(1);
    const card = JSON.stringify(reply?.activity.attachments?.[0]?.content);
    expect(card).toContain('Ann Attendee wants to learn Kubernetes');
    expect(card).toContain('1 colleague wants this');
    const [stored] = (await open()).filter((r) => r.skill === 'Kubernetes');
    expect(stored).toMatchObject({ authorUserId: people.ann.aadObjectId, votes: 1 });

    bot.connector.sent.length = 0;
    await postActivity(
      bot.service.url,
      messageActivity(bot.connector.serviceUrl, 'ik wil Kubernetes leren', people.bob, { locale: 'nl-NL' }),
    );
    const [again] = await bot.connector.waitFor(1);
    const nl = JSON.stringify(again?.activity.attachments?.[0]?.content);
    expect(nl).toContain('Iemand vroeg al om Kubernetes te leren: je +1 is geteld.');
    expect(nl).toContain('2 collega’s willen dit');
    const kubernetes = (await open()).filter((r) => r.skill === 'Kubernetes');
    expect(kubernetes).toHaveLength(1);
    expect(kubernetes[0]?.votes).toBe(2);
  });

  it('+1 from the card in the channel: the card shows the new count for everyone; pressing again only says it counts', async () => {
    await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, 'I want to learn Docker', people.ann));
    const [reply] = await bot.connector.waitFor(1);
    const card = reply?.activity.attachments?.[0]?.content as {
      actions?: { type: string; verb?: string; data?: { requestId?: string } }[];
    };
    const plusOne = card.actions?.find((a) => a.verb === 'voteRequest');
    expect(plusOne?.type).toBe('Action.Execute');
    const press = (who: (typeof people)[keyof typeof people], data: unknown = plusOne?.data, locale = 'en-US') =>
      postActivity(
        bot.service.url,
        invokeActivity(
          bot.connector.serviceUrl,
          'adaptiveCard/action',
          { action: { type: 'Action.Execute', verb: 'voteRequest', data }, trigger: 'manual' },
          who,
          { locale },
        ),
      );

    const res = await press(people.bob);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { statusCode: number; type: string; value: unknown };
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toContain('2 colleagues want this');
    expect(JSON.stringify(answer.value)).toContain('Ann Attendee wants to learn Docker');

    const again = (await (await press(people.bob, plusOne?.data, 'nl-NL')).json()) as { type: string; value: unknown };
    expect(again).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Je +1 telt al mee.' });
    expect((await open()).find((r) => r.skill === 'Docker')?.votes).toBe(2);

    // Only the request id comes from the card; an id that is not one is refused before storage.
    const forged = (await (await press(people.cleo, { requestId: "x' or 1 eq 1" })).json()) as { statusCode: number };
    expect(forged.statusCode).toBe(400);
  });

  it('in a personal chat, or without a skill: a friendly answer and nothing stored', async () => {
    const before = (await open()).length;
    await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, 'I want to learn Excel', people.ann, { teamId: null }));
    const [personal] = await bot.connector.waitFor(1);
    expect(personal?.activity.text).toContain('Ask this in a team channel');
    bot.connector.sent.length = 0;
    await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, 'I want to learn', people.ann));
    const [empty] = await bot.connector.waitFor(1);
    expect(empty?.activity.text).toBe('Say what you want to learn.');
    expect((await open()).length).toBe(before);
  });
});
