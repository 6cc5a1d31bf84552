import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningService } from '../../bot/src/server';
import { startPlayground } from '../support/playground';
import type { Playground } from '../support/playground';
import { startTestService } from '../support/service';
import type { ComposeResult } from '../support/expert-activities';
import { resultNames } from '../support/expert-activities';

let service: RunningService;
let playground: Playground;

// The demo team lives in the Playground's tenant, so the Playground's users search the demo people.
beforeAll(async () => {
  service = await startTestService();
  playground = await startPlayground(`${service.url.replace('localhost', '127.0.0.1')}/api/messages`);
});
afterAll(async () => {
  await playground?.close();
  await service?.close();
});

/** A search from the compose box of the team, by a colleague (never the Playground's current user). */
async function search(commandId: 'findExpert' | 'findSession', query: string): Promise<ComposeResult> {
  const answer = await playground.invoke({
    name: 'composeExtension/query',
    value: { commandId, parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 10 } },
    from: { id: playground.config.users[1]?.id },
    conversation: { id: playground.config.teams[0]?.id },
  });
  expect(answer.body).not.toHaveProperty('error');
  expect(answer.status).toBe(200);
  const body = answer.body as ComposeResult;
  expect(body.composeExtension.type).toBe('result');
  return body;
}

describe('The messaging extension in the Agents Playground', () => {
  it('a query with a typo from the compose box finds the TypeScript teachers, best first', async () => {
    // Asked by a colleague: the asker never appears in their own results.
    const body = await search('findExpert', 'typscript');
    expect(resultNames(body)).toEqual(['Megan Bowen', 'Daan Jansen']);

    // Picking a result sends the preview's tap value as composeExtension/selectItem. The Playground's
    // invoke endpoint refuses that name ("Invalid enum value"), so the pick itself is tested through the
    // real CloudAdapter in tests/bot/experts.spec.ts; here, that the list offers it.
    const tap = body.composeExtension.attachments?.[0]?.preview?.content.tap;
    expect(tap).toEqual({
      type: 'invoke',
      title: 'Megan Bowen',
      value: { commandId: 'findExpert', userId: expect.any(String), skill: 'TypeScript' },
    });
  });

  it('a query of an emoji only says what to type instead of an empty list', async () => {
    const answer = await playground.invoke({
      name: 'composeExtension/query',
      value: { commandId: 'findExpert', parameters: [{ name: 'query', value: '🎓' }], queryOptions: { skip: 0, count: 10 } },
      from: { id: playground.config.users[1]?.id },
      conversation: { id: playground.config.teams[0]?.id },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ composeExtension: { type: 'message', text: 'Type a skill, such as Excel, or a colleague’s name.' } });
  });

  it('findSession from the compose box finds an upcoming demo session to share, in the asker’s team', async () => {
    const body = await search('findSession', 'azure');
    // The held TypeScript workshop (three days ago) is not offered; the Azure pair session tomorrow is.
    expect(resultNames(body)).toEqual(['Pair session: your first Azure Function']);
    const tap = body.composeExtension.attachments?.[0]?.preview?.content.tap;
    expect(tap?.value).toEqual({ commandId: 'findSession', teamId: expect.any(String), sessionId: 'demo-azure-pair' });
  });
});
