import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { RunningService } from '../../bot/src/server';
import { startEmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { MEGAN, personalInvoke, personalMessage, postActivity } from '../support/activities';
import { withoutWorker } from '../support/bot/session-fixtures';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { quietLogger, startTestService } from '../support/service';

const dir = mkdtempSync(path.join(tmpdir(), 'peerlearn-bot-outage-'));
let azurite: EmbeddedAzurite;
let service: RunningService;
let connector: FakeConnector;

const SAY_EN = 'PeerLearn could not save this just now; please try again in a minute.';
const SAY_NL = 'PeerLearn kon dit nu even niet opslaan; probeer het over een minuut opnieuw.';

beforeAll(async () => {
  [azurite, connector] = await Promise.all([startEmbeddedAzurite({ location: dir, inMemory: false }), startFakeConnector()]);
  // No worker: it would log its own failures to take jobs while storage is down.
  service = await startTestService({
    storage: { kind: 'connectionString', connectionString: azurite.connectionString },
    ...withoutWorker(readConfig({ NODE_ENV: 'test' })),
  });
  await azurite.stop();
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Posts the activity; returns its HTTP answer and the log lines it added. */
async function turn(activity: unknown): Promise<{ status: number; body: unknown; warnings: string[]; errors: string[] }> {
  const [w, e] = [quietLogger.warnings.length, quietLogger.errors.length];
  const res = await postActivity(service.url, activity);
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    warnings: quietLogger.warnings.slice(w),
    errors: quietLogger.errors.slice(e),
  };
}

describe('the bot while storage is down', () => {
  it('answers a message in the command’s language that nothing was saved, with one warning in the log', async () => {
    connector.sent.length = 0;
    const nl = await turn(personalMessage(connector.serviceUrl, 'mijn vaardigheden: TypeScript', MEGAN, { locale: 'en-US' }));
    expect(nl.status).toBe(200);
    expect(nl.warnings).toEqual(['bot turn: storage unavailable; the person was asked to try again']);
    expect(nl.errors).toEqual([]);
    const [reply] = await connector.waitFor(1);
    expect(reply?.activity.text).toBe(SAY_NL);

    const en = await turn(personalMessage(connector.serviceUrl, 'my skills: Excel', MEGAN, { locale: 'en-US' }));
    expect(en.status).toBe(200);
    expect(en.warnings).toHaveLength(1);
    expect((await connector.waitFor(2))[1]?.activity.text).toBe(SAY_EN);
  });

  it('answers a card button with a message on the card, not a 500', async () => {
    const res = await turn(
      personalInvoke(connector.serviceUrl, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'viewProfile', data: {} } }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: SAY_EN });
    expect(res.warnings).toHaveLength(1);
    expect(res.errors).toEqual([]);
  });

  it('answers a dialog in Dutch inside the dialog', async () => {
    const res = await turn(personalInvoke(connector.serviceUrl, 'task/fetch', { data: { verb: 'planSession' } }, { locale: 'nl-NL' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ task: { type: 'message', value: SAY_NL } });
    expect(res.warnings).toHaveLength(1);
    expect(res.errors).toEqual([]);
  });
});
