import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { EndorseResponse, ExpertsResponse, ProfileResponse, SkillSuggestResponse } from '../../bot/src/api/contract';
import type { MemberProfile } from '../../bot/src/domain/experts/member';
import type { RunningService } from '../../bot/src/server';
import { MEGAN, personalMessage, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { findExpertInvoke, resultNames, selectExpertInvoke } from '../support/expert-activities';
import type { ComposeResult } from '../support/expert-activities';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { devToken, getJson, startTestService } from '../support/service';

let service: RunningService;
let connector: FakeConnector;

const OTHER_TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_PERSON = 'eeeeeeee-0000-0000-0000-000000000001';
const EVE = { id: '29:eve', name: 'Eve Outsider', aadObjectId: OTHER_PERSON };
const DAAN_ID = '6f1c2a10-7d3e-4b8a-9c21-000000000102';
/** A colleague with no profile who asks: nobody is their own expert (tests/bot/experts-not-self.spec.ts), so Megan asking would not see Megan. */
const ASKER = { id: '29:asker', name: 'Ann Asker', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000a5' };
const EVE_COLLEAGUE = { id: '29:eve-colleague', name: 'Erik Outsider', aadObjectId: 'eeeeeeee-0000-0000-0000-000000000002' };

function outsider(): MemberProfile {
  const at = new Date().toISOString();
  return {
    tenantId: OTHER_TENANT,
    userId: OTHER_PERSON,
    displayName: 'Eve Outsider',
    bio: 'TypeScript, Excel, SQL and everything else.',
    teaches: [
      { name: 'TypeScript', level: 3 },
      { name: 'Excel', level: 3 },
      { name: 'SQL', level: 3 },
    ],
    wants: ['Azure'],
    languages: ['English'],
    availability: '',
    createdAt: at,
    updatedAt: at,
  };
}

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService(), startFakeConnector()]);
  // Another organisation in the same storage, with the strongest profile of all.
  await service.repositories.members.put(outsider());
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});
beforeEach(() => {
  connector.sent.length = 0;
});

async function invoke(activity: unknown): Promise<{ status: number; body: ComposeResult }> {
  const started = performance.now();
  const res = await postActivity(service.url, activity);
  const body = (await res.json()) as ComposeResult;
  // Teams gives a messaging extension 5 s; we aim well inside it.
  expect(performance.now() - started).toBeLessThan(2_000);
  return { status: res.status, body };
}

describe('findExpert: composeExtension/query through the real CloudAdapter', () => {
  it('answers a query with a typo with a list of small cards, best first, each preview tapping selectItem', async () => {
    const { status, body } = await invoke(findExpertInvoke(connector.serviceUrl, 'typscript', { from: ASKER }));
    expect(status).toBe(200);
    expect(body.composeExtension.type).toBe('result');
    expect(body.composeExtension.attachmentLayout).toBe('list');
    expect(resultNames(body)).toEqual(['Megan Bowen', 'Daan Jansen']);
    const [first] = body.composeExtension.attachments ?? [];
    expect(first?.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(first?.content).toEqual({ title: 'Megan Bowen', text: 'TypeScript · level 3 · 1 session taught' }); // the demo's past TypeScript workshop
    expect(first?.preview?.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(first?.preview?.content.text).toBe('TypeScript · level 3 · 1 session taught');
    expect(first?.preview?.content.tap).toEqual({
      type: 'invoke',
      title: 'Megan Bowen',
      value: { commandId: 'findExpert', userId: MEGAN.aadObjectId, skill: 'TypeScript' },
    });
    // Two small cards, not two full Adaptive Cards: about 0.5 KB a result.
    expect(JSON.stringify(body).length).toBeLessThan(1_500);
  });

  it('speaks Dutch to a Dutch client', async () => {
    const { body } = await invoke(findExpertInvoke(connector.serviceUrl, 'excel', { locale: 'nl-NL' }));
    expect(resultNames(body)).toEqual(['Sanne de Vries', 'Joris van den Berg', 'Patti Fernandez']);
    expect(body.composeExtension.attachments?.[0]?.preview?.content.text).toBe('Excel · niveau 3 · 1 sessie gegeven');
  });

  it('honours skip and count, and caps count at 25', async () => {
    const second = await invoke(findExpertInvoke(connector.serviceUrl, 'excel', { skip: 1, count: 1 }));
    expect(resultNames(second.body)).toEqual(['Joris van den Berg']);
    const many = await invoke(findExpertInvoke(connector.serviceUrl, '', { count: 500 }));
    expect(resultNames(many.body).length).toBeLessThanOrEqual(25);
    expect(resultNames(many.body).length).toBeGreaterThan(5);
  });

  it('suggests people on the first run (no query): who teaches what many want to learn', async () => {
    const { body } = await invoke(findExpertInvoke(connector.serviceUrl, undefined));
    expect(resultNames(body)[0]).toBe('Isaiah Langer');
    expect(body.composeExtension.attachments?.[0]?.preview?.content.text).toContain('colleagues want to learn this');
  });

  it('finds only people of the asking tenant', async () => {
    const ours = await invoke(findExpertInvoke(connector.serviceUrl, 'typescript'));
    expect(resultNames(ours.body)).not.toContain('Eve Outsider');
    const theirs = await invoke(findExpertInvoke(connector.serviceUrl, 'typescript', { tenantId: OTHER_TENANT, from: EVE_COLLEAGUE }));
    expect(resultNames(theirs.body)).toEqual(['Eve Outsider']);
    const none = await invoke(
      findExpertInvoke(connector.serviceUrl, 'typescript', { tenantId: 'no-such-tenant', from: { ...EVE, aadObjectId: 'x' } }),
    );
    // Nobody there: no person, only the offer to ask the team to learn it (issue #12).
    expect(resultNames(none.body)).toEqual(['Ask your team to learn “typescript”']);
  });

  it.each([
    { label: 'empty', query: '' },
    { label: '10 KB long', query: 'excel '.repeat(1_700) },
    { label: 'OData-looking', query: "' or 1 eq 1" },
    { label: 'OData-looking', query: "PartitionKey ne ''" },
    { label: 'OData-looking', query: "Eve') or (PartitionKey ne '" },
    { label: 'right-to-left', query: 'مرحبا' },
    { label: 'control characters', query: '\u0000\u0007excel\u001b' },
    { label: 'not a string', query: 42 as unknown as string },
  ])('bad input ($label): a result, never a failed invoke, never another tenant', async ({ query }) => {
    const { status, body } = await invoke(findExpertInvoke(connector.serviceUrl, query, { skip: 'x', count: -3 }));
    expect(status).toBe(200);
    expect(body.composeExtension.type).toBe('result');
    expect(resultNames(body)).not.toContain('Eve Outsider');
  });

  it.each([
    { locale: 'en-US', query: '🎓🧑‍🏫', text: 'Type a skill, such as Excel, or a colleague’s name.' },
    { locale: 'nl-NL', query: ' ?! ', text: 'Typ een vaardigheid, zoals Excel, of de naam van een collega.' },
  ])('a query of symbols only ($query, $locale) says what to type instead of an empty list', async ({ locale, query, text }) => {
    const { status, body } = await invoke(findExpertInvoke(connector.serviceUrl, query, { locale }));
    expect(status).toBe(200);
    expect(body.composeExtension).toEqual({ type: 'message', text });
  });

  it('answers an unknown command of the extension with a message, not a failure', async () => {
    const { status, body } = await invoke(findExpertInvoke(connector.serviceUrl, 'x', { commandId: 'somethingElse' }));
    expect(status).toBe(200);
    expect(body.composeExtension).toEqual({ type: 'message', text: 'PeerLearn cannot do this yet.' });
  });
});

describe('findExpert: composeExtension/selectItem (a picked result) through the real CloudAdapter', () => {
  /** A tap value as the query gives it: Teams echoes it without a command id, so it carries its own. */
  const pick = (value: Record<string, unknown>) => ({ commandId: 'findExpert', ...value });
  const onlyCard = (body: ComposeResult) => {
    expect(body.composeExtension.type).toBe('result');
    expect(body.composeExtension.attachmentLayout).toBe('list');
    expect(body.composeExtension.attachments).toHaveLength(1);
    const [card] = body.composeExtension.attachments ?? [];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    return card?.content;
  };

  it('inserts the full card of the picked person, built from the tap value the query gave', async () => {
    const query = await invoke(findExpertInvoke(connector.serviceUrl, 'typscript', { from: ASKER }));
    const tap = query.body.composeExtension.attachments?.[0]?.preview?.content.tap;
    const { status, body } = await invoke(selectExpertInvoke(connector.serviceUrl, tap?.value));
    expect(status).toBe(200);
    const card = onlyCard(body);
    expect(card?.body?.[0]?.text).toBe('Megan Bowen');
    expect(JSON.stringify(card)).toContain('TypeScript · level 3 · 1 session taught');
    expect(card?.actions?.map((a) => a.title)).toEqual(['Ask for a session', 'Chat']);
    expect(card?.actions?.[1]?.url).toBe('https://teams.microsoft.com/l/chat/0/0?users=meganb%40example.com');
    expect(card?.actions?.[0]?.url).toContain('&message=');
    expect(JSON.stringify(body).length).toBeLessThan(5_000);
  });

  it('speaks Dutch, and explains the person by their strongest skill when the skill is unknown', async () => {
    const { body } = await invoke(
      selectExpertInvoke(connector.serviceUrl, pick({ userId: DAAN_ID, skill: 'Nonsense' }), { locale: 'nl-NL' }),
    );
    const card = JSON.stringify(onlyCard(body));
    expect(card).toContain('Daan Jansen');
    expect(card).toContain('Vraag om een sessie');
    expect(card).toContain('niveau 3');
  });

  it.each([
    { label: 'another tenant’s person', value: pick({ userId: OTHER_PERSON, skill: 'TypeScript' }) },
    { label: 'an unknown id', value: pick({ userId: 'ffffffff-0000-0000-0000-000000000000' }) },
    { label: 'a number as id', value: pick({ userId: 42 }) },
    { label: 'an empty id', value: pick({ userId: '' }) },
    { label: 'a 10 KB id', value: pick({ userId: 'x'.repeat(10_000) }) },
    { label: 'an OData-looking id', value: pick({ userId: "' or PartitionKey ne '" }) },
  ])('a forged pick ($label) gets a friendly card, never another tenant’s person', async ({ value }) => {
    const { status, body } = await invoke(selectExpertInvoke(connector.serviceUrl, value));
    expect(status).toBe(200);
    const card = JSON.stringify(onlyCard(body));
    expect(card).toContain('This colleague is not (or no longer) in PeerLearn.');
    expect(card).not.toContain('Eve');
  });

  it.each([
    { label: 'no value', value: undefined },
    { label: 'a string', value: 'Eve Outsider' },
    { label: 'no command id', value: { userId: MEGAN.aadObjectId } },
    { label: 'another command id', value: { commandId: 'shareTip', userId: MEGAN.aadObjectId } },
  ])('a pick that names no search command ($label) gets a message from the bot, not a failure', async ({ value }) => {
    const { status, body } = await invoke(selectExpertInvoke(connector.serviceUrl, value));
    expect(status).toBe(200);
    expect(body.composeExtension).toEqual({ type: 'message', text: 'PeerLearn cannot do this yet.' });
  });

  it('the other tenant cannot pick one of ours either, and gets the message in Dutch', async () => {
    const { body } = await invoke(
      selectExpertInvoke(connector.serviceUrl, pick({ userId: MEGAN.aadObjectId }), { tenantId: OTHER_TENANT, from: EVE, locale: 'nl-NL' }),
    );
    const card = JSON.stringify(onlyCard(body));
    expect(card).toContain('Deze collega staat niet (meer) in PeerLearn.');
    expect(card).not.toContain('Megan');
  });
});

function lastCard(): string {
  const attachment = connector.sent.at(-1)?.activity.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return JSON.stringify(attachment?.content);
}

describe('"who knows X" / "wie kent X" and "my skills"', () => {
  it('answers "who knows typscript" with the same ranking, as one card', async () => {
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'who knows typscript?', ASKER));
    await connector.waitFor(1);
    const card = lastCard();
    expect(card).toContain('Who knows “typscript”?');
    expect(card.indexOf('Megan Bowen')).toBeLessThan(card.indexOf('Daan Jansen'));
    expect(card).toContain('TypeScript · level 3');
    expect(card).not.toContain('Eve Outsider');
  });

  it('answers "wie kent presenteren" in Dutch, top 5 at most', async () => {
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'wie kent presenteren', MEGAN));
    await connector.waitFor(1);
    const card = lastCard();
    expect(card).toContain('Wie kent “presenteren”?');
    expect(card).toContain('Eva Smit');
    expect(card).toContain('Presenteren · niveau 3');
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'wie kent e'));
    await connector.waitFor(2);
    expect((lastCard().match(/"type":"Container"/g) ?? []).length).toBeLessThanOrEqual(5);
  });

  it('"my skills: js, Presenteren" normalises, adds to the existing skills (levels kept), and is searchable at once', async () => {
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'my skills: js, Presenteren, typescript'));
    await connector.waitFor(1);
    const card = lastCard();
    expect(card).toContain('JavaScript (level 2)');
    expect(card).toContain('Presenting (level 2)');
    expect(card).toContain('TypeScript (level 3)');
    expect(card).toContain('"title":"js","value":"→ JavaScript"');
    const stored = await service.repositories.members.get(PLAYGROUND_TENANT, MEGAN.aadObjectId ?? '');
    expect(stored?.teaches).toEqual([
      { name: 'TypeScript', level: 3 },
      { name: 'React', level: 3 },
      { name: 'Accessibility', level: 2 },
      { name: 'JavaScript', level: 2 },
      { name: 'Presenting', level: 2 },
    ]);
    const { body } = await invoke(findExpertInvoke(connector.serviceUrl, 'javascript', { from: ASKER }));
    expect(resultNames(body)).toEqual(['Megan Bowen']);
  });

  it('"mijn vaardigheden" without a list shows the profile card; nonsense is refused kindly', async () => {
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'mijn vaardigheden'));
    await connector.waitFor(1);
    expect(lastCard()).toContain('Je PeerLearn-profiel');
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'mijn vaardigheden: 🎓, !!'));
    await connector.waitFor(2);
    expect(connector.sent.at(-1)?.activity.text).toContain('Ik kon daar geen vaardigheid in lezen');
  });
});

describe('tab API: profile, endorsements, suggestions, experts', () => {
  const asDaan = () => devToken(service, { tenantId: PLAYGROUND_TENANT, userId: DAAN_ID, name: 'Daan Jansen', locale: 'nl-NL' });
  const asMegan = () => devToken(service, { tenantId: PLAYGROUND_TENANT, userId: MEGAN.aadObjectId ?? '', name: 'Megan Bowen' });

  async function send<T>(method: string, path: string, token: string, body: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  it('reads and updates the own profile; bad fields are named in one 400', async () => {
    const token = await asDaan();
    const before = await getJson<ProfileResponse>(service, '/api/v1/me/profile', token);
    expect(before.status).toBe(200);
    expect(before.body.teaches).toEqual([
      { name: 'SQL', level: 3 },
      { name: 'TypeScript', level: 2 },
    ]);
    const bad = await send<{ error: { code: string; message: string } }>('PUT', '/api/v1/me/profile', token, {
      teaches: [{ name: 'SQL', level: 7 }],
      wants: [],
      bio: 'x'.repeat(600),
      languages: ['Nederlands'],
      availability: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_profile');
    expect(bad.body.error.message).toContain('teaches[0].level must be 1, 2 or 3');
    expect(bad.body.error.message).toContain('bio must be at most 500 characters');
    expect((await service.repositories.members.get(PLAYGROUND_TENANT, DAAN_ID))?.bio).toBe(before.body.bio);

    const good = await send<ProfileResponse>('PUT', '/api/v1/me/profile', token, {
      teaches: [
        { name: 'sql', level: 3 },
        { name: 'ts', level: 2 },
        { name: 'Kubernetes', level: 1 },
      ],
      wants: ['power bi'],
      bio: 'Backend-ontwikkelaar.',
      languages: ['Nederlands', 'English'],
      availability: 'Donderdagmiddag',
    });
    expect(good.status).toBe(200);
    expect(good.body.teaches.map((s) => s.name)).toEqual(['SQL', 'TypeScript', 'Kubernetes']);
    expect(good.body.wants).toEqual(['Power BI']);
    expect(good.body.normalised).toEqual([
      { from: 'sql', to: 'SQL' },
      { from: 'ts', to: 'TypeScript' },
      { from: 'power bi', to: 'Power BI' },
    ]);
    // Daan is never his own expert: a Dutch colleague looks him up.
    const meganNl = await devToken(service, {
      tenantId: PLAYGROUND_TENANT,
      userId: MEGAN.aadObjectId ?? '',
      name: 'Megan Bowen',
      locale: 'nl-NL',
    });
    const found = await getJson<ExpertsResponse>(service, '/api/v1/experts?q=kubernets', meganNl);
    expect(found.body.results.map((r) => r.displayName)).toEqual(['Daan Jansen']);
    expect(found.body.results[0]?.explanation).toBe('Kubernetes · niveau 1 · 1 sessie gegeven');
  });

  it('endorses a colleague once (idempotent), never oneself, only a skill they teach', async () => {
    const token = await asMegan();
    const self = await send<{ error: { code: string } }>('POST', `/api/v1/people/${MEGAN.aadObjectId}/endorsements`, token, {
      skill: 'TypeScript',
    });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('self_endorsement');
    const first = await send<EndorseResponse>('POST', `/api/v1/people/${DAAN_ID}/endorsements`, token, { skill: 'sql' });
    expect(first).toEqual({ status: 201, body: { userId: DAAN_ID, skill: 'SQL', count: 1, created: true } });
    const again = await send<EndorseResponse>('POST', `/api/v1/people/${DAAN_ID}/endorsements`, token, { skill: 'SQL' });
    expect(again).toEqual({ status: 200, body: { userId: DAAN_ID, skill: 'SQL', count: 1, created: false } });
    const notTaught = await send<{ error: { code: string } }>('POST', `/api/v1/people/${DAAN_ID}/endorsements`, token, { skill: 'Figma' });
    expect(notTaught.body.error.code).toBe('skill_not_taught');
    const otherTenant = await send<{ error: { code: string } }>('POST', `/api/v1/people/${OTHER_PERSON}/endorsements`, token, {
      skill: 'SQL',
    });
    expect(otherTenant.status).toBe(404);

    const experts = await getJson<ExpertsResponse>(service, '/api/v1/experts?q=sql&count=2', token);
    expect(experts.body.results.map((r) => r.displayName)).toEqual(['Daan Jansen', 'Fatima El Amrani']);
    expect(experts.body.results[0]?.explanation).toBe('SQL · level 3 · 1 endorsement · 1 session taught');
    const profile = await getJson<ProfileResponse>(service, '/api/v1/me/profile', await asDaan());
    expect(profile.body.endorsements).toEqual([{ skill: 'SQL', count: 1, byMe: false }]);
  });

  it('suggests skills while typing and filters experts by level and language', async () => {
    const token = await asMegan();
    const suggest = await getJson<SkillSuggestResponse>(service, '/api/v1/skills/suggest?q=typscr', token);
    expect(suggest.body.suggestions[0]).toEqual({ name: 'TypeScript', quality: 'typo' });
    const level = await getJson<ExpertsResponse>(service, '/api/v1/experts?q=excel&level=3', token);
    expect(level.body.results.map((r) => r.displayName)).toEqual(['Sanne de Vries']);
    const language = await getJson<ExpertsResponse>(service, '/api/v1/experts?q=python&language=arabic', token);
    expect(language.body.results.map((r) => r.displayName)).toEqual(['Fatima El Amrani']);
    const badCount = await getJson<{ error: { code: string } }>(service, '/api/v1/experts?q=x&count=abc', token);
    expect(badCount.status).toBe(400);
    const injection = await getJson<ExpertsResponse>(service, `/api/v1/experts?q=${encodeURIComponent("' or 1 eq 1")}`, token);
    expect(injection.body.results).toEqual([]);
    expect(injection.body.nothingToSearch).toBeUndefined();
    // Symbols only: nothing to search for, which the tab turns into "type a skill or a name".
    const symbols = await getJson<ExpertsResponse>(service, `/api/v1/experts?q=${encodeURIComponent('🙂 !!')}`, token);
    expect(symbols.body).toMatchObject({ results: [], suggestions: false, nothingToSearch: true });
  });
});
