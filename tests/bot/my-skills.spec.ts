import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { RunningService } from '../../bot/src/server';
import { MEGAN, personalMessage, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { startTestService } from '../support/service';

let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService(), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});
beforeEach(() => {
  connector.sent.length = 0;
});

/** Says something to the bot in the personal chat and waits for its one answer. */
async function say(text: string, locale = 'en-US'): Promise<{ text: string; card: string }> {
  const before = connector.sent.length;
  const res = await postActivity(service.url, personalMessage(connector.serviceUrl, text, MEGAN, { locale }));
  expect(res.status).toBeLessThan(300);
  await connector.waitFor(before + 1);
  const activity = connector.sent.at(-1)?.activity;
  return { text: activity?.text ?? '', card: JSON.stringify(activity?.attachments?.[0]?.content ?? null) };
}

async function teaches() {
  return (await service.repositories.members.get(PLAYGROUND_TENANT, MEGAN.aadObjectId ?? ''))?.teaches;
}

describe('"my skills" adds, "my skills only" replaces, levels can be said', () => {
  it('"my skills only: …" replaces the whole list, with the levels said', async () => {
    await say('my skills only: TypeScript 3, Excel');
    expect(await teaches()).toEqual([
      { name: 'TypeScript', level: 3 },
      { name: 'Excel', level: 2 },
    ]);
  });

  it('"my skills: …" adds, keeps existing skills and levels, and lists the skills one per line', async () => {
    const { card } = await say('my skills: Docker, js: 1');
    expect(await teaches()).toEqual([
      { name: 'TypeScript', level: 3 },
      { name: 'Excel', level: 2 },
      { name: 'Docker', level: 2 },
      { name: 'JavaScript', level: 1 },
    ]);
    expect(card).toContain('TypeScript (level 3)\\nExcel (level 2)\\nDocker (level 2)\\nJavaScript (level 1)');
    expect(card).toContain('"title":"js","value":"→ JavaScript"');
  });

  it('a level said for a skill already there changes only that level', async () => {
    await say('mijn vaardigheden: excel 3');
    expect(await teaches()).toEqual([
      { name: 'TypeScript', level: 3 },
      { name: 'Excel', level: 3 },
      { name: 'Docker', level: 2 },
      { name: 'JavaScript', level: 1 },
    ]);
  });

  it('a level outside 1–3 gets a friendly hint in the person’s language and changes nothing', async () => {
    const before = await teaches();
    const nl = await say('mijn vaardigheden: Docker 7', 'nl-NL');
    expect(nl.text).toContain('Niveau “7” voor Docker kan ik niet gebruiken');
    const en = await say('my skills: Kubernetes: 0');
    expect(en.text).toContain('I could not use level “0” for Kubernetes');
    expect(await teaches()).toEqual(before);
  });

  it('"alleen mijn vaardigheden: …" replaces in Dutch, keeping the level a kept skill had', async () => {
    await say('alleen mijn vaardigheden: Docker, TypeScript');
    expect(await teaches()).toEqual([
      { name: 'Docker', level: 2 },
      { name: 'TypeScript', level: 3 },
    ]);
  });

  it('the help card explains both commands', async () => {
    const { card } = await say('help');
    expect(card).toContain('my skills: a 3, b');
    expect(card).toContain('my skills only: a, b');
    const nl = await say('hulp', 'nl-NL');
    expect(nl.card).toContain('alleen mijn vaardigheden: a, b');
  });
});
