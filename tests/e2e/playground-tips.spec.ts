import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import type { TipListResponse } from '../../bot/src/api/contract';
import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../bot/src/domain/demo/demo-team';
import type { RunningService } from '../../bot/src/server';
import { startPlayground } from '../support/playground';
import type { Playground } from '../support/playground';
import { devToken, getJson, startTestService } from '../support/service';

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

interface TaskAnswer {
  readonly task?: { readonly type: string; readonly value?: { readonly card?: { readonly content?: unknown } } };
  readonly composeExtension?: {
    readonly type: string;
    readonly attachments?: readonly { readonly contentType: string; readonly content: unknown }[];
  };
}

describe('shareTip in the Agents Playground', () => {
  it('opens the form, refuses a tip without a title, and turns a good one into a card for the compose box and a tip on the board', async () => {
    const team = playground.config.teams[0];
    if (!team) throw new Error('the Playground has no team');
    const user = playground.config.users[0];
    const base = { from: { id: user?.id }, conversation: { id: team.id } };

    const form = await playground.invoke({
      name: 'composeExtension/fetchTask',
      value: { commandId: 'shareTip', commandContext: 'compose' },
      ...base,
    });
    because(JSON.stringify(form.body), () => expect(form.status).toBe(200));
    const task = (form.body as TaskAnswer).task;
    expect(task?.type).toBe('continue');
    expect(JSON.stringify(task?.value?.card?.content)).toContain('"id":"title"');

    const empty = await playground.invoke({
      name: 'composeExtension/submitAction',
      value: { commandId: 'shareTip', commandContext: 'compose', data: { title: '', body: 'Kept on a second try', link: '', skills: '' } },
      ...base,
    });
    expect(empty.status).toBe(200);
    const again = JSON.stringify((empty.body as TaskAnswer).task?.value?.card?.content);
    expect(again).toContain('Kept on a second try');

    const tip = {
      title: 'Sneltoetsen in Teams',
      body: 'Ctrl+. toont ze allemaal.',
      link: 'https://support.microsoft.com/teams',
      skills: 'Teams, productiviteit',
    };
    // A skill the taxonomy does not know is asked about under the field first; nothing is shared yet.
    const asked = await playground.invoke({
      name: 'composeExtension/submitAction',
      value: { commandId: 'shareTip', commandContext: 'compose', data: tip },
      ...base,
    });
    because(JSON.stringify(asked.body), () => expect(asked.status).toBe(200));
    expect((asked.body as TaskAnswer).composeExtension).toBeUndefined();
    expect(JSON.stringify((asked.body as TaskAnswer).task?.value?.card?.content)).toContain('"id":"newSkills"');

    const shared = await playground.invoke({
      name: 'composeExtension/submitAction',
      value: { commandId: 'shareTip', commandContext: 'compose', data: { ...tip, newSkills: 'Teams,productiviteit' } },
      ...base,
    });
    because(JSON.stringify(shared.body), () => expect(shared.status).toBe(200));
    const result = (shared.body as TaskAnswer).composeExtension;
    expect(result?.type).toBe('result');
    expect(result?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(result?.attachments?.[0]?.content)).toContain('Sneltoetsen in Teams');

    // The same tip is on the team's board in the tab: one person, every surface.
    const token = await devToken(service, {
      tenantId: DEMO_TENANT_ID,
      userId: '00000000-0000-0000-0000-0000000000021',
      name: 'Megan Bowen',
    });
    const { body } = await getJson<TipListResponse>(service, `/api/v1/teams/${DEMO_TEAM_ID}/tips?q=sneltoetsen`, token);
    expect(body.tips.map((t) => t.title)).toEqual(['Sneltoetsen in Teams']);
  });
});
