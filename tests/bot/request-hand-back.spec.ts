import { beforeEach, describe, expect, it } from '@jest/globals';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import { TEAM_ID, execute, invokeActivity, messageActivity, people, useSeededBot } from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';

/** Issue #12: "Hand it back" on the request card in the channel, through the real CloudAdapter; only the taker or an owner may. */
const now = new Date();
const bot = useSeededBot(() => now);
beforeEach(() => {
  bot.connector.sent.length = 0;
});

const press = async (verb: string, data: unknown, who: ActivityUser, locale = 'en-US'): Promise<InvokeBody> => {
  const activity = invokeActivity(bot.connector.serviceUrl, 'adaptiveCard/action', execute(verb, data as Record<string, unknown>), who, {
    locale,
  });
  const res = await postActivity(bot.service.url, activity);
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeBody;
};

describe('handing a learning request back from its card', () => {
  it('the card shows who planned it with a hand-back button; a colleague is refused (nl), the taker gets it open again', async () => {
    await postActivity(bot.service.url, messageActivity(bot.connector.serviceUrl, 'I want to learn Python', people.ann));
    await bot.connector.waitFor(1);
    const repos = bot.service.repositories;
    const request = (await repos.learningRequests.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).requests.find((r) => r.skill === 'Python');
    if (!request) throw new Error('not asked');
    // Bob planned a session from it (the save takes it: see tests/storage/request-loops.spec.ts).
    await repos.learningRequests.update(PLAYGROUND_TENANT, TEAM_ID, request.requestId, (r) => ({
      ...r,
      status: 'planned',
      takenBy: people.bob.aadObjectId,
      sessionId: 's-terraform',
      updatedAt: now.toISOString(),
    }));
    const data = { requestId: request.requestId };

    // A +1 on the planned request answers why not, and shows nothing else.
    const refusedVote = await press('voteRequest', data, people.cleo);
    expect(refusedVote).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(refusedVote.value)).toContain('Someone planned a session for this already.');

    const refused = await press('handBackRequest', data, people.cleo, 'nl-NL');
    expect(refused).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'Alleen wie deze vraag oppakte en de eigenaren van het team kunnen hem teruggeven.',
    });
    expect(await repos.learningRequests.get(PLAYGROUND_TENANT, TEAM_ID, request.requestId)).toMatchObject({ status: 'planned' });

    const handed = await press('handBackRequest', data, people.bob);
    expect(handed.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = JSON.stringify(handed.value);
    expect(card).toContain('"verb":"voteRequest"');
    expect(card).not.toContain('handBackRequest');
    expect(await repos.learningRequests.get(PLAYGROUND_TENANT, TEAM_ID, request.requestId)).toMatchObject({ status: 'open' });

    // Nothing left to hand back; a forged id is refused before storage.
    const again = await press('handBackRequest', data, people.bob);
    expect(JSON.stringify(again.value)).toContain('Nobody has taken this request');
    expect((await press('handBackRequest', { requestId: "x' or 1 eq 1" }, people.bob)).statusCode).toBe(400);
  });

  it('a planned request’s card names the planner and carries the hand-back button', async () => {
    const { learningRequestCard } = await import('../../bot/src/cards/requests/learning-request-card');
    const card = JSON.stringify(
      learningRequestCard(
        {
          request: {
            tenantId: PLAYGROUND_TENANT,
            teamId: TEAM_ID,
            requestId: 'r1',
            authorUserId: people.ann.aadObjectId,
            skill: 'Python',
            status: 'planned',
            votes: 2,
            takenBy: people.bob.aadObjectId,
            sessionId: 's1',
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
          },
          authorName: 'Ann Attendee',
          created: true,
          experts: [],
          takerName: 'Bob Builder',
        },
        'nl',
      ),
    );
    expect(card).toContain('Bob Builder plande hier een sessie voor.');
    expect(card).toContain('"title":"Teruggeven"');
    expect(card).not.toContain('voteRequest');
  });
});
