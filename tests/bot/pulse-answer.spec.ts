import { beforeAll, describe, expect, it } from '@jest/globals';
import type { PulseResults } from '../../bot/src/api/contract';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import { CHANNEL_ID, TEAM_ID, execute, invokeActivity, people, useSeededBot } from '../support/bot/session-fixtures';
import type { InvokeBody } from '../support/bot/session-fixtures';
import { callApi, devToken } from '../support/service';

/**
 * The pulse card's `pulseAnswer` verb through the real CloudAdapter: the answer comes back as the same
 * card in place (thanks, or a friendly refusal in the person's language), never an error.
 */
let clock = new Date();
const bot = useSeededBot(() => clock);
let ownerToken = '';

beforeAll(async () => {
  ownerToken = await devToken(bot.service, { tenantId: PLAYGROUND_TENANT, userId: people.host.aadObjectId, name: people.host.name });
});

/** An owner's pulse, a minute after the last. */
async function postPulse(): Promise<string> {
  clock = new Date(clock.getTime() + 60_000);
  const posted = await callApi<PulseResults>(bot.service, ownerToken, 'POST', `/teams/${encodeURIComponent(TEAM_ID)}/pulses`, {});
  expect(posted.status).toBe(202);
  return posted.body.pulseId;
}

async function press(data: Record<string, unknown>, from: ActivityUser, locale = 'en-US'): Promise<InvokeBody> {
  const res = await postActivity(
    bot.service.url,
    invokeActivity(bot.connector.serviceUrl, 'adaptiveCard/action', execute('pulseAnswer', data), from, { channelId: CHANNEL_ID, locale }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as InvokeBody;
}

const cardOf = (body: InvokeBody): AdaptiveCard => {
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value as AdaptiveCard;
};
const textOf = (card: AdaptiveCard) => JSON.stringify(card.body);
const inputsOf = (card: AdaptiveCard) => card.body.filter((e) => e.type === 'Input.ChoiceSet').length;
const scores = { learnedFromColleague: '4', timeToLearn: '3', wouldRecommend: '5' };

describe('pulseAnswer (Action.Execute on the pulse card)', () => {
  it('an answer: the card comes back saying thanks, with the count and without the inputs', async () => {
    const pulseId = await postPulse();
    const card = cardOf(await press({ teamId: TEAM_ID, pulseId, ...scores }, people.ann));
    expect(textOf(card)).toContain('Thanks, your answer is in!');
    expect(textOf(card)).toContain('1 colleague answered so far.');
    expect(inputsOf(card)).toBe(0);
    expect(card.actions ?? []).toEqual([]);
  });

  it('a second answer of the same person is refused kindly, in their language; the count stays', async () => {
    const pulseId = await postPulse();
    cardOf(await press({ teamId: TEAM_ID, pulseId, ...scores }, people.bob));
    const card = cardOf(await press({ teamId: TEAM_ID, pulseId, ...scores, timeToLearn: '1' }, people.bob, 'nl-NL'));
    expect(textOf(card)).toContain('Je hebt deze peiling al ingevuld. Dank je wel!');
    expect(textOf(card)).toContain('1 collega heeft al geantwoord.');
    expect(inputsOf(card)).toBe(0);
  });

  it('a score outside 1–5: a card error message, the inputs stay so they can try again; nothing counted', async () => {
    const pulseId = await postPulse();
    const card = cardOf(await press({ teamId: TEAM_ID, pulseId, ...scores, learnedFromColleague: '9' }, people.cleo));
    expect(textOf(card)).toContain('Some of the details are not right.');
    expect(textOf(card)).toContain('0 colleagues answered so far.');
    expect(inputsOf(card)).toBe(3);
    expect(card.actions?.map((a) => (a.type === 'Action.Execute' ? a.verb : a.type))).toEqual(['pulseAnswer']);
  });

  it('a closed pulse: the card says so, without inputs', async () => {
    const pulseId = await postPulse();
    clock = new Date(clock.getTime() + 15 * 86_400_000);
    const card = cardOf(await press({ teamId: TEAM_ID, pulseId, ...scores }, people.ann));
    expect(textOf(card)).toContain('This pulse is closed: it no longer takes answers.');
    expect(textOf(card)).toContain('This pulse is closed.');
    expect(inputsOf(card)).toBe(0);
  });

  it('a card with forged data gets a plain message, not an error', async () => {
    const body = await press({ teamId: TEAM_ID, pulseId: '../../etc', ...scores }, people.ann);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
  });
});
