import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueServiceClient } from '@azure/storage-queue';
import type { KudosView } from '../../bot/src/api/contract';
import { QUEUES } from '../../bot/src/storage/shared/keys';
import type { RunningService } from '../../bot/src/server';
import { MEGAN, PLAYGROUND_TENANT, botAddedToTeam, postActivity } from '../support/activities';
import { renderCardMarkdown } from '../support/card-markdown';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector, SentActivity } from '../support/fake-connector';
import { callApi, devToken, startTestService } from '../support/service';

/**
 * Issue #12, milestones end to end: a fact is written (a kudos through the tab API; a held session's
 * fold job), the outbox worker claims the milestone and posts its card into the team's General channel
 * through the real sender and the fake Bot Connector, in the team's language, with the person's name
 * as plain text. Someone who turned milestones off gets no card.
 */
const NL_TEAM = { id: '19:mijlpalen@thread.tacv2', name: 'Mijlpalen' };
const EN_TEAM = { id: '19:milestones@thread.tacv2', name: 'Milestones' };
// A name with Markdown and HTML in it: it must reach the channel as the characters typed, never as markup.
const SANNE = {
  id: '29:sanne',
  name: 'Sanne *de* <b>[Vries](https://evil.example)</b>',
  aadObjectId: '00000000-0000-0000-0000-0000000000c1',
};
const BOB = { id: '29:bob', name: 'Bob Builder', aadObjectId: '00000000-0000-0000-0000-0000000000c2' };
const DAY = 86_400_000;
let service: RunningService;
let connector: FakeConnector;

const cardsIn = (teamId: string): SentActivity[] =>
  connector.sent.filter(
    (s) => s.conversationId === teamId && /A milestone|Een mijlpaal/.test(JSON.stringify(s.activity.attachments ?? [])),
  );

/** Messages in the jobs queue, visible or leased to the worker. */
async function jobsLeft(): Promise<number> {
  const queue = QueueServiceClient.fromConnectionString(service.storageConnectionString).getQueueClient(QUEUES.jobs);
  return (await queue.getProperties()).approximateMessagesCount ?? 0;
}

/** Every TextBlock text of a card. */
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'TextBlock' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(record).flatMap(textsOf)];
}

async function install(team: { id: string; name: string }, locale: string) {
  const roster = [MEGAN, SANNE, BOB].map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId ?? '' }));
  connector.rosters.set(team.id, roster);
  connector.channels.set(team.id, [{ id: team.id, name: 'General' }]);
  expect((await postActivity(service.url, botAddedToTeam(connector.serviceUrl, team, { locale }))).status).toBe(200);
  await eventually(async () => expect((await service.repositories.teams.listMembers(PLAYGROUND_TENANT, team.id)).length).toBe(3));
  // Their profiles, as after they used the app: Sanne's name as Teams gave it.
  const now = new Date().toISOString();
  for (const p of [SANNE, BOB])
    await service.repositories.members.update(PLAYGROUND_TENANT, p.aadObjectId, (current) => ({
      tenantId: PLAYGROUND_TENANT,
      userId: p.aadObjectId,
      displayName: p.name,
      bio: '',
      teaches: [],
      wants: [],
      languages: [],
      availability: '',
      createdAt: now,
      updatedAt: now,
      ...(current ?? {}),
      ...(p === BOB ? { celebrateMilestones: false } : {}),
    }));
}

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService({ seedDemo: false }), startFakeConnector()]);
  await install(NL_TEAM, 'nl-NL');
  await install(EN_TEAM, 'en-US');
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});

describe('a milestone card in the team channel', () => {
  it('Dutch team: the tenth thank-you for Sanne posts one card, her name as plain text', async () => {
    const at = Date.now();
    for (let i = 0; i < 9; i += 1)
      await service.repositories.kudos.add({
        tenantId: PLAYGROUND_TENANT,
        teamId: NL_TEAM.id,
        kudosId: `earlier-${i}`,
        fromUserId: MEGAN.aadObjectId ?? '',
        toUserId: SANNE.aadObjectId,
        message: 'Dank je!',
        createdAt: new Date(at - (10 - i) * 3_600_000).toISOString(),
      });
    const token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: MEGAN.aadObjectId ?? '', name: MEGAN.name });
    const res = await callApi<KudosView>(service, token, 'POST', `/teams/${encodeURIComponent(NL_TEAM.id)}/kudos`, {
      toUserId: SANNE.aadObjectId,
      message: 'Tiende keer!',
    });
    expect(res.status).toBe(201);
    await eventually(() => expect(cardsIn(NL_TEAM.id)).toHaveLength(1));
    const [posted] = cardsIn(NL_TEAM.id);
    const texts = textsOf(posted?.activity.attachments?.[0]?.content);
    const rendered = texts.map(renderCardMarkdown);
    expect(rendered[0]).toBe('<p>🎉 Sanne *de* &lt;b&gt;[Vries](https://evil.example)&lt;/b&gt; is al 10 keer bedankt</p>');
    expect(rendered.join('\n')).toContain('Een mijlpaal in het leren van elkaar');
    // The name reads as typed: no emphasis, no bold, no link came out of it.
    expect(rendered[0]).not.toMatch(/<a\b|<em>|<strong>|<b>/);
    // The notification line is plain text: the name as typed, no escapes showing as backslashes.
    expect(posted?.activity.summary).toBe('🎉 Sanne *de* <b>[Vries](https://evil.example)</b> is al 10 keer bedankt');
    const claim = await service.repositories.milestones.get(PLAYGROUND_TENANT, NL_TEAM.id, SANNE.aadObjectId, 'kudos10');
    expect(claim).toMatchObject({ userId: SANNE.aadObjectId, milestone: 'kudos10', celebrated: true });
  });

  it('English team: a held session celebrates its attendee, not the one who turned milestones off; a re-fold posts nothing more', async () => {
    const start = new Date(Date.now() - 2 * 3_600_000);
    const sessionId = 'held-once';
    await service.repositories.sessions.create({
      tenantId: PLAYGROUND_TENANT,
      teamId: EN_TEAM.id,
      sessionId,
      title: 'Regex in 15 minutes',
      description: '',
      skills: ['Regex'],
      format: 'talk',
      startsAt: start.toISOString(),
      durationMinutes: 30,
      capacity: 10,
      channelId: EN_TEAM.id,
      hostId: MEGAN.aadObjectId ?? '',
      teacherIds: [MEGAN.aadObjectId ?? ''],
      status: 'scheduled',
      openToOrganisation: false,
      counts: { yes: 2, maybe: 0, no: 0 },
      createdAt: new Date(start.getTime() - DAY).toISOString(),
      updatedAt: new Date(start.getTime() - DAY).toISOString(),
    });
    await service.repositories.rsvps.putMany(
      [SANNE, BOB].map((p) => ({
        tenantId: PLAYGROUND_TENANT,
        teamId: EN_TEAM.id,
        sessionId,
        userId: p.aadObjectId,
        response: 'yes' as const,
        respondedAt: start.toISOString(),
      })),
    );
    await service.outbox.enqueue({ kind: 'foldInsights', tenantId: PLAYGROUND_TENANT, teamId: EN_TEAM.id, sessionId });
    // Megan (the host) and Sanne: two cards; Bob turned them off.
    await eventually(() => expect(cardsIn(EN_TEAM.id)).toHaveLength(2));
    const headlines = cardsIn(EN_TEAM.id)
      .map((s) => renderCardMarkdown(textsOf(s.activity.attachments?.[0]?.content)[0] ?? ''))
      .sort();
    expect(headlines[0]).toContain('Megan Bowen taught their first session');
    expect(headlines[1]).toBe('<p>🎉 Sanne *de* &lt;b&gt;[Vries](https://evil.example)&lt;/b&gt; joined their first session</p>');
    const bob = await service.repositories.milestones.get(PLAYGROUND_TENANT, EN_TEAM.id, BOB.aadObjectId, 'attended1');
    expect(bob).toMatchObject({ milestone: 'attended1', celebrated: false });

    // The fold runs again (feedback came in): the claims stand, nothing is posted twice.
    await service.outbox.enqueue({ kind: 'foldInsights', tenantId: PLAYGROUND_TENANT, teamId: EN_TEAM.id, sessionId });
    // Done when the queue holds no message at all (a leased one still counts), so its posts, if any, were made.
    await eventually(async () => expect(await jobsLeft()).toBe(0));
    expect(cardsIn(EN_TEAM.id)).toHaveLength(2);
  });
});
