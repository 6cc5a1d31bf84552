import { describe, expect, it } from '@jest/globals';
import { CARD_VERBS } from '../../bot/src/domain/shared/card-verbs';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { TEAM_ID, execute, invokeActivity, people, useSeededBot } from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';

const clock = new Date('2026-11-27T12:00:00.000Z');
const bot = useSeededBot(() => clock);

interface AnyInvokeBody extends InvokeBody {
  readonly composeExtension?: { readonly type: string; readonly text?: string };
}

async function invoke(
  name: string,
  value: unknown,
  where: { locale?: string; teamId?: string | null } = {},
): Promise<{ status: number; body: AnyInvokeBody }> {
  const res = await postActivity(bot.service.url, invokeActivity(bot.connector.serviceUrl, name, value, people.ann, where));
  return { status: res.status, body: (await res.json()) as AnyInvokeBody };
}

const unknownVerb = (verb: string) => ({
  statusCode: 400,
  type: 'application/vnd.microsoft.error',
  value: { code: 'unknownVerb', message: `PeerLearn does not know this button (“${verb}”). Try refreshing the card.` },
});

describe('the bot’s dispatcher answers what no feature does: clearly, never a throw', () => {
  it.each(['dance', '__proto__', 'toString', 'constructor', 'hasOwnProperty'])(
    'card verb “%s”: a 400 error toast (Universal Actions), the card stays',
    async (verb) => {
      const { status, body } = await invoke('adaptiveCard/action', execute(verb, { sessionId: 's1', teamId: TEAM_ID }));
      expect(status).toBe(200);
      expect(body).toEqual(unknownVerb(verb));
    },
  );

  it('says it in Dutch to a Dutch client, and shows at most 40 characters of a long verb', async () => {
    const { body } = await invoke('adaptiveCard/action', execute('x'.repeat(500), {}), { locale: 'nl-NL' });
    expect(body.value).toEqual({
      code: 'unknownVerb',
      message: `PeerLearn kent deze knop niet (“${'x'.repeat(40)}”). Probeer de kaart te vernieuwen.`,
    });
  });

  it.each([
    ['no action', {}],
    ['a verb that is not text', { action: { type: 'Action.Execute', verb: 42 } }],
    ['a value that is not an object', 'rsvp'],
  ])('a card action with %s gets the same error, with nothing to quote', async (_label, value) => {
    const { body } = await invoke('adaptiveCard/action', value);
    expect(body).toEqual(unknownVerb(''));
  });

  it('routes every verb of the table to a handler: none is answered as unknown', async () => {
    for (const verb of CARD_VERBS) {
      const { status, body } = await invoke('adaptiveCard/action', execute(verb, { teamId: TEAM_ID }));
      expect(status).toBe(200);
      expect({ verb, code: (body.value as { code?: string } | undefined)?.code }).not.toEqual({ verb, code: 'unknownVerb' });
    }
  });

  it.each([
    ['composeExtension/query', { commandId: 'noSuchSearch', parameters: [{ name: 'query', value: 'x' }] }],
    ['composeExtension/query', { commandId: 'shareTip', parameters: [] }],
    ['composeExtension/query', { commandId: '__proto__' }],
    ['composeExtension/selectItem', { commandId: 'planSession', userId: 'u' }],
    ['composeExtension/selectItem', { userId: 'u' }],
  ])('%s with an unknown command id (%j): a message in the compose box', async (name, value) => {
    const { status, body } = await invoke(name, value);
    expect(status).toBe(200);
    expect(body.composeExtension).toEqual({ type: 'message', text: 'PeerLearn cannot do this yet.' });
  });

  it.each([
    ['composeExtension/fetchTask', { commandId: 'findExpert' }],
    ['composeExtension/fetchTask', { commandId: 'toString' }],
    ['composeExtension/submitAction', { commandId: 'noSuchCommand', data: {} }],
    ['composeExtension/submitAction', {}],
    ['task/fetch', { data: { verb: 'noSuchDialog' } }],
    ['task/submit', { data: { verb: 'shareTip' } }],
    ['task/submit', { data: 'not an object' }],
  ])('%s with an unknown command id or verb (%j): a message in the dialog', async (name, value) => {
    const { status, body } = await invoke(name, value);
    expect(status).toBe(200);
    expect(body.task).toEqual({ type: 'message', value: 'PeerLearn cannot do this yet.' });
  });

  it('an unknown command id is answered in Dutch to a Dutch client', async () => {
    const { body } = await invoke('composeExtension/fetchTask', { commandId: 'noSuchCommand' }, { locale: 'nl-NL' });
    expect(body.task).toEqual({ type: 'message', value: 'Dit kan PeerLearn nog niet.' });
  });

  it.each(['composeExtension/queryLink', 'message/submitAction', '__proto__'])(
    'an invoke the bot does not know (%s): HTTP 501 with the reason',
    async (name) => {
      const { status, body } = await invoke(name, {});
      expect(status).toBe(501);
      expect(body).toEqual({
        statusCode: 501,
        type: 'application/vnd.microsoft.error',
        value: { code: 'NotImplemented', message: 'PeerLearn cannot do this yet.' },
      });
    },
  );

  it('stores nothing for an unknown verb or command', async () => {
    const before = (await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    await invoke('adaptiveCard/action', execute('__proto__', { teamId: TEAM_ID, title: 'Forged' }));
    await invoke('composeExtension/submitAction', { commandId: 'constructor', data: { teamId: TEAM_ID, title: 'Forged' } });
    expect((await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(before);
  });
});
