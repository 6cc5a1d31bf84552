import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ExpertsResponse } from '../../bot/src/api/contract';
import type { MemberProfile } from '../../bot/src/domain/experts/member';
import type { RunningService } from '../../bot/src/server';
import { MEGAN, personalMessage, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { findExpertInvoke, resultNames } from '../support/expert-activities';
import type { ComposeResult } from '../support/expert-activities';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { devToken, getJson, startTestService } from '../support/service';

/**
 * Issue #12: "you appear in your own expert results (with Chat and Endorse buttons that then fail);
 * `wie kent docker` answered only with the asker". No surface lists the asker; when they are the only
 * match, the answer says nobody else was found.
 */
let service: RunningService;
let connector: FakeConnector;

// A tenant of its own where Sam is the only one who knows Docker.
const SOLO_TENANT = '22222222-3333-4444-5555-666666666666';
const SAM = { id: '29:sam', name: 'Sam Solo', aadObjectId: 'dddddddd-0000-0000-0000-000000000001' };

function sam(): MemberProfile {
  const at = new Date().toISOString();
  return {
    tenantId: SOLO_TENANT,
    userId: SAM.aadObjectId,
    displayName: SAM.name,
    bio: 'Containers all day.',
    teaches: [{ name: 'Docker', level: 3 }],
    wants: ['Kubernetes'],
    languages: ['Nederlands'],
    availability: '',
    createdAt: at,
    updatedAt: at,
  };
}

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService(), startFakeConnector()]);
  await service.repositories.members.put(sam());
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});
beforeEach(() => {
  connector.sent.length = 0;
});

async function query(text: string | undefined, options: Parameters<typeof findExpertInvoke>[2]): Promise<ComposeResult> {
  const res = await postActivity(service.url, findExpertInvoke(connector.serviceUrl, text, options));
  expect(res.status).toBe(200);
  return (await res.json()) as ComposeResult;
}

function lastCard(): string {
  const attachment = connector.sent.at(-1)?.activity.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return JSON.stringify(attachment?.content);
}

describe('the findExpert messaging extension never lists the asker', () => {
  it('Megan searching TypeScript sees Daan, not herself', async () => {
    const body = await query('typscript', { from: MEGAN });
    expect(resultNames(body)).toEqual(['Daan Jansen']);
  });

  it('nor among the first-run suggestions', async () => {
    const body = await query(undefined, { from: MEGAN });
    expect(resultNames(body).length).toBeGreaterThan(0);
    expect(resultNames(body)).not.toContain('Megan Bowen');
  });

  it('the only match asking: "nobody else", in their language, on the one result that asks the team to learn it', async () => {
    const en = await query('docker', { tenantId: SOLO_TENANT, from: SAM });
    expect(en.composeExtension.type).toBe('result');
    expect(en.composeExtension.attachments).toHaveLength(1);
    expect(en.composeExtension.attachments?.[0]?.preview?.content.text).toContain('Nobody else found for “docker”');
    const nl = await query('docker', { tenantId: SOLO_TENANT, from: SAM, locale: 'nl-NL' });
    expect(nl.composeExtension.attachments?.[0]?.preview?.content.title).toBe('Je team vragen om “docker” te leren');
    expect(nl.composeExtension.attachments?.[0]?.preview?.content.text).toContain('Behalve jou nog niemand gevonden voor “docker”');
  });
});

describe('"who knows X" / "wie kent X" never answers with the asker', () => {
  it('"wie kent docker" from the only Docker expert says nobody else, in Dutch', async () => {
    await postActivity(
      service.url,
      personalMessage(connector.serviceUrl, 'wie kent docker', SAM, { tenantId: SOLO_TENANT, locale: 'nl-NL' }),
    );
    await connector.waitFor(1);
    const card = lastCard();
    expect(card).toContain('Behalve jou nog niemand gevonden voor “docker”');
    expect(card).not.toContain('Sam Solo');
    expect(card).not.toContain('Action.OpenUrl');
  });

  it('"who knows typescript" from Megan lists Daan, not Megan', async () => {
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'who knows typescript', MEGAN));
    await connector.waitFor(1);
    const card = lastCard();
    expect(card).toContain('Daan Jansen');
    expect(card).not.toContain('Megan Bowen');
  });

  it('someone who matches nothing still gets the ordinary "nobody found"', async () => {
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'who knows cobol', SAM, { tenantId: SOLO_TENANT }));
    await connector.waitFor(1);
    expect(lastCard()).toContain('Nobody found for “cobol” yet');
  });
});

describe('GET /api/v1/experts never lists the caller', () => {
  it('Megan: TypeScript and the suggestions without her; Sam: no results and askerMatched', async () => {
    const megan = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: MEGAN.aadObjectId ?? '', name: 'Megan Bowen' });
    const found = await getJson<ExpertsResponse>(service, '/api/v1/experts?q=typescript', megan);
    expect(found.body.results.map((r) => r.displayName)).toEqual(['Daan Jansen']);
    expect(found.body.askerMatched).toBe(true);
    const suggested = await getJson<ExpertsResponse>(service, '/api/v1/experts', megan);
    expect(suggested.body.results.map((r) => r.userId)).not.toContain(MEGAN.aadObjectId);

    const solo = await devToken(service, { tenantId: SOLO_TENANT, userId: SAM.aadObjectId, name: SAM.name });
    const alone = await getJson<ExpertsResponse>(service, '/api/v1/experts?q=docker', solo);
    expect(alone.status).toBe(200);
    expect(alone.body.results).toEqual([]);
    expect(alone.body.askerMatched).toBe(true);
    const nothing = await getJson<ExpertsResponse>(service, '/api/v1/experts?q=cobol', solo);
    expect([nothing.body.results, nothing.body.askerMatched]).toEqual([[], undefined]);
  });

  it('paging past the caller keeps the pages whole and without overlap', async () => {
    const megan = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: MEGAN.aadObjectId ?? '', name: 'Megan Bowen' });
    const all = await getJson<ExpertsResponse>(service, '/api/v1/experts?count=25', megan);
    const ids = all.body.results.map((r) => r.userId);
    expect(ids).not.toContain(MEGAN.aadObjectId);
    expect(ids.length).toBeGreaterThan(3);
    const first = await getJson<ExpertsResponse>(service, '/api/v1/experts?count=2', megan);
    const second = await getJson<ExpertsResponse>(service, '/api/v1/experts?count=2&skip=2', megan);
    expect([...first.body.results, ...second.body.results].map((r) => r.userId)).toEqual(ids.slice(0, 4));
  });
});
