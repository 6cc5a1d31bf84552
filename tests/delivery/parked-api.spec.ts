import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, ParkedMessagesResponse, RetryParkedResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { startDeliveryService } from '../support/delivery-service';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { fanoutChannel } from '../support/fanout-composer';
import { eventually } from '../support/eventually';
import { devToken, getJson } from '../support/service';

const TENANT = '00000000-0000-0000-0000-0000000000001';
const TEAM = '19:parked-team@thread.tacv2';
const OWNER = { tenantId: TENANT, userId: '11111111-0000-0000-0000-000000000001', name: 'Olivia Owner' };
const MEMBER = { tenantId: TENANT, userId: '11111111-0000-0000-0000-000000000002', name: 'Max Member' };

let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  [service, connector] = await Promise.all([startDeliveryService({ maxAttempts: 2 }), startFakeConnector()]);
  const now = new Date().toISOString();
  await service.repositories.tenants.upsert({ tenantId: TENANT, name: '', createdAt: now });
  await service.repositories.teams.upsert({
    tenantId: TENANT,
    teamId: TEAM,
    name: 'Parked',
    locale: 'en',
    channels: [],
    createdAt: now,
    updatedAt: now,
  });
  await service.repositories.teams.addMembers([
    { tenantId: TENANT, teamId: TEAM, userId: OWNER.userId, role: 'owner', joinedAt: now },
    { tenantId: TENANT, teamId: TEAM, userId: MEMBER.userId, role: 'member', joinedAt: now },
  ]);
  await service.delivery.addresses.putTeam({
    tenantId: TENANT,
    teamId: TEAM,
    serviceUrl: connector.serviceUrl,
    botId: '28:bot',
    updatedAt: now,
  });
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});

const path = `/api/v1/teams/${encodeURIComponent(TEAM)}/parked`;
const parkedNow = async (token: string): Promise<number> =>
  (await getJson<ParkedMessagesResponse>(service, path, token)).body.parked.length;

describe('parked deliveries for team owners', () => {
  it('lists what Teams kept refusing, and a retry posts it once Teams takes it again', async () => {
    connector.failWhen(() => ({ status: 503 }));
    await service.outbox.enqueue({ kind: 'postInvite', tenantId: TENANT, teamId: TEAM, sessionId: 'fanout-1-from-40' });
    const token = await devToken(service, OWNER);
    await eventually(async () => expect(await parkedNow(token)).toBe(1), { timeout: 45_000 });
    const list = await getJson<ParkedMessagesResponse>(service, path, token);
    expect(list.status).toBe(200);
    const [parked] = list.body.parked;
    expect(parked).toMatchObject({
      reason: 'attempts-exhausted',
      target: 'channel',
      attempts: 2,
      summary: 'Invite to fanout-1-from-40',
      retryable: true,
    });
    expect(parked?.lastError).toContain('503');
    expect(connector.sent).toHaveLength(0);

    connector.failWhen(undefined);
    const res = await fetch(`${service.url}${path}/${parked?.parkedId}/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(202);
    expect((await res.json()) as RetryParkedResponse).toEqual({ parkedId: parked?.parkedId, status: 'queued' });
    await connector.waitFor(1, 30_000);
    expect(connector.sent[0]?.conversationId).toBe(fanoutChannel(40));
    await eventually(async () => expect(await parkedNow(token)).toBe(0), { timeout: 30_000 });
  });

  it('refuses members who are not owners, strangers, bad ids and unknown parked ids', async () => {
    const member = await getJson<ApiError>(service, path, await devToken(service, MEMBER));
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('owners_only');
    expect((await getJson<ApiError>(service, path)).status).toBe(401);
    const owner = await devToken(service, OWNER);
    const unknownTeam = await getJson<ApiError>(service, `/api/v1/teams/${encodeURIComponent('19:nope@thread.tacv2')}/parked`, owner);
    expect(unknownTeam.status).toBe(404);
    const bad = await fetch(`${service.url}${path}/${encodeURIComponent('bad id!')}/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(bad.status).toBe(400);
    const missing = await fetch(`${service.url}${path}/abc123/retry`, { method: 'POST', headers: { authorization: `Bearer ${owner}` } });
    expect(missing.status).toBe(404);
  });
});
