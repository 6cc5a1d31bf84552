import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { AdaptiveCard, ExecuteAction } from '../../bot/src/cards/shared/adaptive-card';
import type { RunningService } from '../../bot/src/server';
import { personalInvoke, personalMessage, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { startTestService } from '../support/service';

let service: RunningService;
let connector: FakeConnector;

/** A person of their own, so other specs' profiles do not meet this one's. */
const TESS: ActivityUser = { id: `29:tess-${randomUUID()}`, name: 'Tess Typo', aadObjectId: randomUUID() };
const OTHER: ActivityUser = { id: `29:olaf-${randomUUID()}`, name: 'Olaf Other', aadObjectId: randomUUID() };

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService(), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});
beforeEach(() => {
  connector.sent.length = 0;
});

async function say(text: string, from: ActivityUser = TESS, locale = 'en-US'): Promise<AdaptiveCard | string> {
  const before = connector.sent.length;
  const res = await postActivity(service.url, personalMessage(connector.serviceUrl, text, from, { locale }));
  expect(res.status).toBeLessThan(300);
  await connector.waitFor(before + 1);
  const activity = connector.sent.at(-1)?.activity;
  return (activity?.attachments?.[0]?.content as AdaptiveCard | undefined) ?? activity?.text ?? '';
}

interface InvokeAnswer {
  readonly type?: string;
  readonly value?: unknown;
}

async function press(action: ExecuteAction | undefined, from: ActivityUser = TESS, locale = 'en-US'): Promise<InvokeAnswer> {
  const value = { action: { type: 'Action.Execute', verb: action?.verb, data: action?.data }, trigger: 'manual' };
  const res = await postActivity(service.url, personalInvoke(connector.serviceUrl, 'adaptiveCard/action', value, { from, locale }));
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeAnswer;
}

const buttons = (card: AdaptiveCard | string): ExecuteAction[] =>
  typeof card === 'string' ? [] : (card.actions ?? []).filter((a): a is ExecuteAction => a.type === 'Action.Execute');
const teaches = async (who: ActivityUser = TESS) =>
  (await service.repositories.members.get(PLAYGROUND_TENANT, who.aadObjectId ?? ''))?.teaches ?? [];

describe('"my skills: Typscript" asks "did you mean TypeScript?" before storing anything', () => {
  it('answers a card offering TypeScript or "add Typscript as new"; nothing is stored yet', async () => {
    await say('my skills: Excel');
    const card = await say('my skills: Typscript 3, SQL');
    expect(JSON.stringify(card)).toContain('“Typscript” is not a skill PeerLearn knows yet. Did you mean one of these?');
    expect(buttons(card).map((b) => b.title)).toEqual(['TypeScript', 'Add “Typscript” as a new skill']);
    expect(JSON.stringify(card).length).toBeLessThan(20_000);
    expect(await teaches()).toEqual([{ name: 'Excel', level: 2 }]);
  });

  it('choosing TypeScript stores it with the level said, and answers the saved profile', async () => {
    const card = await say('my skills: Typscript 3, SQL');
    const answer = await press(buttons(card)[0]);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toContain('TypeScript (level 3)');
    expect(await teaches()).toEqual([
      { name: 'Excel', level: 2 },
      { name: 'TypeScript', level: 3 },
      { name: 'SQL', level: 2 },
    ]);
  });

  it('"add as new" stores the skill as typed, asking about each unknown skill in turn, in Dutch too', async () => {
    const first = await say('mijn vaardigheden: Dokcer, Origami', TESS, 'nl-NL');
    expect(JSON.stringify(first)).toContain('“Dokcer” kent PeerLearn nog niet als vaardigheid. Bedoelde je een van deze?');
    expect(buttons(first).map((b) => b.title)).toEqual(['Docker', '“Dokcer” toevoegen als nieuwe vaardigheid']);
    const second = await press(buttons(first)[1], TESS, 'nl-NL');
    expect(JSON.stringify(second.value)).toContain('Toevoegen als nieuwe vaardigheid van je team?');
    const next = buttons(second.value as AdaptiveCard);
    expect(next.map((b) => b.title)).toEqual(['“Origami” toevoegen als nieuwe vaardigheid']);
    await press(next[0], TESS, 'nl-NL');
    expect((await teaches()).map((s) => s.name)).toEqual(['Excel', 'TypeScript', 'SQL', 'Dokcer', 'Origami']);
    // Once stored, the skill is never asked about again.
    expect(JSON.stringify(await say('my skills: Dokcer 3'))).toContain('Dokcer (level 3)');
  });

  it('someone else pressing the question changes nothing of theirs or of the asker', async () => {
    const card = await say('my skills: Kubernets');
    const answer = await press(buttons(card)[0], OTHER);
    expect(JSON.stringify(answer.value)).toContain('This question was for a colleague');
    expect(await teaches(OTHER)).toEqual([]);
    expect((await teaches()).map((s) => s.name)).not.toContain('Kubernetes');
  });
});
