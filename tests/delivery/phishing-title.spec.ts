import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CreateSessionResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { MEGAN, PLAYGROUND_TENANT, botAddedToTeam, postActivity } from '../support/activities';
import { renderCardMarkdown } from '../support/card-markdown';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { callApi, devToken, startTestService } from '../support/service';

/**
 * Issue #11's phishing title, end to end: planned through the tab API, composed by the outbox
 * worker and posted into the team's channel (the fake Bot Connector). Every text of the posted card
 * goes through the Markdown Teams applies (tests/support/card-markdown.ts): no link may come out of it.
 */
const PHISHING = '[Urgent: re-verify your account](https://evil.example/login)';
const TEAM = { id: '19:phishing-team@thread.tacv2', name: 'Phishing test' };
let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService({ seedDemo: false }), startFakeConnector()]);
  expect((await postActivity(service.url, botAddedToTeam(connector.serviceUrl, TEAM))).status).toBe(200);
  await connector.waitFor(1); // the welcome card
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});

/** Every text of a card a person reads: TextBlocks and fact values, in any container. */
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'TextBlock' && typeof record.text === 'string' ? [record.text] : [];
  const fact = typeof record.title === 'string' && typeof record.value === 'string' ? [record.value] : [];
  return [...own, ...fact, ...Object.values(record).flatMap(textsOf)];
}

describe('a session title that is a Markdown link', () => {
  it('is posted into the channel as plain text: the card carries no working link', async () => {
    connector.sent.length = 0;
    // The installer is the team's owner by the fallback rule (no Graph here), so may plan.
    const token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: MEGAN.aadObjectId ?? '', name: MEGAN.name });
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const res = await callApi<CreateSessionResponse>(service, token, 'POST', `/teams/${encodeURIComponent(TEAM.id)}/sessions`, {
      title: PHISHING,
      startsAt,
      durationMinutes: 30,
      channelId: TEAM.id,
    });
    expect(res.status).toBe(201);
    const [posted] = await connector.waitFor(1);
    const card = posted?.activity.attachments?.[0]?.content;
    const rendered = textsOf(card).map(renderCardMarkdown);
    expect(rendered.join('\n')).toContain('evil.example'); // the title is there…
    for (const html of rendered) expect(html).not.toMatch(/<a\b/); // …as text, never as a link
    expect(rendered.some((html) => html.includes('[Urgent: re-verify your account](https://evil.example/login)'))).toBe(true);
  });
});
