import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { RunningService } from '../../bot/src/server';
import { botAddedToTeam, MEGAN, personalMessage, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { findExpertInvoke } from '../support/expert-activities';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { quietLogger, startTestService } from '../support/service';

/** A tenant that ALLOWED_TENANTS does not list. */
const OTHER_TENANT = '6f1c2a10-7d3e-4b8a-9c21-0000000000ff';

let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  // The Playground's tenant id is not a GUID, so config.ts would refuse it in ALLOWED_TENANTS: set the parsed list.
  const config = readConfig({ NODE_ENV: 'test' });
  const auth = { ...config.auth, allowedTenants: [PLAYGROUND_TENANT] };
  [service, connector] = await Promise.all([startTestService({ auth, seedDemo: false }), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});
beforeEach(() => {
  connector.sent.length = 0;
  quietLogger.warnings.length = 0;
});

const refusalsOf = (tenantId: string) => quietLogger.warnings.filter((w) => w.includes(`"${tenantId}"`));

describe('the bot applies ALLOWED_TENANTS to every activity, through the real CloudAdapter', () => {
  it('answers a message from an allowed tenant', async () => {
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'help'));
    const [reply] = await connector.waitFor(1);
    expect(reply?.conversationId).toBe(`a:personal-${MEGAN.id}`);
    expect(quietLogger.warnings).toEqual([]);
  });

  it('does nothing with a message from another tenant: no reply, no record of the sender, one warning', async () => {
    const res = await postActivity(service.url, personalMessage(connector.serviceUrl, 'help', MEGAN, { tenantId: OTHER_TENANT }));
    // The adapter answers once the turn is over, so whatever the bot would have sent is sent by now.
    expect(res.status).toBe(200);
    expect(connector.sent).toEqual([]);
    expect(await service.repositories.members.get(OTHER_TENANT, MEGAN.aadObjectId ?? '')).toBeUndefined();
    expect(refusalsOf(OTHER_TENANT)).toEqual([expect.stringContaining('refused a message activity')]);
  });

  it('does not install into a team of another tenant', async () => {
    const team = { id: '19:elsewhere@thread.tacv2', name: 'Elsewhere' };
    const res = await postActivity(service.url, botAddedToTeam(connector.serviceUrl, team, { tenantId: OTHER_TENANT }));
    expect(res.status).toBe(200);
    expect(connector.sent).toEqual([]);
    expect(connector.requests).not.toContainEqual(expect.objectContaining({ conversationId: team.id }));
    expect(await service.repositories.teams.get(OTHER_TENANT, team.id)).toBeUndefined();
    expect(refusalsOf(OTHER_TENANT)).toEqual([expect.stringContaining('refused a conversationUpdate activity')]);
  });

  it('answers an invoke from another tenant with a bare 403 and runs no feature', async () => {
    const allowed = await postActivity(service.url, findExpertInvoke(connector.serviceUrl, 'TypeScript'));
    expect(allowed.status).toBe(200);
    const res = await postActivity(service.url, findExpertInvoke(connector.serviceUrl, 'TypeScript', { tenantId: OTHER_TENANT }));
    expect(res.status).toBe(403);
    expect(connector.sent).toEqual([]);
    expect(refusalsOf(OTHER_TENANT)).toEqual([expect.stringContaining('refused a invoke activity')]);
  });

  it('refuses an activity that names no tenant at all', async () => {
    const anonymous = {
      ...personalMessage(connector.serviceUrl, 'help'),
      channelData: {},
      conversation: { id: 'a:x', conversationType: 'personal' },
    };
    await postActivity(service.url, anonymous);
    expect(connector.sent).toEqual([]);
    expect(quietLogger.warnings).toEqual([expect.stringContaining('from tenant null')]);
  });
});
