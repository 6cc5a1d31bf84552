import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { PersonalDataExportResponse } from '../../bot/src/api/contract';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import type { RunningService } from '../../bot/src/server';
import { BOT, personalInvoke, personalMessage, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import { findExpertInvoke, resultNames } from '../support/expert-activities';
import type { ComposeResult } from '../support/expert-activities';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { callApi, devToken, startTestService } from '../support/service';

let service: RunningService;
let connector: FakeConnector;

/** A person of their own per spec run, so the expert index of earlier tests cannot find them by accident. */
const NOOR: ActivityUser = { id: `29:noor-${randomUUID()}`, name: 'Noor Privacytest', aadObjectId: randomUUID() };
const NOOR_ID = NOOR.aadObjectId ?? '';
const SANNE: ActivityUser = { id: `29:sanne-${randomUUID()}`, name: 'Sanne Anders', aadObjectId: randomUUID() };

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService(), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});
beforeEach(() => {
  connector.sent.length = 0;
});

async function say(text: string, from: ActivityUser = NOOR, locale = 'en-US'): Promise<void> {
  const before = connector.sent.length;
  const res = await postActivity(service.url, personalMessage(connector.serviceUrl, text, from, { locale }));
  expect(res.status).toBeLessThan(300);
  await connector.waitFor(before + 1);
}

const lastActivity = () => connector.sent.at(-1)?.activity;
function lastCard(): AdaptiveCard {
  const attachment = lastActivity()?.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment?.content as AdaptiveCard;
}

interface InvokeAnswer {
  readonly statusCode?: number;
  readonly type?: string;
  readonly value?: unknown;
}

async function press(verb: string, data: Record<string, unknown>, from: ActivityUser = NOOR, locale = 'en-US'): Promise<InvokeAnswer> {
  const value = { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' };
  const res = await postActivity(service.url, personalInvoke(connector.serviceUrl, 'adaptiveCard/action', value, { from, locale }));
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeAnswer;
}

const cardText = (answer: InvokeAnswer): string => {
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  return JSON.stringify(answer.value);
};

/** A skill PeerLearn does not know: said, then confirmed with the did-you-mean card's "add as a new skill". */
async function sayNewSkill(skill: string, from: ActivityUser = NOOR): Promise<void> {
  await say(`my skills: ${skill}`, from);
  const asNew = lastCard().actions?.at(-1);
  expect(asNew?.type === 'Action.Execute' ? asNew.verb : undefined).toBe('chooseSkill');
  expect(cardText(await press('chooseSkill', asNew?.type === 'Action.Execute' ? { ...asNew.data } : {}, from))).toContain(skill);
}

/** The signed link on the export card the bot just sent. */
function exportLinkOfLastCard(): string {
  const open = lastCard().actions?.find((a) => a.type === 'Action.OpenUrl');
  expect(open).toBeDefined();
  return open?.type === 'Action.OpenUrl' ? open.url : '';
}

async function findExpert(query: string, from: ActivityUser = SANNE): Promise<string[]> {
  const res = await postActivity(service.url, findExpertInvoke(connector.serviceUrl, query, { from }));
  return resultNames((await res.json()) as ComposeResult);
}

describe('privacy through the bot', () => {
  it('"export my data" in the personal chat: a link, for this person only, that holds what they told the bot', async () => {
    await sayNewSkill('Zeppelin rigging');
    await say('export my data');
    const link = exportLinkOfLastCard();
    expect(link).toContain('/api/v1/me/export/link/');
    const res = await fetch(link);
    expect(res.status).toBe(200);
    const body = (await res.json()) as PersonalDataExportResponse;
    expect(body.person).toEqual({ tenantId: PLAYGROUND_TENANT, userId: NOOR_ID });
    expect(JSON.stringify(body)).toContain('Zeppelin rigging');
    // The same person through the tab's token sees the same data; someone else's token on the link is refused.
    const tab = await callApi<PersonalDataExportResponse>(
      service,
      await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: NOOR_ID, name: NOOR.name }),
      'GET',
      '/me/export',
    );
    expect(JSON.stringify(tab.body)).toContain('Zeppelin rigging');
    const other = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: SANNE.aadObjectId ?? '', name: SANNE.name });
    expect((await fetch(link, { headers: { authorization: `Bearer ${other}` } })).status).toBe(403);
    // A link with one character changed is no link.
    const tampered = link.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    expect((await fetch(tampered)).status).toBe(403);
  });

  it('in a channel the bot sends no link and no erase card, only where to ask', async () => {
    const before = connector.sent.length;
    const channelMessage = {
      ...personalMessage(connector.serviceUrl, 'export my data', NOOR),
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: PLAYGROUND_TENANT },
    };
    await postActivity(service.url, channelMessage);
    await connector.waitFor(before + 1);
    expect(lastActivity()?.attachments ?? []).toEqual([]);
    expect(lastActivity()?.text).toContain('personal chat');
  });

  it('"verwijder mijn gegevens" answers the Dutch erase card; pressing erase without the confirmation erases nothing', async () => {
    await say('verwijder mijn gegevens', NOOR, 'nl-NL');
    expect(JSON.stringify(lastCard())).toContain('Je gegevens uit PeerLearn wissen?');
    const refused = await press('eraseMe', { contributions: 'anonymise', confirmErase: 'false' }, NOOR, 'nl-NL');
    expect(cardText(refused)).toContain('Er is niets gewist');
    const kept = await press('keepMyData', {}, NOOR);
    expect(cardText(kept)).toContain('Nothing was erased');
    expect(await service.repositories.members.get(PLAYGROUND_TENANT, NOOR_ID)).toMatchObject({ teaches: [{ name: 'Zeppelin rigging' }] });
    await eventually(async () => expect(await findExpert('Zeppelin rigging')).toContain(NOOR.name));
  });

  it('a confirmed erase: the bot, the tab and the messaging extension no longer know the person; a second erase finds nothing', async () => {
    await say('delete my data');
    const erased = await press('eraseMe', { contributions: 'remove', confirmErase: 'true' });
    expect(cardText(erased)).toContain('Your data was erased');
    expect(await service.repositories.members.get(PLAYGROUND_TENANT, NOOR_ID)).toBeUndefined();
    await eventually(async () => expect(await findExpert('Zeppelin rigging')).not.toContain(NOOR.name));
    const token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: NOOR_ID, name: NOOR.name });
    const tab = await callApi<PersonalDataExportResponse>(service, token, 'GET', '/me/export');
    expect(JSON.stringify(tab.body)).not.toContain('Zeppelin rigging');
    expect(JSON.stringify(tab.body)).not.toContain(NOOR.name);
    const again = await press('eraseMe', { contributions: 'remove', confirmErase: 'true' });
    expect(cardText(again)).toContain('nothing left to erase');
  });

  it('a card action with someone else\u2019s id in its data still erases only the sender', async () => {
    await sayNewSkill('Glassblowing', SANNE);
    const forged = { ...personalInvoke(connector.serviceUrl, 'adaptiveCard/action', {}, { from: NOOR }) };
    forged.value = {
      action: {
        type: 'Action.Execute',
        verb: 'eraseMe',
        data: { contributions: 'remove', confirmErase: 'true', userId: SANNE.aadObjectId },
      },
    };
    await postActivity(service.url, { ...forged, recipient: BOT });
    expect(await service.repositories.members.get(PLAYGROUND_TENANT, SANNE.aadObjectId ?? '')).toMatchObject({
      teaches: [{ name: 'Glassblowing' }],
    });
  });
});
