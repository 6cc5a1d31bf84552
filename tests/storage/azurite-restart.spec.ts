import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MeResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { eventually } from '../support/eventually';
import { isAlive } from '../support/processes';
import { devToken, getJson, quietLogger, startTestService } from '../support/service';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService({ seedDemo: false }, undefined, undefined, { ownAzurite: true });
});
afterAll(async () => {
  await service?.close();
});

describe('the embedded Azurite', () => {
  it('is started again on the same ports when it dies, and the service answers storage calls again', async () => {
    const azurite = service.azurite;
    if (!azurite) throw new Error('the test service runs the embedded Azurite');
    const token = await devToken(service, { tenantId: '11111111-1111-1111-1111-111111111111', userId: 'u-restart', name: 'Daan' });
    expect((await getJson<MeResponse>(service, '/api/v1/me', token)).status).toBe(200);
    const { pid, tablePort } = azurite;
    const warnings = quietLogger.warnings.length;

    process.kill(pid, 'SIGKILL');
    await eventually(() => expect(isAlive(pid)).toBe(false));

    await eventually(async () => expect((await getJson(service, '/healthz')).status).toBe(200), { timeout: 20_000 });
    expect(azurite.pid).not.toBe(pid);
    expect(isAlive(azurite.pid)).toBe(true);
    expect(azurite.tablePort).toBe(tablePort);
    expect(quietLogger.warnings.slice(warnings)).toContain(
      'embedded Azurite stopped unexpectedly; restarting it on the same ports and data',
    );
    const me = await getJson<MeResponse>(service, '/api/v1/me', token);
    expect(me.status).toBe(200);
  });
});
