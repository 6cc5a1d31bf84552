import { readConfig } from '../../bot/src/config';
import type { Config } from '../../bot/src/config';
import { startService } from '../../bot/src/server';
import type { RunningService } from '../../bot/src/server';
import type { Logger } from '../../bot/src/domain/shared/logger';
import type { WriteLimitPolicy } from '../../bot/src/domain/shared/write-rate-limiter';
import { startTestAzurite } from './azurite';

export const quietLogger: Logger & { readonly errors: string[]; readonly warnings: string[] } = {
  errors: [],
  warnings: [],
  debug: () => undefined,
  info: () => undefined,
  warn(message) {
    this.warnings.push(message);
  },
  error(message) {
    this.errors.push(message);
  },
  scope: (_fields, work) => work(),
};

/**
 * Specs make dozens of changes as one person within seconds; the real write limits would refuse
 * them, so the test service lifts them unless a spec passes its own (tests/api/write-limits.spec.ts).
 */
const NO_WRITE_LIMITS: WriteLimitPolicy = { person: [], tenant: [] };

/** The real service (real CloudAdapter, real storage code) on a free port, with an in-memory Azurite. */
export async function startTestService(
  overrides: Partial<Config> = {},
  now?: () => Date,
  writeLimits: WriteLimitPolicy = NO_WRITE_LIMITS,
  options: { readonly ownAzurite?: boolean } = {},
): Promise<RunningService> {
  const config: Config = { ...readConfig({ NODE_ENV: 'test' }), port: 0, ...overrides };
  return startService(config, {
    log: quietLogger,
    inMemoryStorage: true,
    // A test that kills the service's Azurite needs one of its own: the shared one serves every other test file.
    ...(options.ownAzurite ? {} : { azurite: await startTestAzurite() }),
    writeLimits,
    ...(now ? { now } : {}),
  });
}

export async function devToken(
  service: RunningService,
  identity: { tenantId: string; userId: string; name: string; locale?: string },
): Promise<string> {
  const res = await fetch(`${service.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(identity),
  });
  if (!res.ok) throw new Error(`dev token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export async function getJson<T>(service: RunningService, path: string, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${service.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, body: (await res.json()) as T };
}

/** A call to the tab API (`/api/v1` + path) with a bearer token and an optional JSON body; the answer parsed. */
export async function callApi<T>(
  service: RunningService,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${service.url}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  // A download (the insights CSV) is not JSON: its text is the body.
  const json = (res.headers.get('content-type') ?? 'application/json').includes('json');
  return { status: res.status, body: (text ? (json ? JSON.parse(text) : text) : undefined) as T };
}
