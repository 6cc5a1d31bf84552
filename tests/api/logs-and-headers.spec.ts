import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { SessionDetailResponse, TeamSessionsResponse } from '../../bot/src/api/contract';
import { readConfig } from '../../bot/src/config';
import type { Config } from '../../bot/src/config';
import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../bot/src/domain/demo/demo-team';
import { createJsonLogger } from '../../bot/src/json-logger';
import { startService } from '../../bot/src/server';
import type { RunningService } from '../../bot/src/server';
import { startEmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { botAddedToTeam, personalMessage, postActivity } from '../support/activities';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { devToken, getJson } from '../support/service';
import { startTestAzurite } from '../support/azurite';

const ALEX = '00000000-0000-0000-0000-0000000000020';
const GUID = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

/** What the service wrote, as a log reader sees it: the text, split on newlines. */
class CapturedLog {
  readonly writes: string[] = [];
  readonly logger = createJsonLogger({ level: 'debug', write: (line) => this.writes.push(line) });
  lines(): Record<string, unknown>[] {
    return this.writes
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  text(): string {
    return this.writes.join('');
  }
}

const tabDir = mkdtempSync(path.join(tmpdir(), 'peerlearn-tab-'));
mkdirSync(path.join(tabDir, 'assets'));
writeFileSync(
  path.join(tabDir, 'index.html'),
  '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc.js"></script>',
);
writeFileSync(path.join(tabDir, 'assets', 'index-abc.js'), 'export {};');

async function start(log: CapturedLog, overrides: Partial<Config>): Promise<RunningService> {
  const config: Config = { ...readConfig({ NODE_ENV: 'test' }), port: 0, tabDir, logRequests: true, ...overrides };
  return startService(config, { log: log.logger, inMemoryStorage: true, azurite: await startTestAzurite() });
}

afterAll(() => rmSync(tabDir, { recursive: true, force: true }));

describe("the tab's index.html under that CSP", () => {
  it('needs nothing it forbids: no inline script or event handler, nothing from another origin (vite keeps it so)', () => {
    const html = readFileSync('tabs/index.html', 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/[^/]/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=|javascript:|(src|href)="(https?:)?\/\//i);
  });
});

describe('the demo service, anonymous bot endpoint', () => {
  const log = new CapturedLog();
  let service: RunningService;
  let connector: FakeConnector;
  let alexToken: string;

  beforeAll(async () => {
    [service, connector] = await Promise.all([
      start(log, { delivery: { ...readConfig({}).delivery, worker: false } }),
      startFakeConnector(),
    ]);
    alexToken = await devToken(service, { tenantId: DEMO_TENANT_ID, userId: ALEX, name: 'Alex Wilber' });
  });
  afterAll(async () => {
    await Promise.all([service?.close(), connector?.close()]);
  });

  it('serves the tab with a full CSP that Teams may frame, nosniff, no referrer and fresh HTML', async () => {
    const res = await fetch(`${service.url}/`);
    expect(res.status).toBe(200);
    const csp = (res.headers.get('content-security-policy') ?? '').split(/;\s*/);
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "connect-src 'self' https://res.cdn.office.net",
        "object-src 'none'",
      ]),
    );
    const frameAncestors = csp.find((d) => d.startsWith('frame-ancestors ')) ?? '';
    expect(frameAncestors.split(' ')).toEqual(expect.arrayContaining(['https://teams.microsoft.com', 'https://*.cloud.microsoft']));
    expect(frameAncestors).not.toContain('*;');
    expect(csp.join(';')).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-cache');

    const asset = await fetch(`${service.url}/assets/index-abc.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers personal JSON with no-store, nosniff, no referrer and a CSP that loads and frames nothing', async () => {
    for (const [url, init] of [
      [`${service.url}/api/v1/me`, { headers: { authorization: `Bearer ${alexToken}` } }],
      [`${service.url}/api/v1/me`, {}],
      [`${service.url}/healthz`, {}],
    ] as const) {
      const res = await fetch(url, init);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it('logs one JSON line per request with its request id, and never the token of an .ics link', async () => {
    const board = await getJson<TeamSessionsResponse>(service, `/api/v1/teams/${DEMO_TEAM_ID}/sessions`, alexToken);
    const sessionId = board.body.sessions[0]?.sessionId ?? '';
    const detail = await getJson<SessionDetailResponse>(service, `/api/v1/teams/${DEMO_TEAM_ID}/sessions/${sessionId}`, alexToken);
    const link = new URL(detail.body.calendarUrl);
    const linkToken = link.searchParams.get('token') ?? '';
    expect(linkToken.length).toBeGreaterThan(10);

    const ics = await fetch(`${service.url}${link.pathname}${link.search}`);
    expect(ics.status).toBe(200);
    const requestId = ics.headers.get('x-request-id') ?? '';
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const line = await eventually(() => {
      const found = log.lines().find((l) => l.requestId === requestId && l.msg === 'request');
      expect(found).toBeDefined();
      return found;
    });
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: link.pathname, status: 200 });
    expect(typeof line?.time).toBe('string');
    expect(typeof line?.ms).toBe('number');
    expect(log.text()).not.toContain(linkToken);
    expect(log.text()).not.toContain(alexToken);
    expect(log.text()).not.toContain('token=');
  });

  it('keeps a team id with a newline inside its own line: it cannot forge a second one', async () => {
    const forged = '{"level":"error","msg":"forged","time":"2026-01-01T00:00:00.000Z"}';
    const team = { id: `19:evil@thread.tacv2\n${forged}`, name: 'Evil' };
    const activity = botAddedToTeam(connector.serviceUrl, team);
    const res = await postActivity(service.url, activity);
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id');

    // No roster at the fake connector for this team: the bot logs the team id with its error.
    const line = await eventually(() => {
      const found = log.lines().find((l) => typeof l.msg === 'string' && l.msg.includes(team.id));
      expect(found).toBeDefined();
      return found;
    });
    expect(line).toMatchObject({ level: 'error', activityId: activity.id, requestId });
    expect(
      log
        .text()
        .split('\n')
        .filter((l) => l.startsWith(forged)),
    ).toEqual([]);
    expect(log.lines().filter((l) => l.msg === 'forged')).toEqual([]);
    // The request line carries the activity id as well.
    expect(log.lines()).toEqual(expect.arrayContaining([expect.objectContaining({ msg: 'request', requestId, activityId: activity.id })]));
  });
});

describe('with a bot app id, and storage that can stop', () => {
  const log = new CapturedLog();
  const dir = mkdtempSync(path.join(tmpdir(), 'peerlearn-logs-'));
  let azurite: EmbeddedAzurite;
  let service: RunningService;

  beforeAll(async () => {
    azurite = await startEmbeddedAzurite({ location: dir, inMemory: false });
    service = await start(log, {
      storage: { kind: 'connectionString', connectionString: azurite.connectionString },
      bot: { appId: GUID, appPassword: 'not-a-real-secret', tenantId: GUID, type: 'SingleTenant' },
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await service?.close();
    await azurite?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs an unauthenticated bot POST as exactly one warning line, with no stack trace', async () => {
    const consoleError = jest.spyOn(console, 'error');
    const consoleWarn = jest.spyOn(console, 'warn');
    const before = log.lines().length;
    const activity = personalMessage('http://127.0.0.1:9/unused', 'help');
    const res = await postActivity(service.url, activity);
    expect(res.status).toBe(401);

    const lines = await eventually(() => {
      const fresh = log.lines().slice(before);
      expect(fresh.some((l) => l.msg === 'request')).toBe(true);
      return fresh;
    });
    const loud = lines.filter((l) => l.level !== 'info' && l.level !== 'debug');
    expect(loud).toEqual([expect.objectContaining({ level: 'warn', activityId: activity.id })]);
    expect(loud[0]).not.toHaveProperty('error');
    expect(log.writes.slice(-lines.length).join('')).not.toMatch(/\bat .+:\d+:\d+|stack/);
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('/healthz names the failing part when storage stops, never its address', async () => {
    expect((await getJson(service, '/healthz')).status).toBe(200);
    await azurite.stop();
    const res = await fetch(`${service.url}/healthz`);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'unavailable', storage: 'unavailable', failing: ['storage'] });
    for (const secret of [String(azurite.tablePort), '127.0.0.1', 'AccountKey', 'devstoreaccount1']) expect(text).not.toContain(secret);
    // The cause is for the operator: in the log, as a warning.
    expect(log.lines()).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'warn', msg: 'health check: storage does not answer' })]),
    );
  });
});
