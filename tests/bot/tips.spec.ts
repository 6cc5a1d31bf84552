import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { TEAM_ID, invokeActivity, people, useSeededBot } from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';

const clock = new Date('2026-11-27T12:00:00.000Z');
const bot = useSeededBot(() => clock);

interface ComposeBody extends InvokeBody {
  readonly composeExtension?: {
    readonly type: string;
    readonly attachmentLayout: string;
    readonly attachments: readonly { readonly contentType: string; readonly content: AdaptiveCard }[];
  };
}

async function invoke(name: string, value: unknown, from = people.ann, where = {}): Promise<ComposeBody> {
  const res = await postActivity(bot.service.url, invokeActivity(bot.connector.serviceUrl, name, value, from, where));
  expect(res.status).toBe(200);
  return (await res.json()) as ComposeBody;
}

/** The card of a `continue` dialog answer. */
function dialogCard(body: ComposeBody): AdaptiveCard {
  expect(body.task?.type).toBe('continue');
  return (body.task?.value as { card: { content: AdaptiveCard } }).card.content;
}

/** The card's JSON holds the texts Teams shows (rendering with the real renderer: tests/cards/tip-cards.spec.ts). */
const textOf = (card: AdaptiveCard | undefined): string => JSON.stringify(card);

const storedTips = async () => (await bot.service.repositories.tips.list(PLAYGROUND_TENANT, TEAM_ID, { limit: 50 })).tips;

describe('shareTip messaging extension', () => {
  it('fetchTask opens the tip form, in English and in Dutch', async () => {
    const en = dialogCard(await invoke('composeExtension/fetchTask', { commandId: 'shareTip', commandContext: 'compose' }));
    const ids = JSON.stringify(en);
    for (const id of ['"id":"title"', '"id":"body"', '"id":"link"', '"id":"skills"', '"verb":"shareTip"']) expect(ids).toContain(id);
    expect(textOf(en)).toContain('Share a tip or training material');
    const nl = dialogCard(await invoke('composeExtension/fetchTask', { commandId: 'shareTip' }, people.ann, { locale: 'nl-NL' }));
    expect(textOf(nl)).toContain('Een tip of trainingsmateriaal delen');
  });

  it('submitAction stores the tip for the channel’s team and puts its card in the compose box', async () => {
    const data = {
      title: 'Sneltoetsen in Excel',
      body: 'Ctrl+Shift+L zet filters aan.',
      link: 'https://support.microsoft.com/excel',
      skills: 'excel, power-bi',
      verb: 'shareTip',
    };
    const body = await invoke('composeExtension/submitAction', { commandId: 'shareTip', commandContext: 'compose', data }, people.bob, {
      locale: 'nl-NL',
    });
    expect(body.composeExtension?.type).toBe('result');
    expect(body.composeExtension?.attachmentLayout).toBe('list');
    expect(body.composeExtension?.attachments).toHaveLength(1);
    const attachment = body.composeExtension?.attachments[0];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const rendered = { text: textOf(attachment?.content) };
    expect(rendered.text).toContain('Sneltoetsen in Excel');
    expect(rendered.text).toContain('Power BI');
    expect(rendered.text).toContain('Gedeeld door Bob Builder');
    expect(rendered.text).toContain('"type":"Action.OpenUrl"');
    const [stored] = await storedTips();
    expect(stored).toMatchObject({
      teamId: TEAM_ID,
      authorUserId: people.bob.aadObjectId,
      title: 'Sneltoetsen in Excel',
      skills: ['Excel', 'Power BI'],
      link: 'https://support.microsoft.com/excel',
      createdAt: clock.toISOString(),
    });
  });

  it('an invalid submit shows the form again with every problem and the typed values, and stores nothing', async () => {
    const before = (await storedTips()).length;
    const data = { title: '', body: 'Mijn tip zonder titel', link: 'ftp://files.example', skills: 'Excel', verb: 'shareTip' };
    const card = dialogCard(
      await invoke('composeExtension/submitAction', { commandId: 'shareTip', data }, people.ann, { locale: 'nl-NL' }),
    );
    const rendered = { text: textOf(card) };
    expect(rendered.text).toContain('Geef de tip een titel.');
    expect(rendered.text).toContain('Gebruik een weblink die begint met https:// of http://.');
    const json = JSON.stringify(card);
    expect(json).toContain('"value":"Mijn tip zonder titel"');
    expect(json).toContain('"value":"ftp://files.example"');
    expect(json).toContain('"value":"Excel"');
    expect((await storedTips()).length).toBe(before);
  });

  it('outside a team (personal chat) it answers a friendly message and stores nothing', async () => {
    const before = (await storedTips()).length;
    const fetched = dialogCard(await invoke('composeExtension/fetchTask', { commandId: 'shareTip' }, people.ann, { teamId: null }));
    expect(textOf(fetched)).toContain('Tips belong to a team');
    const submitted = dialogCard(
      await invoke('composeExtension/submitAction', { commandId: 'shareTip', data: { title: 'Hi' } }, people.ann, {
        teamId: null,
        locale: 'nl-NL',
      }),
    );
    expect(textOf(submitted)).toContain('Tips horen bij een team');
    expect((await storedTips()).length).toBe(before);
  });

  it('a team PeerLearn does not know yet gets told how to fix it', async () => {
    const card = dialogCard(
      await invoke('composeExtension/submitAction', { commandId: 'shareTip', data: { title: 'Hi' } }, people.ann, {
        teamId: '19:unknown@thread.tacv2',
      }),
    );
    expect(textOf(card)).toContain('PeerLearn does not know this team yet');
  });

  it('planSession still opens its own dialog (the dispatch by commandId leaves it alone)', async () => {
    const card = dialogCard(await invoke('composeExtension/fetchTask', { commandId: 'planSession' }, people.host));
    expect(JSON.stringify(card)).toContain('"verb":"createSession"');
  });
});
