import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { RunningService } from '../../bot/src/server';
import { BOT, botAddedToTeam, MEGAN, personalMessage, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { startDeliveryService } from '../support/delivery-service';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';

let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  [service, connector] = await Promise.all([startDeliveryService(), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});
beforeEach(() => {
  connector.sent.length = 0;
});

/** A Teams team event (channel created, renamed, deleted; team renamed) as Teams posts it. */
function teamEvent(eventType: string, team: { id: string; name: string }, channel?: { id: string; name?: string }) {
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from: MEGAN,
    conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId: PLAYGROUND_TENANT },
    recipient: BOT,
    channelData: { tenant: { id: PLAYGROUND_TENANT }, team, eventType, ...(channel ? { channel } : {}) },
  };
}

async function post(activity: unknown): Promise<void> {
  const res = await postActivity(service.url, activity);
  expect(res.status).toBeLessThan(300);
}

const channelsOf = async (teamId: string) => (await service.repositories.teams.get(PLAYGROUND_TENANT, teamId))?.channels ?? [];

describe('conversation references through the real CloudAdapter', () => {
  it('on install in a team: stores the address and the channels Teams lists', async () => {
    const team = { id: '19:refs-1@thread.tacv2', name: 'Finance' };
    connector.channels.set(team.id, [{ id: team.id }, { id: '19:learning@thread.tacv2', name: 'Learning' }]);
    await post(botAddedToTeam(connector.serviceUrl, team));
    await connector.waitFor(1);
    expect(await service.delivery.addresses.getTeam(PLAYGROUND_TENANT, team.id)).toMatchObject({
      serviceUrl: connector.serviceUrl,
      botId: BOT.id,
    });
    expect(await channelsOf(team.id)).toEqual([
      { channelId: team.id, name: 'General' },
      { channelId: '19:learning@thread.tacv2', name: 'Learning' },
    ]);
  });

  it('falls back to the General channel when the channel list cannot be read', async () => {
    const team = { id: '19:refs-2@thread.tacv2', name: 'Legal' };
    await post(botAddedToTeam(connector.serviceUrl, team));
    expect(await channelsOf(team.id)).toEqual([{ channelId: team.id, name: 'General' }]);
  });

  it('keeps channels fresh on create, rename and delete, and the name on a team rename', async () => {
    const team = { id: '19:refs-3@thread.tacv2', name: 'Sales' };
    await post(botAddedToTeam(connector.serviceUrl, team));
    await post(teamEvent('channelCreated', team, { id: '19:new@thread.tacv2', name: 'Brown bags' }));
    expect((await channelsOf(team.id)).map((c) => c.name)).toEqual(['General', 'Brown bags']);
    await post(teamEvent('channelRenamed', team, { id: '19:new@thread.tacv2', name: 'Lunch talks' }));
    expect((await channelsOf(team.id)).map((c) => c.name)).toEqual(['General', 'Lunch talks']);
    await post(teamEvent('channelDeleted', team, { id: '19:new@thread.tacv2', name: 'Lunch talks' }));
    expect((await channelsOf(team.id)).map((c) => c.name)).toEqual(['General']);
    await post(teamEvent('teamRenamed', { ...team, name: 'Sales & Marketing' }));
    expect((await service.repositories.teams.get(PLAYGROUND_TENANT, team.id))?.name).toBe('Sales & Marketing');
  });

  it('forgets the team on uninstall (installationUpdate remove, or the bot removed)', async () => {
    const team = { id: '19:refs-4@thread.tacv2', name: 'Ops' };
    await post(botAddedToTeam(connector.serviceUrl, team));
    await post({ ...teamEvent('teamMemberRemoved', team), type: 'installationUpdate', action: 'remove' });
    expect(await service.delivery.addresses.getTeam(PLAYGROUND_TENANT, team.id)).toBeUndefined();
    expect(await channelsOf(team.id)).toEqual([]);

    await post(botAddedToTeam(connector.serviceUrl, team));
    expect(await service.delivery.addresses.getTeam(PLAYGROUND_TENANT, team.id)).toBeDefined();
    await post({ ...teamEvent('teamMemberRemoved', team), membersRemoved: [{ id: BOT.id }] });
    expect(await service.delivery.addresses.getTeam(PLAYGROUND_TENANT, team.id)).toBeUndefined();
  });

  it('stores the 1:1 reference on a personal message, keyed by (tenant, object id), with the Teams id', async () => {
    const person = { id: '29:noor', name: 'Noor', aadObjectId: '6f1c2a10-7d3e-4b8a-9c21-bbbbbbbbbbbb' };
    await post(personalMessage(connector.serviceUrl, 'help', person));
    expect(await service.delivery.addresses.getPerson(PLAYGROUND_TENANT, person.aadObjectId)).toMatchObject({
      serviceUrl: connector.serviceUrl,
      botId: BOT.id,
      teamsUserId: '29:noor',
      conversationId: 'a:personal-29:noor',
    });
  });

  it('a message in a team stores the sender’s Teams id, and a later 1:1 message adds the chat', async () => {
    const person = { id: '29:sam', name: 'Sam', aadObjectId: '6f1c2a10-7d3e-4b8a-9c21-cccccccccccc' };
    const inTeam = {
      ...personalMessage(connector.serviceUrl, 'help', person),
      conversation: { id: '19:refs-1@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: PLAYGROUND_TENANT },
    };
    await post(inTeam);
    const first = await service.delivery.addresses.getPerson(PLAYGROUND_TENANT, person.aadObjectId);
    expect(first).toMatchObject({ teamsUserId: '29:sam' });
    expect(first?.conversationId).toBeUndefined();
    await post(personalMessage(connector.serviceUrl, 'help', person));
    expect((await service.delivery.addresses.getPerson(PLAYGROUND_TENANT, person.aadObjectId))?.conversationId).toBe('a:personal-29:sam');
  });

  it('on a personal install stores the 1:1 reference', async () => {
    const person = { id: '29:lee', name: 'Lee', aadObjectId: '6f1c2a10-7d3e-4b8a-9c21-dddddddddddd' };
    await post({
      type: 'conversationUpdate',
      id: randomUUID(),
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      from: person,
      conversation: { id: 'a:personal-lee', conversationType: 'personal', tenantId: PLAYGROUND_TENANT },
      recipient: BOT,
      membersAdded: [{ id: BOT.id }],
      channelData: { tenant: { id: PLAYGROUND_TENANT } },
    });
    expect((await service.delivery.addresses.getPerson(PLAYGROUND_TENANT, person.aadObjectId))?.conversationId).toBe('a:personal-lee');
  });

  it('a proactive post reaches a channel of an installed team through the worker', async () => {
    const team = { id: '19:refs-5@thread.tacv2', name: 'Proactive' };
    await post(botAddedToTeam(connector.serviceUrl, team));
    await connector.waitFor(1);
    connector.sent.length = 0;
    // The fan-out test composer posts session fanout-1-from-7 into its channel 7.
    await service.outbox.enqueue({ kind: 'postInvite', tenantId: PLAYGROUND_TENANT, teamId: team.id, sessionId: 'fanout-1-from-7' });
    const [sent] = await connector.waitFor(1, 10_000);
    expect(sent?.conversationId).toBe('19:fanout-7@thread.tacv2');
    expect(sent?.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});
