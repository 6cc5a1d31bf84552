import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ExpertsResponse } from '../../bot/src/api/contract';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import type { RunningService } from '../../bot/src/server';
import { BOT, MEGAN, personalMessage, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { devToken, getJson, startTestService } from '../support/service';

let service: RunningService;
let connector: FakeConnector;

const DAAN_ID = '6f1c2a10-7d3e-4b8a-9c21-000000000102';
const MEGAN_ID = MEGAN.aadObjectId ?? '';

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService(), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});
beforeEach(() => {
  connector.sent.length = 0;
});

/** An `adaptiveCard/action` invoke as Teams sends it for an Action.Execute: the inputs merged into `data`. */
function cardAction(
  verb: string,
  data: Record<string, unknown>,
  options: { from?: ActivityUser; locale?: string; channel?: boolean } = {},
) {
  const from = options.from ?? MEGAN;
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: options.channel
      ? { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: PLAYGROUND_TENANT }
      : { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: PLAYGROUND_TENANT },
    recipient: BOT,
    locale: options.locale ?? 'en-US',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    channelData: { tenant: { id: PLAYGROUND_TENANT } },
  };
}

interface InvokeAnswer {
  readonly statusCode?: number;
  readonly type?: string;
  readonly value?: unknown;
}

async function act(
  verb: string,
  data: Record<string, unknown>,
  options: { from?: ActivityUser; locale?: string; channel?: boolean } = {},
): Promise<InvokeAnswer> {
  const res = await postActivity(service.url, cardAction(verb, data, options));
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeAnswer;
}

function cardOf(answer: InvokeAnswer): { card: AdaptiveCard; text: string } {
  expect(answer.statusCode).toBe(200);
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  const card = answer.value as AdaptiveCard;
  return { card, text: JSON.stringify(card) };
}

function lastSentCard(): AdaptiveCard {
  const attachment = connector.sent.at(-1)?.activity.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment?.content as AdaptiveCard;
}

const verbsOf = (card: AdaptiveCard) => (card.actions ?? []).flatMap((a) => (a.type === 'Action.Execute' ? [a.verb] : []));
/** What the profile says; the sighting every activity records (locale, updatedAt) is not the profile's content. */
async function stored(userId = MEGAN_ID): Promise<string> {
  const p = await service.repositories.members.get(PLAYGROUND_TENANT, userId);
  return JSON.stringify(p && [p.teaches, p.wants, p.bio, p.languages, p.availability]);
}

const goodForm = {
  teaches: 'js: 3\nZigbee mesh networks: 1\n\nPresenteren',
  wants: 'power bi, Python',
  bio: 'I run the home-automation guild.\nAsk me anything.',
  languages: 'English, Nederlands',
  availability: 'Friday mornings',
  // A skill the taxonomy does not know is stored only when ticked as new (the form's "add as a new skill").
  newSkills: 'Zigbee mesh networks',
};

describe('the profile card in the bot', () => {
  it('"my skills" alone answers the profile card with a hint and an Edit action; after "my skills: a, b" too', async () => {
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'my skills'));
    await connector.waitFor(1);
    const card = lastSentCard();
    expect(JSON.stringify(card)).toContain('Your PeerLearn profile');
    expect(JSON.stringify(card)).toContain('my skills: Excel, SQL');
    expect(verbsOf(card)).toEqual(['editProfile']);
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'mijn vaardigheden: js, TypeScript'));
    await connector.waitFor(2);
    const after = lastSentCard();
    expect(JSON.stringify(after)).toContain('"title":"js","value":"→ JavaScript"');
    expect(verbsOf(after)).toEqual(['editProfile']);
    expect(after.actions?.[0]?.title).toBe('Profiel bewerken');
  });

  it('Edit answers the form filled with the stored profile', async () => {
    const { card, text } = cardOf(await act('editProfile', {}));
    expect(text).toContain('JavaScript: 2');
    expect(text).toContain('TypeScript: 3');
    expect(verbsOf(card)).toEqual(['saveProfile', 'viewProfile']);
    const back = cardOf(await act('viewProfile', {}, { locale: 'nl-NL' }));
    expect(back.text).toContain('Je PeerLearn-profiel');
  });

  it('Save stores the sender’s profile (never the forged userId), shows the tidied spellings, and is searchable at once', async () => {
    const daanBefore = await stored(DAAN_ID);
    const { card, text } = cardOf(await act('saveProfile', { ...goodForm, userId: DAAN_ID, tenantId: 'forged-tenant' }));
    expect(text).toContain('Saved.');
    expect(text).toContain('"title":"js","value":"→ JavaScript"');
    expect(text).toContain('"title":"power bi","value":"→ Power BI"');
    expect(text).toContain('JavaScript (level 3)');
    expect(text).toContain('I run the home-automation guild.');
    expect(verbsOf(card)).toEqual(['editProfile']);
    const megan = await service.repositories.members.get(PLAYGROUND_TENANT, MEGAN_ID);
    expect(megan).toMatchObject({
      teaches: [
        { name: 'JavaScript', level: 3 },
        { name: 'Zigbee mesh networks', level: 1 },
        { name: 'Presenting', level: 2 },
      ],
      wants: ['Power BI', 'Python'],
      bio: 'I run the home-automation guild.\nAsk me anything.',
      languages: ['English', 'Nederlands'],
      availability: 'Friday mornings',
    });
    expect(await stored(DAAN_ID)).toBe(daanBefore);
    const token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: DAAN_ID, name: 'Daan Jansen' });
    const found = await getJson<ExpertsResponse>(service, '/api/v1/experts?q=zigbee', token);
    expect(found.body.results.map((r) => r.displayName)).toEqual(['Megan Bowen']);
    expect(found.body.results[0]?.explanation).toContain('Zigbee mesh networks');
  });

  const bad: [string, Record<string, unknown>, string, string][] = [
    ['a bio over 500 characters', { bio: 'b'.repeat(501) }, 'at most 500 characters', 'hoogstens 500 tekens'],
    ['level 7', { teaches: 'SQL: 7' }, '“SQL: 7”: the level must be 1', '“SQL: 7”: het niveau moet 1'],
    [
      'an empty skill',
      { teaches: 'Excel: 2\n: 3' },
      '“: 3”: a skill needs at least one letter',
      '“: 3”: een vaardigheid heeft minstens één letter',
    ],
    [
      'a 10 KB paste',
      { teaches: 'x'.repeat(10_240), bio: 'y'.repeat(10_240) },
      'is too long: at most 60 characters',
      'is te lang: hoogstens 60 tekens',
    ],
    ['control characters', { availability: 'Mon\u0007days', wants: 'Go\u0000' }, 'invisible control characters', 'onzichtbare stuurtekens'],
    ['31 skills', { teaches: Array.from({ length: 31 }, (_, i) => `Skill ${i}`).join('\n') }, 'at most 30', 'hoogstens 30'],
    ['a list instead of a text', { teaches: ['Excel'], bio: { text: 'hi' } }, 'could not be read', 'kon ik niet lezen'],
    // Refused by the verb's zod schema before the domain reads a character (teams/experts/profile-verb-data.ts).
    ['a 60,000-character bio', { bio: 'b'.repeat(60_000) }, 'at most 500 characters', 'hoogstens 500 tekens'],
    [
      'a 95,000-character skill list',
      { teaches: 'x'.repeat(95_000) },
      'is too long: at most 60 characters',
      'is te lang: hoogstens 60 tekens',
    ],
    ['a number for the availability', { availability: 42 }, 'could not be read', 'kon ik niet lezen'],
  ];

  it.each(bad)('refuses %s with the problem shown inline in en and nl, storing nothing', async (_name, change, en, nl) => {
    const before = await stored();
    for (const [locale, expected, heading] of [
      ['en-US', en, 'Nothing was saved yet'],
      ['nl-NL', nl, 'Er is nog niets opgeslagen'],
    ] as const) {
      const { card, text } = cardOf(await act('saveProfile', { ...goodForm, ...change }, { locale }));
      expect(text).toContain(heading);
      expect(text).toContain(expected);
      expect(verbsOf(card)).toEqual(['saveProfile', 'viewProfile']);
      expect(text.length).toBeLessThan(20 * 1024);
    }
    expect(await stored()).toBe(before);
  });

  it('answers someone without an Entra id kindly; other verbs get the bot’s own answer', async () => {
    const anonymous = { id: '29:anon', name: 'Anon' };
    const answer = await act('saveProfile', goodForm, { from: anonymous });
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(answer.value)).toContain('only keep a profile inside Microsoft Teams');
    const other = await act('noSuchVerb', {});
    expect(JSON.stringify(other)).not.toContain('PeerLearn profile');
    expect(JSON.stringify(other)).not.toContain('NotImplemented');
  });
});

describe('the profile card’s form: every skill through the taxonomy', () => {
  it('asks "did you mean TypeScript?" under the fields in en and nl, storing nothing; ticked as new it is stored', async () => {
    const before = await stored();
    const typo = { ...goodForm, teaches: 'Typscript: 2\nExcel', wants: 'Dokcer', newSkills: '' };
    for (const [locale, expected] of [
      ['en-US', '“Typscript” is not a skill PeerLearn knows yet. Did you mean TypeScript?'],
      ['nl-NL', '“Dokcer” kent PeerLearn nog niet als vaardigheid. Bedoelde je Docker?'],
    ] as const) {
      const { card, text } = cardOf(await act('saveProfile', typo, { locale }));
      expect(text).toContain(expected);
      expect(text).toContain('"id":"newSkills"');
      expect(verbsOf(card)).toEqual(['saveProfile', 'viewProfile']);
    }
    expect(await stored()).toBe(before);
    const { text } = cardOf(await act('saveProfile', { ...typo, teaches: 'TypeScript: 2\nExcel', newSkills: 'Dokcer' }));
    expect(text).toContain('Saved.');
    expect(await service.repositories.members.get(PLAYGROUND_TENANT, MEGAN_ID)).toMatchObject({ wants: ['Dokcer'] });
  });
});

describe('the profile card in a channel', () => {
  it('never swaps in the presser’s profile for everyone: Edit and Save answer with an error toast, nothing stored', async () => {
    const before = await stored();
    for (const verb of ['editProfile', 'saveProfile', 'viewProfile']) {
      const answer = await act(verb, { bio: 'Posted in a channel' }, { channel: true, locale: 'nl-NL' });
      expect(answer.statusCode).toBe(400);
      expect(answer.type).toBe('application/vnd.microsoft.error');
      expect(JSON.stringify(answer.value)).toContain('persoonlijke chat');
    }
    expect(await stored()).toBe(before);
  });
});

describe('the milestone switch on the profile card (issue #12)', () => {
  const celebrates = async (userId = MEGAN_ID) => (await service.repositories.members.get(PLAYGROUND_TENANT, userId))?.celebrateMilestones;
  const toggleOf = (card: AdaptiveCard) => card.body.find((e) => e.type === 'Input.Toggle');
  const form = { ...goodForm, teaches: 'JavaScript: 3\nPresenting', newSkills: '' };

  it('turns milestone cards off and on for the sender only, shown on the form and on the profile card', async () => {
    const daanBefore = await celebrates(DAAN_ID);
    const opened = cardOf(await act('editProfile', {}));
    expect(toggleOf(opened.card)).toMatchObject({ id: 'celebrateMilestones', value: 'true' });
    const off = cardOf(
      await act(
        'saveProfile',
        { ...form, celebrateMilestones: 'false', celebrateMilestonesShown: 'true', userId: DAAN_ID },
        { locale: 'nl-NL' },
      ),
    );
    expect(off.text).toContain('Opgeslagen.');
    expect(off.text).toContain('"title":"Mijlpaalkaarten","value":"uit"');
    expect(await celebrates()).toBe(false);
    expect(await celebrates(DAAN_ID)).toBe(daanBefore);
    expect(toggleOf(cardOf(await act('editProfile', {})).card)).toMatchObject({ value: 'false' });
    const on = cardOf(await act('saveProfile', { ...form, celebrateMilestones: 'true', celebrateMilestonesShown: 'false' }));
    expect(on.text).toContain('"title":"Milestone cards","value":"celebrated in the team channel"');
    expect(await celebrates()).toBe(true);
  });

  it('keeps the stored choice when a form left open is saved unchanged (the setting changed elsewhere meanwhile)', async () => {
    await act('saveProfile', { ...form, celebrateMilestones: 'false', celebrateMilestonesShown: 'true' });
    expect(await celebrates()).toBe(false);
    // A form opened before that, still showing "on", saved with the switch untouched.
    const { text } = cardOf(
      await act('saveProfile', { ...form, bio: 'Edited later', celebrateMilestones: 'true', celebrateMilestonesShown: 'true' }),
    );
    expect(text).toContain('Saved.');
    expect(await celebrates()).toBe(false);
    expect((await service.repositories.members.get(PLAYGROUND_TENANT, MEGAN_ID))?.bio).toBe('Edited later');
  });

  it('refuses a forged switch value, storing nothing, and the switch in a channel', async () => {
    const before = await celebrates();
    const forged = cardOf(
      await act('saveProfile', { ...form, bio: 'Forged', celebrateMilestones: 'yes', celebrateMilestonesShown: 'true' }),
    );
    expect(forged.text).toContain('Nothing was saved yet');
    expect(forged.text).toContain('could not be read');
    const channel = await act(
      'saveProfile',
      { ...form, celebrateMilestones: String(!before), celebrateMilestonesShown: String(before) },
      { channel: true },
    );
    expect(channel.statusCode).toBe(400);
    expect(await celebrates()).toBe(before);
    expect((await service.repositories.members.get(PLAYGROUND_TENANT, MEGAN_ID))?.bio).not.toBe('Forged');
  });
});

describe('the request-alerts switch on the profile card (issue #12)', () => {
  const alerted = async (userId = MEGAN_ID) => (await service.repositories.members.get(PLAYGROUND_TENANT, userId))?.requestAlerts;
  const alertsToggleOf = (card: AdaptiveCard) => card.body.find((e) => 'id' in e && e.id === 'requestAlerts');
  const form = { ...goodForm, teaches: 'JavaScript: 3\nPresenting', newSkills: '' };
  const switches = (requestAlerts: string, requestAlertsShown: string) => ({
    celebrateMilestones: 'true',
    celebrateMilestonesShown: 'true',
    requestAlerts,
    requestAlertsShown,
  });

  it('turns request alerts off and on for the sender only, shown on the form and on the profile card', async () => {
    await act('saveProfile', { ...form, ...switches('true', 'false') });
    const daanBefore = await alerted(DAAN_ID);
    const opened = cardOf(await act('editProfile', {}));
    expect(alertsToggleOf(opened.card)).toMatchObject({ type: 'Input.Toggle', value: 'true' });
    const off = cardOf(await act('saveProfile', { ...form, ...switches('false', 'true'), userId: DAAN_ID }, { locale: 'nl-NL' }));
    expect(off.text).toContain('Opgeslagen.');
    expect(off.text).toContain('"title":"Meldingen over leervragen","value":"uit"');
    expect(await alerted()).toBe(false);
    expect(await alerted(DAAN_ID)).toBe(daanBefore);
    expect(alertsToggleOf(cardOf(await act('editProfile', {})).card)).toMatchObject({ value: 'false' });
    const on = cardOf(await act('saveProfile', { ...form, ...switches('true', 'false') }));
    expect(on.text).toContain('"title":"Request alerts","value":"a message when your team asks for a skill you teach"');
    expect(await alerted()).toBe(true);
  });

  it('keeps what “request alerts off” said when a form opened before is saved with the switch untouched', async () => {
    await act('saveProfile', { ...form, ...switches('true', 'false') });
    const opened = cardOf(await act('editProfile', {}));
    expect(alertsToggleOf(opened.card)).toMatchObject({ value: 'true' });
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'request alerts off'));
    await connector.waitFor(1);
    expect(await alerted()).toBe(false);
    // The form still shows "on"; saved with other edits, it does not turn the alerts back on.
    const { text } = cardOf(await act('saveProfile', { ...form, bio: 'Edited with the old form', ...switches('true', 'true') }));
    expect(text).toContain('Saved.');
    expect(text).toContain('"title":"Request alerts","value":"off"');
    expect(await alerted()).toBe(false);
    expect((await service.repositories.members.get(PLAYGROUND_TENANT, MEGAN_ID))?.bio).toBe('Edited with the old form');
  });

  it('refuses a forged switch value, storing nothing', async () => {
    const before = await alerted();
    const forged = cardOf(await act('saveProfile', { ...form, bio: 'Forged alerts', ...switches('maybe', String(before !== false)) }));
    expect(forged.text).toContain('Nothing was saved yet');
    expect(forged.text).toContain('could not be read');
    expect(await alerted()).toBe(before);
    expect((await service.repositories.members.get(PLAYGROUND_TENANT, MEGAN_ID))?.bio).not.toBe('Forged alerts');
  });
});
