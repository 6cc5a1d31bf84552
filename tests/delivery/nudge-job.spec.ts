import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { Config } from '../../bot/src/config';
import type { AdaptiveCard, CardElement, ExecuteAction } from '../../bot/src/cards/shared/adaptive-card';
import { startService } from '../../bot/src/server';
import type { RunningService } from '../../bot/src/server';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import { QueueOutbox } from '../../bot/src/storage/delivery/queue-outbox';
import { createNudgeService } from '../../bot/src/domain/insights/nudge-service';
import { composeNudgeJob } from '../../bot/src/jobs/insights/compose-nudge-job';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { TEAM_ID, execute, invokeActivity, people, seedTeam } from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { callApi, devToken, quietLogger } from '../support/service';
import { session } from '../support/storage/fixtures';
import { startTestAzurite } from '../support/azurite';

const DAY = 86_400_000;
let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  const base = readConfig({ NODE_ENV: 'test' });
  // The real service with its real job composer and outbox worker, on quick test timings.
  const config: Config = { ...base, port: 0, seedDemo: false, delivery: { ...base.delivery, worker: true } };
  [service, connector] = await Promise.all([
    startService(config, {
      log: quietLogger,
      inMemoryStorage: true,
      azurite: await startTestAzurite(),
      workerPolicy: { leaseSeconds: 5, idleMs: 100, maxDequeueCount: 3 },
      senderPolicy: { backoffBaseMs: 50, backoffCapMs: 1_000 },
    }),
    startFakeConnector(),
  ]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});

/** Every element of a card, containers opened. */
const elements = (items: readonly CardElement[]): CardElement[] =>
  items.flatMap((e) => (e.type === 'Container' ? [e, ...elements(e.items)] : [e]));

describe('the owners’ nudge through the real outbox worker and CloudAdapter', () => {
  it('the member gets one friendly card in Dutch with the session matching what they want; its button RSVPs through the existing handler; a retry composes the same key', async () => {
    const repos = service.repositories;
    const now = new Date();
    await seedTeam(repos, now);
    const cleo = people.cleo.aadObjectId;
    await repos.members.update(PLAYGROUND_TENANT, cleo, (p) => (p ? { ...p, locale: 'nl-NL', wants: ['kubernetes'] } : undefined));
    const soon = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
    await repos.sessions.putMany([
      session(PLAYGROUND_TENANT, TEAM_ID, 'n-excel', {
        title: 'Excel tricks',
        skills: ['Excel'],
        startsAt: soon(1),
        hostId: people.host.aadObjectId,
      }),
      session(PLAYGROUND_TENANT, TEAM_ID, 'n-k8s', {
        title: 'Kubernetes from zero',
        skills: ['Kubernetes'],
        startsAt: soon(3),
        hostId: people.host.aadObjectId,
      }),
    ]);
    const storage = createStorage({ connectionString: service.storageConnectionString });
    const delivery = createDeliveryStorage(clientsFromConnectionString(service.storageConnectionString), storage.queues.jobs);
    await delivery.addresses.putPerson({
      tenantId: PLAYGROUND_TENANT,
      userId: cleo,
      serviceUrl: connector.serviceUrl,
      botId: '28:bot',
      teamsUserId: people.cleo.id,
      conversationId: `a:${cleo}`,
      updatedAt: now.toISOString(),
    });

    const owner = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: people.host.aadObjectId, name: people.host.name });
    const res = await callApi(service, owner, 'POST', `/teams/${encodeURIComponent(TEAM_ID)}/insights/quiet/${cleo}/nudge`);
    expect(res.status).toBe(202);

    await eventually(() => expect(connector.sent.filter((s) => s.conversationId === `a:${cleo}`)).toHaveLength(1), { timeout: 20_000 });
    const sent = connector.sent.find((s) => s.conversationId === `a:${cleo}`);
    const card = sent?.activity.attachments?.[0]?.content as AdaptiveCard;
    const text = JSON.stringify(card);
    expect(text).toContain('Er komt een sessie aan die je misschien leuk vindt');
    expect(text).toContain('Kubernetes from zero');
    expect(text).not.toContain('Excel tricks');
    // Never says they were quiet, nor who sent it.
    expect(text).not.toMatch(/stil|quiet|Hanna/i);

    const join = elements(card.body)
      .flatMap((e) => (e.type === 'ActionSet' ? e.actions : []))
      .find((a): a is ExecuteAction => a.type === 'Action.Execute');
    expect(join).toMatchObject({ verb: 'rsvp', data: { sessionId: 'n-k8s', teamId: TEAM_ID, response: 'yes' } });
    // Pressed in the personal chat, where the card arrived.
    const pressed = await postActivity(
      service.url,
      invokeActivity(connector.serviceUrl, 'adaptiveCard/action', execute('rsvp', { ...join?.data }), people.cleo, { teamId: null }),
    );
    expect(pressed.status).toBe(200);
    expect(((await pressed.json()) as InvokeBody).statusCode).toBe(200);
    expect((await repos.rsvps.get(PLAYGROUND_TENANT, 'n-k8s', cleo))?.response).toBe('yes');

    // A retried job (or one leased again after its lease ran out) composes the same key, under which the
    // first card's delivery record stands: the sender skips it. The key holds nothing that changes between runs.
    const nudgedAt = (res.body as { nudgedAt: string }).nudgedAt;
    const job = { kind: 'nudgeMember', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, userId: cleo, nudgedAt } as const;
    const nudges = createNudgeService({
      repositories: storage.repositories,
      outbox: new QueueOutbox(storage.queues.jobs, () => new Date()),
      now: () => new Date(),
    });
    const keys = async () => (await composeNudgeJob({ nudges, tabUrl: 'https://pl.example/?view=my-learning' }, job)).map((m) => m.key);
    const key = `nudge|${PLAYGROUND_TENANT}|${TEAM_ID}|${cleo}|${nudgedAt}`;
    expect(await keys()).toEqual([key]);
    expect(await keys()).toEqual([key]);
    expect(await delivery.delivered.get(PLAYGROUND_TENANT, key)).toBeDefined();

    // Now that Cleo is coming to the Kubernetes session, a later nudge never suggests it again.
    const later = await nudges.content({ tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, userId: cleo });
    expect(later?.sessions.map((s) => s.sessionId)).toEqual(['n-excel']);
    expect(later?.matched).toBe(false);
  });
});
