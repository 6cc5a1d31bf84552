import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { eventually } from '../support/eventually';
import { startFakeAppInsights } from '../support/fake-app-insights';
import type { Envelope, FakeAppInsights } from '../support/fake-app-insights';
import { freePort, startBuiltService, waitUntil } from '../support/processes';
import type { StartedProcess } from '../support/processes';

/**
 * The built service (dist/bot/index.js) with APPLICATIONINSIGHTS_CONNECTION_STRING pointing at a
 * local stub of Application Insights' ingestion: the Azure Monitor distro must start before the app
 * (index.ts loads the service's chunk after it), so an HTTP request to the service arrives at the
 * stub as a request span (RequestData), and the service's own Storage calls as dependencies.
 */
let azurite: EmbeddedAzurite;
let insights: FakeAppInsights;
let service: StartedProcess | undefined;
let port = 0;

beforeAll(async () => {
  [azurite, insights, port] = await Promise.all([startTestAzurite(), startFakeAppInsights(), freePort()]);
  service = startBuiltService({
    PORT: String(port),
    HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.connectionString,
    // The exporter only speaks https: trust the stub's own certificate.
    NODE_EXTRA_CA_CERTS: insights.certificateFile,
    // OpenTelemetry's own knob: export spans every 100 ms instead of every 5 s.
    OTEL_BSP_SCHEDULE_DELAY: '100',
  });
  await waitUntil(
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200,
    60_000,
    'the built service to be healthy',
  );
});
afterAll(async () => {
  if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
  await Promise.all([azurite?.stop(), insights?.close()]);
});

const ofType = (type: string): Envelope[] => insights.envelopes.filter((e) => e.data?.baseType === type);

describe('telemetry to Application Insights', () => {
  it('reports a request to the service as a request span (RequestData)', async () => {
    const path = `/api/v1/telemetry-probe-${randomUUID()}`;
    const request = await eventually(
      async () => {
        // Asked again on each try: the distro samples at most 5 traces a second, health checks included.
        expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(404);
        const found = ofType('RequestData').find((e) => String(e.data?.baseData?.url ?? '').endsWith(path));
        expect(found).toBeDefined();
        return found;
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(request?.data?.baseData).toMatchObject({ responseCode: '404', success: false });
    expect(request?.iKey).toBe(insights.connectionString.match(/InstrumentationKey=([^;]+)/)?.[1]);
  });

  it('names a request by its route, not by the ids in its path', async () => {
    const teamId = `19:probe-${randomUUID()}@thread.tacv2`;
    const path = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
    const request = await eventually(
      async () => {
        // No token: the route answers 401 itself.
        expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(401);
        const found = ofType('RequestData').find((e) => String(e.data?.baseData?.url ?? '').includes(encodeURIComponent(teamId)));
        expect(found).toBeDefined();
        return found;
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(request?.data?.baseData?.name).toBe('GET /api/v1/teams/:teamId/sessions');
  });

  it('reports the service’s Storage calls as dependencies', async () => {
    await eventually(() => {
      // The test's storage account (the run shares one Azurite, an account per test), in Azurite's path-style URLs.
      const account = /AccountName=([^;]+)/.exec(azurite.connectionString)?.[1] ?? 'no-account-named';
      const storage = ofType('RemoteDependencyData').filter((e) => String(e.data?.baseData?.data ?? '').includes(`/${account}/`));
      expect(storage.length).toBeGreaterThan(0);
    });
  });
});
