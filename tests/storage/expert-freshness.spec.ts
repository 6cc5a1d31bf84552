import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ExpertsResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { eventually } from '../support/eventually';
import { devToken, getJson, startTestService } from '../support/service';

// Two instances of the service on one storage account: what App Service scale-out looks like.
let azurite: EmbeddedAzurite;
let a: RunningService;
let b: RunningService;

const TENANT = 'fresh-tenant-0001';
const ANNA = { tenantId: TENANT, userId: 'anna-0001', name: 'Anna Appel' };
const BOB = { tenantId: TENANT, userId: 'bob-0001', name: 'Bob Bakker' };
/** The freshness bound of docs/EXPERT-SEARCH.md: one poll interval (1 s) plus a few round trips. */
const FRESHNESS_MS = 3_000;

beforeAll(async () => {
  azurite = await startTestAzurite();
  const storage = { kind: 'connectionString' as const, connectionString: azurite.connectionString };
  [a, b] = await Promise.all([startTestService({ storage, seedDemo: false }), startTestService({ storage, seedDemo: false })]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await azurite?.stop();
});

/** Searches until `done` holds (a state, not a time); `ms` is how long that took, for the freshness bound. */
async function searchUntil(
  service: RunningService,
  token: string,
  q: string,
  done: (names: string[]) => boolean,
): Promise<{ names: string[]; ms: number }> {
  const started = performance.now();
  const names = await eventually(async () => {
    const res = await getJson<ExpertsResponse>(service, `/api/v1/experts?q=${encodeURIComponent(q)}`, token);
    const found = res.body.results.map((r) => r.displayName);
    if (!done(found)) throw new Error(`searching "${q}" still finds ${JSON.stringify(found)}`);
    return found;
  });
  return { names, ms: performance.now() - started };
}

async function putProfile(service: RunningService, token: string, teaches: { name: string; level: 1 | 2 | 3 }[]) {
  const res = await fetch(`${service.url}/api/v1/me/profile`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ teaches, wants: [], bio: '', languages: [], availability: '' }),
  });
  expect(res.status).toBe(200);
}

describe('a profile change is searchable on every instance within seconds', () => {
  it('saved on A, found on B (whose index was already warm) within the freshness bound', async () => {
    const annaOnA = await devToken(a, ANNA);
    const bobOnB = await devToken(b, BOB);
    await putProfile(a, annaOnA, [{ name: 'Excel', level: 2 }]);
    // B loads the tenant now (first query), so what follows must come through the change feed.
    const warm = await searchUntil(b, bobOnB, 'excel', (names) => names.includes('Anna Appel'));
    expect(warm.names).toEqual(['Anna Appel']);
    expect(b.experts.isWarm(TENANT)).toBe(true);

    await putProfile(a, annaOnA, [{ name: 'Kubernetes', level: 3 }]);
    const changed = await searchUntil(b, bobOnB, 'kubernetes', (names) => names.includes('Anna Appel'));
    expect(changed.names).toEqual(['Anna Appel']);
    expect(changed.ms).toBeLessThan(FRESHNESS_MS);
    const gone = await searchUntil(b, bobOnB, 'excel', (names) => names.length === 0);
    expect(gone.names).toEqual([]);

    // And the other way round, through the bot's write path on B (the same repository).
    await b.repositories.members.update(TENANT, ANNA.userId, (p) => (p ? { ...p, teaches: [{ name: 'SQL', level: 1 }] } : undefined));
    // Searched by a colleague: nobody finds themself.
    const bobOnA = await devToken(a, BOB);
    const back = await searchUntil(a, bobOnA, 'sql', (names) => names.includes('Anna Appel'));
    expect(back.ms).toBeLessThan(FRESHNESS_MS);
  });

  it('endorsements travel the same way', async () => {
    const annaOnA = await devToken(a, ANNA);
    const bobOnA = await devToken(a, BOB);
    const bobOnB = await devToken(b, BOB);
    await putProfile(a, annaOnA, [{ name: 'Excel', level: 2 }]);
    await searchUntil(b, bobOnB, 'excel', (names) => names.includes('Anna Appel'));
    const res = await fetch(`${a.url}/api/v1/people/${ANNA.userId}/endorsements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bobOnA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ skill: 'excel' }),
    });
    expect(res.status).toBe(201);
    const started = performance.now();
    await eventually(async () => {
      const found = await getJson<ExpertsResponse>(b, '/api/v1/experts?q=excel', bobOnB);
      expect(found.body.results[0]?.explanation).toBe('Excel · level 2 · 1 endorsement');
    });
    expect(performance.now() - started).toBeLessThan(FRESHNESS_MS);
  });

  it('a new instance warms every known tenant in the background', async () => {
    const storage = { kind: 'connectionString' as const, connectionString: azurite.connectionString };
    const c = await startTestService({ storage, seedDemo: false });
    try {
      await eventually(() => expect(c.experts.isWarm(TENANT)).toBe(true));
    } finally {
      await c.close();
    }
  });
});
