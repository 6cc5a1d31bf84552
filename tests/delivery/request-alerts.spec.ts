import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { Config } from '../../bot/src/config';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import type { TeachSkill } from '../../bot/src/domain/experts/member';
import { createRequestAlerts } from '../../bot/src/domain/requests/request-alerts';
import { startService } from '../../bot/src/server';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { TEAM_ID, invokeActivity, messageActivity, people, seedTeam } from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { quietLogger } from '../support/service';
import { startTestAzurite } from '../support/azurite';

/**
 * Issue #12: people who teach a skill hear about a new learning request for it. The real service with
 * its outbox worker and job composer, the real CloudAdapter, and a fake Bot Connector: one personal
 * card each, in their language; never the asker, nobody who turned alerts off, nobody twice a day.
 */
let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  const base = readConfig({ NODE_ENV: 'test' });
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

type Person = (typeof people)[keyof typeof people];
const chatOf = (who: Person) => `a:${who.aadObjectId}`;
const cardsTo = (who: Person) =>
  connector.sent.filter((s) => s.conversationId === chatOf(who)).map((s) => s.activity.attachments?.[0]?.content as AdaptiveCard);
/** The bot's answers in the person's chat as the test sent it (session-fixtures' personal conversation). */
const repliesTo = (who: Person) =>
  connector.sent.filter((s) => s.conversationId === `a:personal-${who.id}`).map((s) => s.activity.text ?? '');

async function say(text: string, who: Person, where: { teamId?: null; locale?: string } = {}): Promise<void> {
  const before = connector.sent.length;
  const res = await postActivity(service.url, messageActivity(connector.serviceUrl, text, who, where));
  expect(res.status).toBeLessThan(300);
  await eventually(() => expect(connector.sent.length).toBeGreaterThan(before));
}

async function teaches(who: Person, skills: readonly TeachSkill[], locale: string): Promise<void> {
  await service.repositories.members.update(PLAYGROUND_TENANT, who.aadObjectId, (p) => (p ? { ...p, teaches: skills, locale } : undefined));
}

describe('teachers hear about a new learning request', () => {
  it('one card each in their language; not the asker, not when opted out, not a second one the same day', async () => {
    const now = new Date();
    await seedTeam(service.repositories, now);
    // Hanna (Dutch) and Bob teach TypeScript, Bob spelled as the alias "ts"; Cleo too, but she turns alerts off; Ann asks.
    await teaches(
      people.host,
      [
        { name: 'TypeScript', level: 3 },
        { name: 'Docker', level: 2 },
      ],
      'nl-NL',
    );
    await teaches(people.bob, [{ name: 'ts', level: 2 }], 'en-US');
    await teaches(people.cleo, [{ name: 'TypeScript', level: 2 }], 'nl-NL');
    await teaches(
      people.ann,
      [
        { name: 'TypeScript', level: 1 },
        { name: 'Docker', level: 3 },
      ],
      'en-US',
    );
    for (const who of Object.values(people)) {
      await service.delivery.addresses.putPerson({
        tenantId: PLAYGROUND_TENANT,
        userId: who.aadObjectId,
        serviceUrl: connector.serviceUrl,
        botId: '28:bot',
        teamsUserId: who.id,
        conversationId: chatOf(who),
        updatedAt: now.toISOString(),
      });
    }

    // Cleo's opt-out, in Dutch in her personal chat: stored on her profile.
    await say('meldingen uit', people.cleo, { teamId: null, locale: 'nl-NL' });
    expect(repliesTo(people.cleo).join(' ')).toContain('Meldingen over leervragen staan uit');
    expect((await service.repositories.members.get(PLAYGROUND_TENANT, people.cleo.aadObjectId))?.requestAlerts).toBe(false);
    connector.sent.length = 0;

    await say('I want to learn TS', people.ann);
    await eventually(() => expect([cardsTo(people.host).length, cardsTo(people.bob).length]).toEqual([1, 1]), { timeout: 20_000 });
    const request = (await service.repositories.learningRequests.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).requests.find(
      (r) => r.skill === 'TypeScript',
    );
    const dutch = JSON.stringify(cardsTo(people.host)[0]);
    expect(dutch).toContain('Een collega wil TypeScript leren, en dat kun jij anderen leren');
    expect(dutch).toContain('Gevraagd in het team Learning team');
    expect(dutch).toContain('"title":"Ik kan dit uitleggen"');
    expect(dutch).not.toContain('+1');
    const english = cardsTo(people.bob)[0];
    expect(JSON.stringify(english)).toContain('A colleague wants to learn TypeScript, which you teach');
    // The asker and whoever turned alerts off got nothing (all were composed in the one job just delivered).
    expect(cardsTo(people.ann)).toEqual([]);
    expect(cardsTo(people.cleo)).toEqual([]);

    // "I can teach this" from the personal chat: the plan form, filled from the request (its team comes from the card's data).
    const teach = english?.actions?.find((a) => a.title === 'I can teach this');
    expect(teach).toMatchObject({ data: { verb: 'planSession', teamId: TEAM_ID, requestId: request?.requestId } });
    const opened = await postActivity(
      service.url,
      invokeActivity(connector.serviceUrl, 'task/fetch', { data: teach && 'data' in teach ? teach.data : {} }, people.bob, {
        teamId: null,
      }),
    );
    const dialog = (await opened.json()) as InvokeBody;
    expect(JSON.stringify(dialog.task?.value)).toContain('Learn TypeScript together');

    // A second request the same day: Ann teaches Docker and hears of it; Hanna teaches it too but had hers today.
    await say('I want to learn Docker', people.cleo);
    await eventually(() => expect(cardsTo(people.ann)).toHaveLength(1), { timeout: 20_000 });
    expect(JSON.stringify(cardsTo(people.ann)[0])).toContain('A colleague wants to learn Docker, which you teach');
    expect(cardsTo(people.host)).toHaveLength(1);
    // The day's claims decide it, also for a retried job: only Ann's claim is this request's.
    const docker = (await service.repositories.learningRequests.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).requests.find(
      (r) => r.skill === 'Docker',
    );
    const alerts = createRequestAlerts({ repositories: service.repositories, experts: service.experts, now: () => new Date() });
    const again = await alerts.content({
      kind: 'alertTeachers',
      tenantId: PLAYGROUND_TENANT,
      teamId: TEAM_ID,
      requestId: docker?.requestId ?? '',
    });
    expect(again?.recipients).toEqual([{ userId: people.ann.aadObjectId, locale: 'en' }]);
  });
});
