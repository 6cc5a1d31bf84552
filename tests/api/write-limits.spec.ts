import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError } from '../../bot/src/api/contract';
import { readConfig } from '../../bot/src/config';
import { PERSON_BURST, PERSON_WRITE_WINDOWS } from '../../bot/src/domain/shared/write-rate-limiter';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { withoutWorker } from '../support/bot/session-fixtures';
import { callApi, devToken, startTestService } from '../support/service';

const OTHER_TENANT = '99999999-0000-0000-0000-000000000000';
// The production windows for a person; a small tenant window so a test can reach it.
const TENANT_LIMIT = 25;
const profile = { teaches: [{ name: 'TypeScript', level: 2 }], wants: [], bio: '', languages: ['English'], availability: '' };
let service: RunningService;

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), undefined, {
    person: PERSON_WRITE_WINDOWS,
    tenant: [{ limit: TENANT_LIMIT, windowMs: 60_000 }],
  });
});
afterAll(async () => {
  await service?.close();
});

const tokenFor = (tenantId: string, userId: string) => devToken(service, { tenantId, userId, name: `Person ${userId.slice(-4)}` });
const person = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

async function saveProfile(token: string): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const res = await fetch(`${service.url}/api/v1/me/profile`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(profile),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

describe('write limits of the tab API', () => {
  it('answers a burst of one person 429 with Retry-After past the limit; another person goes on', async () => {
    const burst = PERSON_BURST;
    const ann = await tokenFor(PLAYGROUND_TENANT, person(1));
    const answers = [];
    for (let i = 0; i < burst.limit + 3; i += 1) answers.push(await saveProfile(ann));

    expect(answers.slice(0, burst.limit).map((a) => a.status)).toEqual(Array(burst.limit).fill(200));
    for (const refused of answers.slice(burst.limit)) {
      expect(refused.status).toBe(429);
      const seconds = Number(refused.retryAfter);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(burst.windowMs / 1000);
      const body = refused.body as ApiError;
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message).toMatch(/^You are making changes faster than PeerLearn accepts\. Please wait \d+ s/);
    }
    // Reads are not counted.
    expect((await callApi(service, ann, 'GET', '/me/profile')).status).toBe(200);
    // A colleague in the same tenant is not held back.
    expect((await saveProfile(await tokenFor(PLAYGROUND_TENANT, person(2)))).status).toBe(200);
  });

  it('answers every person of a tenant 429 past the tenant limit, and no one of another tenant', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => tokenFor(OTHER_TENANT, person(100 + i))));
    const statuses: number[] = [];
    // Five changes each: within every person's burst, so only the tenant's window can refuse.
    for (const token of people) for (let i = 0; i < 5; i += 1) statuses.push((await saveProfile(token)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(TENANT_LIMIT);
    expect(statuses.slice(TENANT_LIMIT)).toEqual(Array(30 - TENANT_LIMIT).fill(429));

    const refused = await saveProfile(await tokenFor(OTHER_TENANT, person(200)));
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(1);
    expect((refused.body as ApiError).error.message).toMatch(/^Your organisation is making changes/);

    expect((await saveProfile(await tokenFor(PLAYGROUND_TENANT, person(3)))).status).toBe(200);
  });

  it('does not count a change without a valid token: it is refused 401 by its route', async () => {
    const res = await callApi<ApiError>(service, 'not-a-token', 'PUT', '/me/profile', profile);
    expect(res.status).toBe(401);
  });
});
