import { describe, expect, it } from '@jest/globals';
import type { TableClient } from '@azure/data-tables';
import { withOneRsvpWriterPerSession } from '../../bot/src/domain/delivery/rsvp-lanes';
import type { OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { recentResponders } from '../../bot/src/domain/rsvp/recent-responders';
import { createRsvpService } from '../../bot/src/domain/rsvp/rsvp-service';
import { createAnswersInFlight } from '../../bot/src/domain/rsvp/answers-in-flight';
import { createSessionCardView } from '../../bot/src/domain/sessions/session-card-view';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { storageFromClients } from '../../bot/src/storage/shared/create-storage';
import { rsvpKey, rsvpTallyKey, TABLES } from '../../bot/src/storage/shared/keys';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { ids, membership, session, team } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

// The answer to an RSVP is built from the session's tally row, never from every RSVP row (issue #12 item 6).
const storage = useTestStorage();

/** What reached the RSVP table: point reads by row key, and queries by their filter. */
interface RsvpTableCalls {
  readonly reads: { partitionKey: string; rowKey: string }[];
  readonly queries: string[];
}

/** The repositories over storage whose RSVP table records every read and query. */
function recordingRepositories(): { repos: Repositories; calls: RsvpTableCalls; recording: { on: boolean } } {
  const calls: RsvpTableCalls = { reads: [], queries: [] };
  const recording = { on: false };
  const clients = clientsFromConnectionString(storage.azurite.connectionString);
  const table = (name: string): TableClient => {
    const client = clients.table(name);
    if (name !== TABLES.rsvps) return client;
    return new Proxy(client, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (recording.on && property === 'getEntity') calls.reads.push({ partitionKey: String(args[0]), rowKey: String(args[1]) });
          if (recording.on && property === 'listEntities') calls.queries.push(JSON.stringify(args[0] ?? {}));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  };
  const repos = withOneRsvpWriterPerSession(storageFromClients({ ...clients, table }).repositories);
  return { repos, calls, recording };
}

async function seededSession(repos: Repositories, people: readonly string[], capacity: number | null) {
  const tenantId = ids.tenant();
  const teamId = ids.teamsThread();
  const sessionId = `s-${ids.user()}`;
  await repos.teams.upsert(team(tenantId, teamId));
  await repos.teams.addMembers(people.map((p) => membership(tenantId, teamId, p)));
  // Far ahead, so answers are open whatever today is.
  const startsAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  await repos.sessions.create(session(tenantId, teamId, sessionId, { capacity, startsAt }));
  return { tenantId, teamId, sessionId };
}

const expectedRecent = async (repos: Repositories, tenantId: string, sessionId: string) =>
  recentResponders(await repos.rsvps.listForSession(tenantId, sessionId)).map((r) => r.userId);

describe('RSVP answers from the tally', () => {
  it('after a burst with equal times, repeated answers and a promotion, the tally names the same 59 as all rows', async () => {
    const { repos } = recordingRepositories();
    const people = Array.from({ length: 90 }, (_, i) => `p${String((i * 37) % 90).padStart(2, '0')}`);
    const ref = await seededSession(repos, people, 70);
    const base = Date.now();
    // Three people per millisecond: the order among them comes from the user id, not from storage.
    const answered = await Promise.all(
      people.map((p, i) => repos.rsvps.respond(ref, p, i % 7 === 0 ? 'maybe' : 'yes', new Date(base + Math.floor(i / 3)))),
    );
    expect(answered.filter((o) => o.rsvp.waitlisted)).not.toHaveLength(0);
    // Some answer again later: a going person leaves (someone waiting is promoted), a "maybe" comes.
    const going = answered.find((o) => o.rsvp.response === 'yes' && !o.rsvp.waitlisted)?.rsvp.userId ?? '';
    const maybe = answered.find((o) => o.rsvp.response === 'maybe')?.rsvp.userId ?? '';
    const left = await repos.rsvps.respond(ref, going, 'no', new Date(base + 100));
    expect(left.promoted).toBeDefined();
    const again = await repos.rsvps.respond(ref, maybe, 'yes', new Date(base + 101));

    const expected = await expectedRecent(repos, ref.tenantId, ref.sessionId);
    expect(expected).toHaveLength(59);
    expect(expected.slice(0, 2)).toEqual([maybe, going]);
    expect(await repos.rsvps.recentResponders(ref.tenantId, ref.sessionId)).toEqual(expected);
    expect(again.recentResponders).toEqual(expected);
  });

  it('an answer and its card read the tally and the person’s own row, no other RSVP row', async () => {
    const { repos, calls, recording } = recordingRepositories();
    const others = Array.from({ length: 30 }, (_, i) => `other-${i}`);
    const me = 'me-user';
    const ref = await seededSession(repos, [...others, me], null);
    const base = Date.now();
    await Promise.all(others.map((p, i) => repos.rsvps.respond(ref, p, 'yes', new Date(base + i))));
    const jobs: OutboxJob[] = [];
    const rsvps = createRsvpService({
      repositories: repos,
      outbox: { enqueue: async (job) => void jobs.push(job) },
      now: () => new Date(),
      inFlight: createAnswersInFlight(),
    });
    const cardView = createSessionCardView(repos);

    recording.on = true;
    const answered = await rsvps.respond({ tenantId: ref.tenantId, userId: me }, ref.teamId, ref.sessionId, 'yes');
    if (!answered.ok) throw new Error(`the answer failed: ${answered.failure.kind}`);
    const card = await cardView(ref.tenantId, ref.teamId, ref.sessionId, me, answered.value);
    // A refresh of the card (no answer in hand) reads the same rows, not more.
    const refreshed = await cardView(ref.tenantId, ref.teamId, ref.sessionId, me);
    recording.on = false;

    const allowed = new Set([rsvpKey(ref.tenantId, ref.sessionId, me).rowKey, rsvpTallyKey(ref.tenantId, ref.sessionId).rowKey]);
    const partition = rsvpTallyKey(ref.tenantId, ref.sessionId).partitionKey;
    expect(calls.reads.filter((r) => r.partitionKey === partition && !allowed.has(r.rowKey))).toEqual([]);
    expect(calls.reads.length).toBeGreaterThan(0);
    // No query at all in the session's partition (a query is how every row would be read).
    expect(calls.queries).toEqual([]);
    if (!card.ok || !refreshed.ok) throw new Error('no card view');
    const expected = await expectedRecent(repos, ref.tenantId, ref.sessionId);
    expect(card.value.recentResponders).toEqual(expected);
    expect(refreshed.value.recentResponders).toEqual(expected);
    expect(card.value.viewerRsvp?.response).toBe('yes');
    expect(card.value.session.counts.yes).toBe(31);
    expect(jobs).toEqual([{ kind: 'updateInvite', ...ref }]);
  });
});
