import { describe, expect, it } from '@jest/globals';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { NotFoundError } from '../../bot/src/domain/shared/repositories';
import type { RsvpAnswer, RsvpOutcome } from '../../bot/src/domain/shared/repositories';
import { withOneRsvpWriterPerSession } from '../../bot/src/domain/delivery/rsvp-lanes';
import type { RsvpResponse } from '../../bot/src/domain/sessions/session';
import { rsvpTallyKey, TABLES } from '../../bot/src/storage/shared/keys';
import { ids, rawTable, session } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

// Group commit of RSVPs (repository `respondMany`, drained by the lane in domain/delivery/rsvp-lanes.ts).
const storage = useTestStorage();

async function newSession(capacity: number | null) {
  const ref = { tenantId: ids.tenant(), teamId: ids.teamsThread(), sessionId: `s-${ids.user()}` };
  await storage.repos.sessions.create({ ...session(ref.tenantId, ref.teamId, ref.sessionId), capacity });
  return ref;
}

/** The tally row's version: it goes up by one per committed transaction. */
async function tallyVersion(ref: { tenantId: string; sessionId: string }): Promise<number> {
  const key = rsvpTallyKey(ref.tenantId, ref.sessionId);
  const row = await rawTable(storage.azurite.connectionString, TABLES.rsvps).getEntity<{ version: number }>(key.partitionKey, key.rowKey);
  return row.version;
}

const at = (second: number) => new Date(Date.UTC(2026, 10, 27, 12, 0, second));
const answer = (userId: string, response: RsvpResponse, second: number): RsvpAnswer => ({ userId, response, now: at(second) });

describe('RSVP group commit', () => {
  it('capacity 3, ten answers in one batch: the first three go, seven wait in arrival order, one transaction', async () => {
    const ref = await newSession(3);
    // Arrival order deliberately not alphabetical, so the line cannot follow the user ids by accident.
    const people = ['kim', 'bo', 'zed', 'al', 'yan', 'cy', 'xu', 'di', 'wu', 'ed'];
    const outcomes = await storage.repos.rsvps.respondMany(
      ref,
      people.map((p, i) => answer(p, 'yes', i)),
    );

    expect(outcomes.map((o) => [o.rsvp.userId, o.rsvp.waitlisted === true])).toEqual(people.map((p, i) => [p, i >= 3]));
    for (const o of outcomes) expect(o.session.counts).toEqual({ yes: 3, maybe: 0, no: 0, waitlisted: 7 });
    const stored = await storage.repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId);
    expect(stored?.counts).toEqual({ yes: 3, maybe: 0, no: 0, waitlisted: 7 });
    expect(await tallyVersion(ref)).toBe(1);
    const rows = await storage.repos.rsvps.listForSession(ref.tenantId, ref.sessionId);
    expect(
      rows
        .filter((r) => !r.waitlisted)
        .map((r) => r.userId)
        .sort(),
    ).toEqual(['bo', 'kim', 'zed']);

    // The line is the arrival order: the confirmed leaving one by one promote al, yan, cy in turn.
    const promoted: (string | undefined)[] = [];
    for (const [i, who] of ['kim', 'bo', 'zed'].entries()) {
      promoted.push((await storage.repos.rsvps.respond(ref, who, 'no', at(20 + i))).promoted?.userId);
    }
    expect(promoted).toEqual(['al', 'yan', 'cy']);
  });

  it('someone going says "no" inside a batch: the first waiting is promoted in the same transaction', async () => {
    const ref = await newSession(2);
    for (const [i, who] of ['a', 'b', 'c', 'd'].entries()) await storage.repos.rsvps.respond(ref, who, 'yes', at(i));
    const before = await tallyVersion(ref);

    const [leaving, late] = await storage.repos.rsvps.respondMany(ref, [answer('a', 'no', 10), answer('e', 'yes', 11)]);
    expect(leaving?.rsvp.response).toBe('no');
    expect(leaving?.promoted?.userId).toBe('c');
    expect(leaving?.promoted?.waitlisted).toBeUndefined();
    expect(late?.rsvp.waitlisted).toBe(true);
    expect(late?.promoted).toBeUndefined();
    expect(late?.session.counts).toEqual({ yes: 2, maybe: 0, no: 1, waitlisted: 2 });
    expect(await tallyVersion(ref)).toBe(before + 1);
    expect((await storage.repos.rsvps.get(ref.tenantId, ref.sessionId, 'c'))?.waitlisted).toBeUndefined();
    expect((await storage.repos.rsvps.get(ref.tenantId, ref.sessionId, 'd'))?.waitlisted).toBe(true);
    // The person index follows the promotion too.
    expect((await storage.repos.rsvps.listForUser(ref.tenantId, 'c'))[0]?.waitlisted).toBeUndefined();
  });

  it('the same person answering "yes" then "no" in one batch ends at "no"', async () => {
    const ref = await newSession(null);
    const outcomes = await storage.repos.rsvps.respondMany(ref, [
      answer('ann', 'yes', 1),
      answer('bob', 'maybe', 2),
      answer('ann', 'no', 3),
    ]);
    expect(outcomes.map((o) => o.rsvp.response)).toEqual(['yes', 'maybe', 'no']);
    expect(outcomes[2]?.session.counts).toEqual({ yes: 0, maybe: 1, no: 1 });
    expect((await storage.repos.rsvps.get(ref.tenantId, ref.sessionId, 'ann'))?.response).toBe('no');
    expect((await storage.repos.rsvps.listForUser(ref.tenantId, 'ann')).map((r) => r.response)).toEqual(['no']);
    expect((await storage.repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId))?.counts).toEqual({ yes: 0, maybe: 1, no: 1 });
  });

  it('a batch stores exactly what the same answers one by one store (capacity, line, promotions, repeats)', async () => {
    const script: [string, RsvpResponse][] = [
      ['p', 'yes'],
      ['q', 'yes'],
      ['r', 'yes'],
      ['s', 'maybe'],
      ['t', 'yes'],
      ['p', 'yes'],
      ['q', 'no'],
      ['u', 'yes'],
      ['r', 'maybe'],
      ['t', 'no'],
      ['v', 'yes'],
      ['p', 'maybe'],
      ['u', 'yes'],
      ['w', 'no'],
      ['s', 'yes'],
      ['v', 'no'],
    ];
    const answers = script.map(([who, response], i) => answer(who, response, i));
    const oneByOne = await newSession(2);
    const single: RsvpOutcome[] = [];
    for (const a of answers) single.push(await storage.repos.rsvps.respond(oneByOne, a.userId, a.response, a.now));
    const grouped = await newSession(2);
    const batch = await storage.repos.rsvps.respondMany(grouped, answers);

    const shape = (o: RsvpOutcome) => ({ rsvp: { ...o.rsvp, sessionId: '', teamId: '', tenantId: '' }, promoted: o.promoted?.userId });
    expect(batch.map(shape)).toEqual(single.map(shape));
    expect(batch.at(-1)?.session.counts).toEqual(single.at(-1)?.session.counts);
    const rows = async (ref: { tenantId: string; sessionId: string }) =>
      (await storage.repos.rsvps.listForSession(ref.tenantId, ref.sessionId))
        .map((r) => [r.userId, r.response, r.waitlisted === true, r.respondedAt])
        .sort();
    expect(await rows(grouped)).toEqual(await rows(oneByOne));
    expect(await tallyVersion(grouped)).toBe(1);
  });

  it('200 answers at once through the lane: exactly 200 rows and counts, in far fewer transactions', async () => {
    const lanes = withOneRsvpWriterPerSession(storage.repos);
    const ref = await newSession(50);
    const now = new Date();
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => lanes.rsvps.respond(ref, `user-${i}`, 'yes', now)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const stored = await storage.repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId);
    expect(stored?.counts).toEqual({ yes: 50, maybe: 0, no: 0, waitlisted: 150 });
    const rows = await storage.repos.rsvps.listForSession(ref.tenantId, ref.sessionId);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => !r.waitlisted)).toHaveLength(50);
    // One transaction per round of at most 40: 200 answers need at least 5, and far fewer than 200.
    const transactions = await tallyVersion(ref);
    expect(transactions).toBeGreaterThanOrEqual(5);
    expect(transactions).toBeLessThan(20);
    // Every caller got its own outcome, all with the same final counts.
    const outcomes = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(new Set(outcomes.map((o) => o.rsvp.userId)).size).toBe(200);
    expect(outcomes.filter((o) => o.rsvp.waitlisted)).toHaveLength(150);
  });

  it('two instances (two lanes) answering one session at once settle through the ETags', async () => {
    const one = withOneRsvpWriterPerSession(storage.repos);
    const two = withOneRsvpWriterPerSession(storage.repos);
    const ref = await newSession(30);
    const now = new Date();
    const results = await Promise.allSettled(
      Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? one : two).rsvps.respond(ref, `user-${i}`, i % 3 === 0 ? 'maybe' : 'yes', now)),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const stored = await storage.repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId);
    expect(stored?.counts).toEqual({ yes: 30, maybe: 40, no: 0, waitlisted: 50 });
    expect(await storage.repos.rsvps.listForSession(ref.tenantId, ref.sessionId)).toHaveLength(120);
  });

  it('a batch that fails fails every answer in it; an unknown answer sinks nobody else', async () => {
    const lanes = withOneRsvpWriterPerSession(storage.repos);
    const missing = { tenantId: ids.tenant(), teamId: ids.teamsThread(), sessionId: 'no-such-session' };
    const failed = await Promise.allSettled(['x', 'y', 'z'].map((u) => lanes.rsvps.respond(missing, u, 'yes', new Date())));
    for (const r of failed) {
      expect(r.status).toBe('rejected');
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(NotFoundError);
    }

    const ref = await newSession(null);
    const [bad, good] = await Promise.allSettled([
      lanes.rsvps.respond(ref, 'odd', 'perhaps' as RsvpResponse, new Date()),
      lanes.rsvps.respond(ref, 'fine', 'maybe', new Date()),
    ]);
    expect(bad.status).toBe('rejected');
    if (bad.status === 'rejected') expect(bad.reason).toBeInstanceOf(TypeError);
    expect(good.status).toBe('fulfilled');
    expect(await storage.repos.rsvps.listForSession(ref.tenantId, ref.sessionId)).toHaveLength(1);
  });

  it('more answers than one transaction holds are refused before anything is written', async () => {
    const ref = await newSession(null);
    const many = Array.from({ length: 41 }, (_, i) => answer(`u-${i}`, 'yes', i));
    await expect(storage.repos.rsvps.respondMany(ref, many)).rejects.toBeInstanceOf(RangeError);
    expect(await storage.repos.rsvps.listForSession(ref.tenantId, ref.sessionId)).toEqual([]);
  });

  it('a batch of 40 whose people all answered before reads their rows with no filter over 15 comparisons (the Table service limit)', async () => {
    const ref = await newSession(null);
    const people = Array.from({ length: 40 }, (_, i) => `p-${i}`);
    await storage.repos.rsvps.respondMany(
      ref,
      people.map((p, i) => answer(p, 'yes', i)),
    );
    // Every request's $filter, while the same 40 answer again.
    const filters: string[] = [];
    const onRequest = (message: unknown) => {
      const { request } = message as { request: ClientRequest };
      const filter = new URL(request.path, 'http://storage').searchParams.get('$filter');
      if (filter) filters.push(filter);
    };
    subscribe('http.client.request.start', onRequest);
    try {
      const outcomes = await storage.repos.rsvps.respondMany(
        ref,
        people.map((p, i) => answer(p, 'maybe', 50 + i)),
      );
      expect(outcomes.map((o) => o.rsvp.response)).toEqual(people.map(() => 'maybe'));
    } finally {
      unsubscribe('http.client.request.start', onRequest);
    }
    const comparisons = filters.map((f) => f.split(/ (?:eq|ne|gt|ge|lt|le) /).length - 1);
    expect(comparisons.length).toBeGreaterThan(0);
    expect(Math.max(...comparisons)).toBeLessThanOrEqual(15);
    const stored = await storage.repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId);
    expect(stored?.counts).toMatchObject({ yes: 0, maybe: 40 });
  });
});
