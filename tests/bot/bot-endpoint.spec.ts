import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { MeResponse, TeamSessionsResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { botAddedToTeam, MEGAN, personalMessage, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { devToken, getJson, startTestService } from '../support/service';

let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService({ seedDemo: false }), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});
beforeEach(() => {
  connector.sent.length = 0;
});

function cardText(index = 0): string {
  const attachment = connector.sent[index]?.activity.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return JSON.stringify(attachment?.content);
}

describe('POST /api/messages through the real CloudAdapter', () => {
  it('answers "help" with the English help card, in the same conversation', async () => {
    const res = await postActivity(service.url, personalMessage(connector.serviceUrl, 'help'));
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply?.conversationId).toBe('a:personal-user-id-1');
    expect(cardText()).toContain('What I can do');
  });

  it('answers "hulp" in Dutch, even from an English Teams client, and after an @mention', async () => {
    const activity = {
      ...personalMessage(connector.serviceUrl, '<at>PeerLearn</at> Hulp'),
      entities: [
        { type: 'mention', mentioned: { id: '28:00000000-0000-0000-0000-00000000000011', name: 'PeerLearn' }, text: '<at>PeerLearn</at>' },
      ],
    };
    await postActivity(service.url, activity);
    await connector.waitFor(1);
    expect(cardText()).toContain('Wat ik kan');
  });

  it('answers anything unknown kindly, in the user’s language', async () => {
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'wat is het weer', MEGAN, { locale: 'nl-NL' }));
    const [reply] = await connector.waitFor(1);
    expect(reply?.activity.text).toContain('“wat is het weer” ken ik nog niet');
  });

  it('welcomes the team when installed and remembers the team for the tab', async () => {
    const team = { id: '19:abc123@thread.tacv2', name: 'Finance' };
    await postActivity(service.url, botAddedToTeam(connector.serviceUrl, team));
    const [welcome] = await connector.waitFor(1);
    expect(welcome?.conversationId).toBe(team.id);
    expect(cardText()).toContain('PeerLearn is here');

    const token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: MEGAN.aadObjectId ?? '', name: 'Megan Bowen' });
    const board = await getJson<TeamSessionsResponse>(service, `/api/v1/teams/${encodeURIComponent(team.id)}/sessions`, token);
    expect(board.status).toBe(200);
    expect(board.body).toEqual({
      teamId: team.id,
      teamName: 'Finance',
      timeZone: 'Europe/Amsterdam',
      sessions: [],
      hasPast: false,
      upcomingCount: 0,
    });
  });

  it('knows one person on every surface: the bot’s sender is the dev-token user with that object id', async () => {
    const person = { id: '29:teams-specific-id', name: 'Noor Bakker', aadObjectId: '6f1c2a10-7d3e-4b8a-9c21-aaaaaaaaaaaa' };
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'hallo', person, { locale: 'nl-NL' }));
    await connector.waitFor(1);

    // The tab signs in with the same (tenant, object id) and no locale: the Dutch locale comes from the bot's record.
    const token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: person.aadObjectId, name: 'Noor Bakker' });
    const me = await getJson<MeResponse>(service, '/api/v1/me', token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ tenantId: PLAYGROUND_TENANT, userId: person.aadObjectId, displayName: 'Noor Bakker', locale: 'nl-NL' });
    const stored = await service.repositories.members.get(PLAYGROUND_TENANT, person.aadObjectId);
    expect(stored?.userId).toBe(person.aadObjectId);
    // Keyed by the object id, never by the Teams 29: id.
    expect(await service.repositories.members.get(PLAYGROUND_TENANT, person.id)).toBeUndefined();
  });

  it('keeps the same person apart in another tenant', async () => {
    const otherTenant = '99999999-9999-9999-9999-999999999999';
    await postActivity(
      service.url,
      personalMessage(connector.serviceUrl, 'help', { ...MEGAN, name: 'Megan (other org)' }, { tenantId: otherTenant }),
    );
    await connector.waitFor(1);
    const here = await service.repositories.members.get(PLAYGROUND_TENANT, MEGAN.aadObjectId ?? '');
    const there = await service.repositories.members.get(otherTenant, MEGAN.aadObjectId ?? '');
    expect(here?.displayName).toBe('Megan Bowen');
    expect(there?.displayName).toBe('Megan (other org)');
  });

  it('rejects a body that is not JSON with 400, and GET with 405', async () => {
    const bad = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_json' } });
    const get = await fetch(`${service.url}/api/messages`);
    expect(get.status).toBe(405);
  });
});
