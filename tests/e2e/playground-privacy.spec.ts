import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PersonalDataExportResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { because, eventually } from '../support/eventually';
import type { ComposeResult } from '../support/expert-activities';
import { resultNames } from '../support/expert-activities';
import { startPlayground } from '../support/playground';
import type { Playground, PlaygroundAction } from '../support/playground';
import { startTestService } from '../support/service';

let service: RunningService;
let playground: Playground;

beforeAll(async () => {
  service = await startTestService();
  playground = await startPlayground(`${service.url.replace('localhost', '127.0.0.1')}/api/messages`);
});
afterAll(async () => {
  await playground?.close();
  await service?.close();
});

const cardOf = (reply: PlaygroundAction): string => JSON.stringify(reply.message?.attachments?.[0]?.content ?? reply.message?.text ?? '');

/** The messaging extension's findExpert, asked by another Playground user in the team. */
async function findExpert(query: string): Promise<string[]> {
  const asker = playground.config.users[1];
  const answer = await playground.invoke({
    name: 'composeExtension/query',
    value: { commandId: 'findExpert', parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 10 } },
    from: { id: asker?.id },
    conversation: { id: playground.config.teams[0]?.id },
  });
  expect(answer.status).toBe(200);
  return resultNames(answer.body as ComposeResult);
}

describe('privacy in the Agents Playground', () => {
  it('tell a skill, export holds it, erase, and the messaging extension no longer finds the person', async () => {
    const me = playground.config.currentUser;
    // A skill PeerLearn does not know is asked about first ("add as a new skill"), then stored.
    const asked = await playground.say('my skills: Zeppelin rigging');
    const question = cardOf(asked);
    const asNew = (JSON.parse(question) as { actions: { verb?: string; data?: Record<string, unknown> }[] }).actions.at(-1);
    expect(asNew?.verb).toBe('chooseSkill');
    const added = await playground.invoke({
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'chooseSkill', data: asNew?.data }, trigger: 'manual' },
      from: { id: me.id },
      conversation: { id: playground.config.personalChat.id },
      // The Playground sends a card action from the message it belongs to (without it: 400 "Required").
      replyToId: String(asked.message?.messageId),
    });
    because(JSON.stringify(added.body), () => expect(added.status).toBe(200));
    expect(JSON.stringify(added.body)).toContain('Zeppelin rigging');
    await eventually(async () => expect(await findExpert('Zeppelin rigging')).toContain(me.name));

    const exportCard = await playground.say('export my data');
    const link = /"url":"([^"]+\/api\/v1\/me\/export\/link\/[^"]+)"/.exec(cardOf(exportCard))?.[1];
    expect(link).toBeDefined();
    const exported = (await (await fetch(link ?? '')).json()) as PersonalDataExportResponse;
    expect(exported.person.userId).toBe(me.aadObjectId);
    expect(JSON.stringify(exported)).toContain('Zeppelin rigging');

    const eraseCard = await playground.say('delete my data');
    expect(cardOf(eraseCard)).toContain('Erase your data from PeerLearn?');
    const erased = await playground.invoke({
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: 'eraseMe', data: { contributions: 'anonymise', confirmErase: 'true' } },
        trigger: 'manual',
      },
      from: { id: me.id },
      conversation: { id: playground.config.personalChat.id },
      // The card's own message: the Playground sends a card action from the message it belongs to.
      replyToId: String(eraseCard.message?.messageId),
    });
    because(JSON.stringify(erased), () => expect(erased.status).toBe(200));
    expect(JSON.stringify(erased.body)).toContain('Your data was erased');

    await eventually(async () => expect(await findExpert('Zeppelin rigging')).not.toContain(me.name));
    expect(await service.repositories.members.get(playground.config.tenantId, me.aadObjectId)).toBeUndefined();
  });
});
