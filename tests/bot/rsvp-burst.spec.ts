import { describe, expect, it } from '@jest/globals';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { rsvpTallyKey, TABLES } from '../../bot/src/storage/shared/keys';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import type { ActivityUser } from '../support/activities';
import { TEAM_ID, execute, invokeActivity, useSeededBot, planThroughCard } from '../support/bot/session-fixtures';
import { rawTable } from '../support/storage/fixtures';

/**
 * A burst of RSVPs to one session through the real service (CloudAdapter, RSVP service, the lane's
 * group commit in domain/delivery/rsvp-lanes.ts, the person index written behind the answers).
 * The clock ticks one millisecond per reading, so each answer's time is the order the service took it in.
 */
const PEOPLE = 60;
const CAPACITY = 10;
const start = Date.now();
let ticks = 0;
const bot = useSeededBot(() => new Date(start + ticks++));

const crowd: ActivityUser[] = Array.from({ length: PEOPLE }, (_, i) => {
  const n = String(i + 1).padStart(4, '0');
  return { id: `29:burst-${n}`, name: `Burst ${n}`, aadObjectId: `00000000-0000-4000-8000-0000000b${n}` };
});

async function rsvp(session: LearningSession, from: ActivityUser, response: 'yes' | 'no'): Promise<string> {
  const res = await postActivity(
    bot.service.url,
    invokeActivity(
      bot.connector.serviceUrl,
      'adaptiveCard/action',
      execute('rsvp', { sessionId: session.sessionId, teamId: TEAM_ID, response }),
      from,
    ),
  );
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

const plan = (title: string) =>
  planThroughCard(bot, { title, date: new Date(start + 6 * 86_400_000).toISOString().slice(0, 10), capacity: String(CAPACITY) });

/** The tally row's version: one more per committed transaction of the session's answers. */
async function transactions(session: LearningSession): Promise<number> {
  const key = rsvpTallyKey(PLAYGROUND_TENANT, session.sessionId);
  const row = await rawTable(bot.service.storageConnectionString, TABLES.rsvps).getEntity<{ version: number }>(
    key.partitionKey,
    key.rowKey,
  );
  return row.version;
}

describe(`${PEOPLE} RSVPs to one session at once`, () => {
  it(`capacity ${CAPACITY}: all stored, exactly ${CAPACITY} going and the rest waiting in the order taken, in far fewer transactions than answers`, async () => {
    const session = await plan('Burst room');
    const answers = await Promise.all(crowd.map((p) => rsvp(session, p, 'yes')));
    expect(answers.filter((a) => a.includes('You are going.'))).toHaveLength(CAPACITY);
    expect(answers.filter((a) => a.includes('You are on the waitlist'))).toHaveLength(PEOPLE - CAPACITY);

    const rows = await bot.service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, session.sessionId);
    expect(rows).toHaveLength(PEOPLE);
    // In the order the service took them: the first CAPACITY have the places, everyone after waits.
    const taken = [...rows].sort((a, b) => a.respondedAt.localeCompare(b.respondedAt));
    expect(taken.map((r) => r.waitlisted === true)).toEqual(taken.map((_, i) => i >= CAPACITY));
    const stored = await bot.service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM_ID, session.sessionId);
    expect(stored?.counts).toEqual({ yes: CAPACITY, maybe: 0, no: 0, waitlisted: PEOPLE - CAPACITY });
    // One transaction per answer without the group commit; with it, a handful per burst.
    expect(await transactions(session)).toBeLessThanOrEqual(PEOPLE / 4);

    // The line is that order: someone going leaves, and the first waiting gets the place.
    const [leaving] = taken;
    const firstWaiting = taken[CAPACITY];
    if (!leaving || !firstWaiting) throw new Error('no rows');
    const left = crowd.find((p) => p.aadObjectId === leaving.userId);
    if (!left) throw new Error('unknown person');
    await rsvp(session, left, 'no');
    expect(
      (await bot.service.repositories.rsvps.get(PLAYGROUND_TENANT, session.sessionId, firstWaiting.userId))?.waitlisted,
    ).toBeUndefined();

    // Each person's index row ("my sessions") holds their state after the burst.
    const indexed = await Promise.all(crowd.map((p) => bot.service.repositories.rsvps.listForUser(PLAYGROUND_TENANT, p.aadObjectId ?? '')));
    const byPerson = new Map(indexed.map((list, i) => [crowd[i]?.aadObjectId, list.map((r) => [r.response, r.waitlisted === true])]));
    expect(byPerson.get(leaving.userId)).toEqual([['no', false]]);
    expect(byPerson.get(firstWaiting.userId)).toEqual([['yes', false]]);
    expect([...byPerson.values()].filter((list) => list.length === 1 && list[0]?.[1] === true)).toHaveLength(PEOPLE - CAPACITY - 1);
  });
});
