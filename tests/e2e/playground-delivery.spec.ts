import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { readConfig } from '../../bot/src/config';
import { startService } from '../../bot/src/server';
import type { RunningService } from '../../bot/src/server';
import { startPlayground } from '../support/playground';
import type { Playground, PlaygroundAction } from '../support/playground';
import { quietLogger } from '../support/service';
import { createBotConnector } from '../../bot/src/teams/shared/bot-connector';
import { ProactiveSender } from '../../bot/src/teams/delivery/proactive-sender';
import { testCard } from '../support/fanout-composer';

let service: RunningService;
let playground: Playground;

beforeAll(async () => {
  service = await startService(
    { ...readConfig({ NODE_ENV: 'test' }), port: 0, seedDemo: false },
    { log: quietLogger, inMemoryStorage: true },
  );
  playground = await startPlayground(`${service.url.replace('localhost', '127.0.0.1')}/api/messages`);
});
afterAll(async () => {
  await playground?.close();
  await service?.close();
});

const cardOf = (a: PlaygroundAction) => JSON.stringify(a.message?.attachments?.[0]?.content ?? {});

describe('the Agents Playground as Teams', () => {
  it('install in a team → welcome in the channel', async () => {
    const team = playground.config.teams[0];
    if (!team) throw new Error('the Playground has no team');
    await playground.install(team.id);
    const welcome = await playground.waitForAction((a) => a.action === 'createMessage' && a.actionConversationId === team.id);
    expect(cardOf(welcome)).toContain('PeerLearn is here');
  });

  it('planSession → invite in the channel; RSVP by Action.Execute → the count changes', async () => {
    const team = playground.config.teams[0];
    if (!team) throw new Error('the Playground has no team');
    const host = playground.config.users[0];
    const date = new Date(Date.now() + 3 * 24 * 3600_000).toISOString().slice(0, 10);
    const planned = await playground.invoke({
      name: 'composeExtension/submitAction',
      value: {
        commandId: 'planSession',
        commandContext: 'compose',
        data: {
          title: 'Pairing on TypeScript generics',
          date,
          time: '14:00',
          durationMinutes: '45',
          format: 'talk',
          recurrence: 'none',
          channelId: team.id,
        },
      },
      from: { id: host?.id },
      conversation: { id: team.id },
    });
    expect(planned.status).toBe(200);
    expect(JSON.stringify(planned.body)).toContain('is planned');
    // The invite reaches the channel through the outbox: the queue, the worker and the throttled sender.
    const invite = await playground.waitForAction(
      (a) => a.action === 'createMessage' && cardOf(a).includes('Pairing on TypeScript generics'),
      20_000,
    );
    expect(invite.actionConversationId).toBe(team.id);
    expect(cardOf(invite)).toContain('0 going');
    const going = (JSON.parse(cardOf(invite)) as { actions: { verb?: string; data?: Record<string, unknown> }[] }).actions.find(
      (a) => a.verb === 'rsvp' && a.data?.response === 'yes',
    );
    if (!going?.data) throw new Error('no Going button on the invite');

    const guest = playground.config.users[1];
    const rsvp = await playground.invoke({
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'rsvp', data: going.data }, trigger: 'manual' },
      from: { id: guest?.id },
      // A channel post is the root of its own thread, addressed as `<channel>;messageid=<id>`.
      conversation: { id: invite.message?.postConversationId ?? team.id },
      replyToId: String(invite.message?.messageId),
    });
    because(JSON.stringify(rsvp.body), () => expect(rsvp.status).toBe(200));
    // The answer is the refreshed card for the one who pressed…
    expect(JSON.stringify(rsvp.body)).toContain('1 going');
    // …and the channel message itself is updated in place for everyone.
    const updated = await playground.waitForAction((a) => a.action === 'updateMessage' && cardOf(a).includes('1 going'), 20_000);
    expect(updated.message?.messageId).toBe(invite.message?.messageId);
  });

  it('the sender against the Playground’s connector: a reply lands in the thread of its root, a 1:1 chat is opened for a person', async () => {
    const team = playground.config.teams[0];
    const me = playground.config.currentUser;
    if (!team) throw new Error('the Playground has no team');
    const sender = new ProactiveSender({
      connector: createBotConnector({ type: 'SingleTenant' }),
      addresses: service.delivery.addresses,
      delivered: service.delivery.delivered,
      parked: service.delivery.parked,
      log: quietLogger,
      policy: { quietStartMs: 0 },
    });
    const tenantId = playground.config.tenantId;
    const root = await sender.deliver(
      {
        key: 'e2e:root',
        mode: 'post',
        target: { kind: 'channel', tenantId, teamId: team.id, channelId: team.id },
        card: testCard('Root message'),
        summary: 'root',
      },
      { teamId: team.id },
    );
    expect(root.status).toBe('posted');
    const reply = await sender.deliver(
      {
        key: 'e2e:reply',
        mode: 'post',
        target: { kind: 'thread', tenantId, teamId: team.id, channelId: team.id, rootKey: 'e2e:root' },
        card: testCard('Reply in the thread'),
        summary: 'reply',
      },
      { teamId: team.id },
    );
    expect(reply.status).toBe('posted');
    const rootShown = await playground.waitForAction((a) => a.action === 'createMessage' && cardOf(a).includes('Root message'));
    const replyShown = await playground.waitForAction((a) => a.action === 'createMessage' && cardOf(a).includes('Reply in the thread'));
    // The Playground files the reply under the root's thread.
    expect(replyShown.actionConversationId).toBe(rootShown.message?.postConversationId);

    // The current user has talked to nobody yet: only their Teams id is known, so a chat is opened.
    await service.delivery.addresses.putPerson({
      tenantId,
      userId: me.aadObjectId,
      serviceUrl: `${playground.url.replace('127.0.0.1', 'localhost')}/_connector`,
      botId: '28:peerlearn',
      teamsUserId: me.id,
      updatedAt: new Date().toISOString(),
    });
    const dm = await sender.deliver(
      {
        key: 'e2e:dm',
        mode: 'post',
        target: { kind: 'person', tenantId, userId: me.aadObjectId },
        card: testCard('Just for you'),
        summary: 'dm',
      },
      { teamId: team.id },
    );
    expect(dm.status).toBe('posted');
    await playground.waitForAction((a) => a.action === 'createMessage' && cardOf(a).includes('Just for you'));
  });
});
