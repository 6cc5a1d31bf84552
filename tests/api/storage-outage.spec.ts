import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, MeResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { startEmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { devToken, getJson, startTestService } from '../support/service';

const dir = mkdtempSync(path.join(tmpdir(), 'peerlearn-outage-'));
let azurite: EmbeddedAzurite;
let service: RunningService;

beforeAll(async () => {
  azurite = await startEmbeddedAzurite({ location: dir, inMemory: false });
  service = await startTestService({ storage: { kind: 'connectionString', connectionString: azurite.connectionString } });
});
afterAll(async () => {
  await service?.close();
  await azurite?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('when storage stops', () => {
  it('answers 503 naming the failing part, keeps running, and recovers by itself when storage is back', async () => {
    const token = await devToken(service, { tenantId: '11111111-1111-1111-1111-111111111111', userId: 'u-1', name: 'Daan' });
    expect((await getJson<MeResponse>(service, '/api/v1/me', token)).status).toBe(200);

    await azurite.stop();
    const started = Date.now();
    const health = await getJson<{ status: string; failing: string[] }>(service, '/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', failing: ['storage'] });
    const me = await getJson<ApiError>(service, '/api/v1/me', token);
    expect(me.status).toBe(503);
    expect(me.body.error.code).toBe('storage_unavailable');
    expect(Date.now() - started).toBeLessThan(15_000);

    // Same ports, same data directory: the service was never told anything.
    azurite = await startEmbeddedAzurite({ location: dir, inMemory: false, tablePort: azurite.tablePort, queuePort: azurite.queuePort });
    expect((await getJson(service, '/healthz')).status).toBe(200);
    const again = await getJson<MeResponse>(service, '/api/v1/me', token);
    expect(again.status).toBe(200);
    expect(again.body.displayName).toBe('Daan');
  });
});
