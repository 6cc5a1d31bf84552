import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConcurrencyError } from '../../bot/src/domain/shared/repositories';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { createStorage, storageFromClients } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { backoffDelay, DEFAULT_CONFLICT_RETRY } from '../../bot/src/storage/shared/etag-retry';
import { sessionKey, TABLES } from '../../bot/src/storage/shared/keys';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import type { StorageClients } from '../../bot/src/storage/shared/storage-clients';
import { startTestAzurite } from '../support/azurite';
import { ids, profile, rawTable, session, team } from '../support/storage/fixtures';

let azurite: EmbeddedAzurite;
let repos: Repositories;

beforeAll(async () => {
  azurite = await startTestAzurite();
  const storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  repos = storage.repositories;
});

afterAll(async () => {
  await azurite?.stop();
});

async function newSession(): Promise<{ tenantId: string; teamId: string; sessionId: string }> {
  const ref = { tenantId: ids.tenant(), teamId: ids.teamsThread(), sessionId: `s-${ids.user()}` };
  // No capacity: these tests are about lost updates (waitlists: rsvp-waitlist.spec.ts).
  await repos.sessions.create({ ...session(ref.tenantId, ref.teamId, ref.sessionId), capacity: null });
  return ref;
}

describe('RSVP counts under concurrency', () => {
  it('50 people answering at once: no lost update', async () => {
    const ref = await newSession();
    const users = Array.from({ length: 50 }, (_, i) => `user-${i}`);
    const results = await Promise.all(users.map((u) => repos.rsvps.respond(ref, u, 'yes', new Date())));
    expect((await repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId))?.counts).toEqual({ yes: 50, maybe: 0, no: 0 });
    expect(await repos.rsvps.listForSession(ref.tenantId, ref.sessionId)).toHaveLength(50);
    // Every caller sees a session that includes its own answer.
    for (const r of results) expect(r.session.counts.yes).toBeGreaterThanOrEqual(1);
    expect(Math.max(...results.map((r) => r.session.counts.yes))).toBe(50);
  });

  it('one person changing yes → no moves the count, also amid others', async () => {
    const ref = await newSession();
    await repos.rsvps.respond(ref, 'ann', 'yes', new Date());
    await Promise.all([
      repos.rsvps.respond(ref, 'ann', 'no', new Date()),
      ...Array.from({ length: 10 }, (_, i) => repos.rsvps.respond(ref, `other-${i}`, 'maybe', new Date())),
    ]);
    expect((await repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId))?.counts).toEqual({ yes: 0, maybe: 10, no: 1 });
  });

  it('the same person clicking twice at once counts once', async () => {
    const ref = await newSession();
    await Promise.all([
      repos.rsvps.respond(ref, 'ann', 'yes', new Date()),
      repos.rsvps.respond(ref, 'ann', 'yes', new Date()),
      repos.rsvps.respond(ref, 'ann', 'maybe', new Date()),
    ]);
    const counts = (await repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId))?.counts;
    const answer = (await repos.rsvps.get(ref.tenantId, ref.sessionId, 'ann'))?.response;
    expect(answer).toBeDefined();
    expect(counts).toEqual({ yes: answer === 'yes' ? 1 : 0, maybe: answer === 'maybe' ? 1 : 0, no: 0 });
  });

  it('a crash after the RSVP write but before the session copy never double counts', async () => {
    const ref = await newSession();
    await repos.rsvps.respond(ref, 'ann', 'yes', new Date());
    // Put the session row back as it was before the copy step, as if the process died in between.
    const raw = rawTable(azurite.connectionString, TABLES.sessions);
    const key = sessionKey(ref.tenantId, ref.teamId, ref.sessionId);
    const row = await raw.getEntity(key.partitionKey, key.rowKey);
    await raw.updateEntity({ ...row, ...key, rsvpYes: 0, rsvpTallyVersion: 0 }, 'Replace');
    expect((await repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId))?.counts.yes).toBe(0);

    // Ann clicks again (the card still shows her as not counted) and Bob answers: 2, not 3.
    await repos.rsvps.respond(ref, 'ann', 'yes', new Date());
    const { session: s } = await repos.rsvps.respond(ref, 'bob', 'yes', new Date());
    expect(s.counts).toEqual({ yes: 2, maybe: 0, no: 0 });
  });
});

/**
 * Storage whose client for `table` lets `interfere` write to the row just before each of our own
 * writes of the given HTTP method goes out: the race, made deterministic.
 */
function storageWithInterloper(
  table: string,
  method: 'PUT' | 'POST',
  interfere: (attempt: number) => Promise<void>,
  conflictRetry?: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number },
): { repos: Repositories; interferences: () => number } {
  const clients = clientsFromConnectionString(azurite.connectionString);
  let count = 0;
  const wrapped: StorageClients = {
    queue: (name) => clients.queue(name),
    table(name) {
      const client = clients.table(name);
      if (name === table) {
        client.pipeline.addPolicy({
          name: 'interloper',
          async sendRequest(request, next) {
            if (request.method === method) {
              count += 1;
              await interfere(count);
            }
            return next(request);
          },
        });
      }
      return client;
    },
  };
  return { repos: storageFromClients(wrapped, conflictRetry).repositories, interferences: () => count };
}

describe('ETag-checked updates', () => {
  it('a write between read and write gives 412; update reads again and both changes survive', async () => {
    const tenantId = ids.tenant();
    const userId = ids.user();
    await repos.members.put(profile(tenantId, userId, { wants: [] }));
    const { repos: racing, interferences } = storageWithInterloper(TABLES.profiles, 'PUT', async (attempt) => {
      if (attempt > 1) return;
      const current = await repos.members.get(tenantId, userId);
      if (current) await repos.members.put({ ...current, wants: ['Rust'] });
    });
    let calls = 0;
    const result = await racing.members.update(tenantId, userId, (current) => {
      calls += 1;
      return current && { ...current, bio: 'mine' };
    });
    expect(interferences()).toBe(2);
    expect(calls).toBe(2);
    expect(result).toMatchObject({ bio: 'mine', wants: ['Rust'] });
    expect(await repos.members.get(tenantId, userId)).toEqual(result);
  });

  it('a create that loses to another create (409) reads again and updates', async () => {
    const tenantId = ids.tenant();
    const userId = ids.user();
    const { repos: racing } = storageWithInterloper(TABLES.profiles, 'POST', async (attempt) => {
      if (attempt === 1) await repos.members.put(profile(tenantId, userId, { wants: ['first'] }));
    });
    const seen: (string[] | undefined)[] = [];
    const result = await racing.members.update(tenantId, userId, (current) => {
      seen.push(current && [...current.wants]);
      return current ? { ...current, wants: [...current.wants, 'second'] } : profile(tenantId, userId, { wants: ['second'] });
    });
    expect(seen).toEqual([undefined, ['first']]);
    expect(result?.wants).toEqual(['first', 'second']);
  });

  it('gives up with ConcurrencyError when the row keeps changing', async () => {
    const tenantId = ids.tenant();
    const userId = ids.user();
    await repos.members.put(profile(tenantId, userId));
    const { repos: racing, interferences } = storageWithInterloper(
      TABLES.profiles,
      'PUT',
      async (attempt) => {
        await repos.members.put(profile(tenantId, userId, { bio: `interloper ${attempt}` }));
      },
      { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    );
    const update = racing.members.update(tenantId, userId, (current) => current && { ...current, bio: 'mine' });
    await expect(update).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(update).rejects.toThrow(/gave up after 3 attempts/);
    expect(interferences()).toBe(3);
    expect((await repos.members.get(tenantId, userId))?.bio).toBe('interloper 3');
  });

  it('concurrent updates of one profile all land', async () => {
    const tenantId = ids.tenant();
    const userId = ids.user();
    await repos.members.put(profile(tenantId, userId, { wants: [] }));
    const skills = Array.from({ length: 20 }, (_, i) => `skill-${i}`);
    await Promise.all(skills.map((skill) => repos.members.update(tenantId, userId, (c) => c && { ...c, wants: [...c.wants, skill] })));
    expect([...((await repos.members.get(tenantId, userId))?.wants ?? [])].sort()).toEqual([...skills].sort());
  });

  it('concurrent first sightings create the row once', async () => {
    const tenantId = ids.tenant();
    const userId = ids.user();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        repos.members.update(tenantId, userId, (c) =>
          c ? { ...c, wants: [...c.wants, `w${i}`] } : profile(tenantId, userId, { wants: [`w${i}`] }),
        ),
      ),
    );
    expect(results.every((r) => r?.userId === userId)).toBe(true);
    expect((await repos.members.get(tenantId, userId))?.wants).toHaveLength(10);
  });

  it('a session deleted between read and write ends as "not found" (404 read as a lost race)', async () => {
    const ref = await newSession();
    const key = sessionKey(ref.tenantId, ref.teamId, ref.sessionId);
    const raw = rawTable(azurite.connectionString, TABLES.sessions);
    const { repos: racing } = storageWithInterloper(TABLES.sessions, 'PUT', async () => {
      await raw.deleteEntity(key.partitionKey, key.rowKey);
    });
    let calls = 0;
    const result = await racing.sessions.update(ref.tenantId, ref.teamId, ref.sessionId, (current) => {
      calls += 1;
      return { ...current, title: 'x' };
    });
    expect(result).toBeUndefined();
    expect(calls).toBe(1);
  });
});

describe('backoff', () => {
  it('is jittered, grows and is capped', () => {
    const policy = DEFAULT_CONFLICT_RETRY;
    expect(backoffDelay(policy, 1, () => 1)).toBe(policy.baseDelayMs * 2);
    expect(backoffDelay(policy, 3, () => 1)).toBe(policy.baseDelayMs * 8);
    expect(backoffDelay(policy, 30, () => 1)).toBe(policy.maxDelayMs);
    expect(backoffDelay(policy, 30, () => 0)).toBe(0);
    expect(backoffDelay(policy, 5, () => 0.5)).toBe(Math.round(0.5 * Math.min(policy.maxDelayMs, policy.baseDelayMs * 32)));
  });
});

describe('team rows under concurrency', () => {
  it('a settings save and channel changes at the same moment all land', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    await repos.teams.upsert(team(tenantId, teamId));
    const channels = Array.from({ length: 8 }, (_, i) => ({ channelId: `19:c${i}@thread.tacv2`, name: `Channel ${i}` }));
    await Promise.all([
      repos.teams.update(tenantId, teamId, (t) => t && { ...t, reminderMinutes: [60], timeZone: 'Europe/Amsterdam' }),
      ...channels.map((c) => repos.teams.update(tenantId, teamId, (t) => t && { ...t, channels: [...t.channels, c] })),
      repos.teams.update(tenantId, teamId, (t) => t && { ...t, name: 'Renamed team' }),
    ]);
    const stored = await repos.teams.get(tenantId, teamId);
    expect(stored).toMatchObject({ name: 'Renamed team', reminderMinutes: [60], timeZone: 'Europe/Amsterdam' });
    expect(stored?.channels.map((c) => c.channelId).sort()).toEqual(
      [teamId, '19:leren@thread.tacv2', ...channels.map((c) => c.channelId)].sort(),
    );
  });

  it('creates a missing team once when two installs race, and leaves a missing one alone when asked', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const made = await Promise.all(
      ['First', 'Second'].map((name) => repos.teams.update(tenantId, teamId, (t) => t ?? team(tenantId, teamId, { name }))),
    );
    expect(made.every((t) => t !== undefined)).toBe(true);
    expect(['First', 'Second']).toContain((await repos.teams.get(tenantId, teamId))?.name);
    const other = ids.teamsThread();
    expect(await repos.teams.update(tenantId, other, (t) => t && { ...t, name: 'x' })).toBeUndefined();
    expect(await repos.teams.get(tenantId, other)).toBeUndefined();
  });
});
