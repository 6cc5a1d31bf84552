import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { NotFoundError } from '../../bot/src/domain/shared/repositories';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { Storage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { feedback, ids, membership, profile, rsvp, session, team, tenant } from '../support/storage/fixtures';
import { omit } from '../support/omit';

let azurite: EmbeddedAzurite;
let storage: Storage;
let repos: Repositories;

beforeAll(async () => {
  azurite = await startTestAzurite();
  storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  repos = storage.repositories;
});

afterAll(async () => {
  await azurite?.stop();
});

const byUser = <T extends { userId: string }>(a: T, b: T): number => a.userId.localeCompare(b.userId);

describe('createStorage', () => {
  it('ensureCreated is idempotent and ping answers', async () => {
    await storage.ensureCreated();
    await expect(repos.ping()).resolves.toBeUndefined();
  });

  it('creates the jobs queue', async () => {
    expect(storage.queues.jobs.name).toBe('peerlearn-jobs');
    await storage.queues.jobs.sendMessage('hello');
    const { receivedMessageItems } = await storage.queues.jobs.receiveMessages();
    expect(receivedMessageItems.map((m) => m.messageText)).toEqual(['hello']);
  });
});

describe('round trips', () => {
  it('tenants', async () => {
    const t = tenant(ids.tenant());
    expect(await repos.tenants.get(t.tenantId)).toBeUndefined();
    await repos.tenants.upsert(t);
    expect(await repos.tenants.get(t.tenantId)).toEqual(t);
    await repos.tenants.upsert({ ...t, name: 'Renamed' });
    expect((await repos.tenants.get(t.tenantId))?.name).toBe('Renamed');
  });

  it('teams, with Teams thread ids and ids that need escaping', async () => {
    const tenantId = ids.tenant();
    const a = team(tenantId, ids.teamsThread());
    const b = omit(team(tenantId, 'team-id', { channels: [] }), 'aadGroupId');
    const c = team(tenantId, ids.awkward(), { name: 'Awkward' });
    expect(await repos.teams.get(tenantId, a.teamId)).toBeUndefined();
    for (const t of [a, b, c]) await repos.teams.upsert(t);
    expect(await repos.teams.get(tenantId, a.teamId)).toEqual(a);
    expect(await repos.teams.get(tenantId, b.teamId)).toEqual({ ...b, aadGroupId: undefined });
    expect(await repos.teams.get(tenantId, c.teamId)).toEqual(c);
    const listed = await repos.teams.listForTenant(tenantId);
    expect(listed.map((t) => t.teamId).sort()).toEqual([a.teamId, b.teamId, c.teamId].sort());
  });

  it('memberships, both ways', async () => {
    const tenantId = ids.tenant();
    const [t1, t2] = [ids.teamsThread(), 'team-id'];
    const [u1, u2] = [ids.user(), ids.awkward()];
    const [ownerOfT1, memberOfT1, memberOfT2] = [
      membership(tenantId, t1, u1, 'owner'),
      membership(tenantId, t1, u2),
      membership(tenantId, t2, u1),
    ];
    await repos.teams.addMembers([ownerOfT1, memberOfT1, memberOfT2]);
    await repos.teams.addMembers([membership(tenantId, t1, u2)]); // idempotent
    expect((await repos.teams.listMembers(tenantId, t1)).sort(byUser)).toEqual([ownerOfT1, memberOfT1].sort(byUser));
    expect(await repos.teams.listMembers(tenantId, t2)).toEqual([memberOfT2]);
    const teamsOfU1 = await repos.teams.listTeamsOf(tenantId, u1);
    expect(teamsOfU1.map((m) => [m.teamId, m.role]).sort()).toEqual(
      [
        [t1, 'owner'],
        [t2, 'member'],
      ].sort(),
    );
    expect(await repos.teams.listTeamsOf(tenantId, u2)).toEqual([memberOfT1]);
    expect(await repos.teams.listTeamsOf(tenantId, ids.user())).toEqual([]);
    // The team's rows of some people: members found (whatever their ids look like), others left out.
    const stranger = ids.user();
    expect((await repos.teams.membershipsIn(tenantId, t1, [u2, stranger, u1])).sort(byUser)).toEqual([ownerOfT1, memberOfT1].sort(byUser));
    expect(await repos.teams.membershipsIn(tenantId, t2, [u2, stranger])).toEqual([]);
    expect(await repos.teams.membershipsIn(tenantId, t2, [])).toEqual([]);
    // More people than one query holds (getRows reads 12 per filter).
    const many = Array.from({ length: 40 }, () => ids.user());
    await repos.teams.addMembers(many.filter((_, i) => i % 3 === 0).map((u) => membership(tenantId, t2, u)));
    expect((await repos.teams.membershipsIn(tenantId, t2, many)).map((m) => m.userId).sort()).toEqual(
      many.filter((_, i) => i % 3 === 0).sort(),
    );
  });

  it("a team's rows of many people: each query bounded by its keys' range, within 15 comparisons; one person's range is their row", async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const people = Array.from({ length: 30 }, () => ids.user());
    await repos.teams.addMembers(people.filter((_, i) => i % 2 === 0).map((u) => membership(tenantId, teamId, u)));
    const requests: { method: string; filter: string | null }[] = [];
    const onRequest = (message: unknown) => {
      const { request } = message as { request: ClientRequest };
      if (request.path.includes('plMemberships'))
        requests.push({ method: request.method, filter: new URL(request.path, 'http://storage').searchParams.get('$filter') });
    };
    subscribe('http.client.request.start', onRequest);
    try {
      const found = await repos.teams.membershipsIn(tenantId, teamId, people);
      expect(found.map((m) => m.userId).sort()).toEqual(people.filter((_, i) => i % 2 === 0).sort());
      expect(requests).toHaveLength(3);
      for (const { filter } of requests) {
        expect(filter).toMatch(/^PartitionKey eq '[^']+' and RowKey ge '[^']+' and RowKey le '[^']+' and \(/);
        expect((filter ?? '').split(/ (?:eq|ne|gt|ge|lt|le) /).length - 1).toBeLessThanOrEqual(15);
      }
      // The three ranges follow one another: the keys were sorted before they were split.
      const bounds = requests.map(({ filter }) => [...(filter ?? '').matchAll(/RowKey (?:ge|le) '([^']+)'/g)].map((m) => m[1] ?? ''));
      for (let i = 1; i < bounds.length; i += 1) expect((bounds[i - 1]?.[1] ?? '') < (bounds[i]?.[0] ?? '')).toBe(true);

      requests.length = 0;
      expect(await repos.teams.membershipsIn(tenantId, teamId, [people[1] ?? ''])).toEqual([]);
      expect((await repos.teams.membershipsIn(tenantId, teamId, [people[0] ?? ''])).map((m) => m.userId)).toEqual([people[0]]);
      expect(requests).toHaveLength(2);
      for (const [i, { filter }] of requests.entries()) {
        const [, from, to] = /RowKey ge '([^']+)' and RowKey le '([^']+)'/.exec(filter ?? '') ?? [];
        expect(from).toBeDefined();
        expect(to).toBe(from);
        expect(from).toContain(encodeURIComponent(people[1 - i] ?? '').slice(0, 8));
      }
    } finally {
      unsubscribe('http.client.request.start', onRequest);
    }
  });

  it('profiles: put, get, list, update', async () => {
    const tenantId = ids.tenant();
    const p = profile(tenantId, ids.user());
    const bare = omit(profile(tenantId, ids.awkward(), { teaches: [], wants: [], languages: [] }), 'email', 'locale');
    expect(await repos.members.get(tenantId, p.userId)).toBeUndefined();
    await repos.members.put(p);
    await repos.members.put(bare);
    expect(await repos.members.get(tenantId, p.userId)).toEqual(p);
    expect(await repos.members.get(tenantId, bare.userId)).toEqual(bare);
    expect((await repos.members.listForTenant(tenantId)).sort(byUser)).toEqual([p, bare].sort(byUser));

    const updated = await repos.members.update(tenantId, p.userId, (current) => current && { ...current, bio: 'New bio' });
    expect(updated?.bio).toBe('New bio');
    expect((await repos.members.get(tenantId, p.userId))?.bio).toBe('New bio');

    // Left alone: the current profile comes back and nothing is written.
    const untouched = await repos.members.update(tenantId, p.userId, () => undefined);
    expect(untouched).toEqual({ ...p, bio: 'New bio' });

    // Missing: change sees undefined and the row is created.
    const newcomer = ids.user();
    const created = await repos.members.update(tenantId, newcomer, (current) => (current ? undefined : profile(tenantId, newcomer)));
    expect(created?.userId).toBe(newcomer);
    expect(await repos.members.get(tenantId, newcomer)).toEqual(profile(tenantId, newcomer));
    expect(await repos.members.update(tenantId, ids.user(), () => undefined)).toBeUndefined();
  });

  it('profiles: update may not move a profile to other keys', async () => {
    const tenantId = ids.tenant();
    const userId = ids.user();
    await repos.members.put(profile(tenantId, userId));
    await expect(repos.members.update(tenantId, userId, (c) => c && { ...c, userId: 'someone-else' })).rejects.toThrow(/may not move/);
  });

  it('sessions: create, get, list, update', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const s = session(tenantId, teamId, 'sess-1');
    const bare = omit(
      session(tenantId, teamId, 'sess-2', {
        place: 'Room 4.12',
        capacity: null,
        skills: [],
        teacherIds: [],
        openToOrganisation: true,
        status: 'cancelled',
      }),
      'onlineUrl',
      'channelId',
      'discussionLeaderId',
    );
    expect(await repos.sessions.get(tenantId, teamId, s.sessionId)).toBeUndefined();
    await repos.sessions.create(s);
    await repos.sessions.create(bare);
    await expect(repos.sessions.create(s)).rejects.toThrow(/already exists/);
    expect(await repos.sessions.get(tenantId, teamId, s.sessionId)).toEqual(s);
    expect(await repos.sessions.get(tenantId, teamId, bare.sessionId)).toEqual(bare);
    expect(await repos.sessions.listForTeam(tenantId, teamId)).toHaveLength(2);
    expect(await repos.sessions.listForTeam(tenantId, 'other-team')).toEqual([]);

    const renamed = await repos.sessions.update(tenantId, teamId, s.sessionId, (c) => ({ ...c, title: 'Kusto 101' }));
    expect(renamed?.title).toBe('Kusto 101');
    expect((await repos.sessions.get(tenantId, teamId, s.sessionId))?.title).toBe('Kusto 101');
    expect(await repos.sessions.update(tenantId, teamId, 'missing', (c) => c)).toBeUndefined();
    expect(await repos.sessions.update(tenantId, teamId, s.sessionId, () => undefined)).toEqual({ ...s, title: 'Kusto 101' });
  });

  it('sessions: update keeps the counts, which belong to RSVPs', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    await repos.sessions.create(session(tenantId, teamId, 's'));
    await repos.rsvps.respond({ tenantId, teamId, sessionId: 's' }, 'u1', 'yes', new Date());
    const after = await repos.sessions.update(tenantId, teamId, 's', (c) => ({ ...c, counts: { yes: 99, maybe: 0, no: 0 } }));
    expect(after?.counts).toEqual({ yes: 1, maybe: 0, no: 0 });
    expect((await repos.sessions.get(tenantId, teamId, 's'))?.counts).toEqual({ yes: 1, maybe: 0, no: 0 });
  });

  it('rsvps: respond, get, list, change of mind', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const ref = { tenantId, teamId, sessionId: 'sess-r' };
    await repos.sessions.create(session(tenantId, teamId, ref.sessionId));
    const now = new Date('2026-03-03T10:00:00.000Z');

    const first = await repos.rsvps.respond(ref, 'ann', 'yes', now);
    expect(first.rsvp).toEqual({ ...ref, userId: 'ann', response: 'yes', respondedAt: now.toISOString() });
    expect(first.session.counts).toEqual({ yes: 1, maybe: 0, no: 0 });
    await repos.rsvps.respond(ref, 'bob', 'maybe', now);
    const changed = await repos.rsvps.respond(ref, 'ann', 'no', now);
    expect(changed.session.counts).toEqual({ yes: 0, maybe: 1, no: 1 });
    const same = await repos.rsvps.respond(ref, 'ann', 'no', now);
    expect(same.session.counts).toEqual({ yes: 0, maybe: 1, no: 1 });

    expect(await repos.rsvps.get(tenantId, ref.sessionId, 'ann')).toEqual({
      ...ref,
      userId: 'ann',
      response: 'no',
      respondedAt: now.toISOString(),
    });
    expect(await repos.rsvps.get(tenantId, ref.sessionId, 'carol')).toBeUndefined();
    const listed = await repos.rsvps.listForSession(tenantId, ref.sessionId);
    expect(listed.map((r) => [r.userId, r.response]).sort()).toEqual([
      ['ann', 'no'],
      ['bob', 'maybe'],
    ]);
    expect((await repos.sessions.get(tenantId, teamId, ref.sessionId))?.counts).toEqual({ yes: 0, maybe: 1, no: 1 });
  });

  it('rsvps: answering an unknown session is NotFoundError and writes nothing', async () => {
    const tenantId = ids.tenant();
    const ref = { tenantId, teamId: 'team-id', sessionId: 'nope' };
    await expect(repos.rsvps.respond(ref, 'ann', 'yes', new Date())).rejects.toBeInstanceOf(NotFoundError);
    expect(await repos.rsvps.listForSession(tenantId, 'nope')).toEqual([]);
  });

  it('rsvps: putMany for seeding, then respond counts from the rows', async () => {
    const tenantId = ids.tenant();
    const teamId = 'team-id';
    await repos.sessions.putMany([session(tenantId, teamId, 's', { counts: { yes: 2, maybe: 1, no: 0 } })]);
    await repos.rsvps.putMany([
      rsvp(tenantId, teamId, 's', 'a', 'yes'),
      rsvp(tenantId, teamId, 's', 'b', 'yes'),
      rsvp(tenantId, teamId, 's', 'c', 'maybe'),
    ]);
    expect(await repos.rsvps.listForSession(tenantId, 's')).toHaveLength(3);
    const { session: s } = await repos.rsvps.respond({ tenantId, teamId, sessionId: 's' }, 'c', 'yes', new Date());
    expect(s.counts).toEqual({ yes: 3, maybe: 0, no: 0 });
    // A later import replaces rows; the tally is rebuilt from them on the next answer.
    await repos.rsvps.putMany([rsvp(tenantId, teamId, 's', 'd', 'no')]);
    const { session: s2 } = await repos.rsvps.respond({ tenantId, teamId, sessionId: 's' }, 'e', 'maybe', new Date());
    expect(s2.counts).toEqual({ yes: 3, maybe: 1, no: 1 });
  });

  it('feedback: put, replace, list', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const a = feedback(tenantId, teamId, 'sess-f', 'ann', 5);
    const b = feedback(tenantId, teamId, 'sess-f', 'bob', 3);
    await repos.feedback.put(a);
    await repos.feedback.put(b);
    await repos.feedback.put({ ...b, rating: 4, learnedSomethingNew: false, willApply: '' });
    expect((await repos.feedback.listForSession(tenantId, 'sess-f')).sort(byUser)).toEqual(
      [a, { ...b, rating: 4, learnedSomethingNew: false, willApply: '' }].sort(byUser),
    );
    expect(await repos.feedback.listForSession(tenantId, 'other')).toEqual([]);
  });
});

describe('tenant isolation', () => {
  it('the same team, user and session ids in two tenants never mix', async () => {
    const [ta, tb] = [ids.tenant(), ids.tenant()];
    const teamId = '19:shared@thread.tacv2';
    const userId = 'same-user';
    const sessionId = 'same-session';
    for (const [tenantId, name] of [
      [ta, 'A'],
      [tb, 'B'],
    ] as const) {
      await repos.tenants.upsert({ ...tenant(tenantId), name });
      await repos.teams.upsert(team(tenantId, teamId, { name }));
      await repos.teams.addMembers([membership(tenantId, teamId, userId, name === 'A' ? 'owner' : 'member')]);
      await repos.members.put(profile(tenantId, userId, { displayName: name }));
      await repos.sessions.create(session(tenantId, teamId, sessionId, { title: name }));
      await repos.feedback.put(feedback(tenantId, teamId, sessionId, userId, name === 'A' ? 5 : 1));
    }
    await repos.rsvps.respond({ tenantId: ta, teamId, sessionId }, userId, 'yes', new Date());

    for (const [tenantId, name] of [
      [ta, 'A'],
      [tb, 'B'],
    ] as const) {
      expect((await repos.tenants.get(tenantId))?.name).toBe(name);
      expect((await repos.teams.get(tenantId, teamId))?.name).toBe(name);
      expect((await repos.teams.listForTenant(tenantId)).map((t) => t.name)).toEqual([name]);
      expect((await repos.teams.listMembers(tenantId, teamId)).map((m) => [m.tenantId, m.role])).toEqual([
        [tenantId, name === 'A' ? 'owner' : 'member'],
      ]);
      expect((await repos.teams.listTeamsOf(tenantId, userId)).map((m) => m.tenantId)).toEqual([tenantId]);
      expect((await repos.members.get(tenantId, userId))?.displayName).toBe(name);
      expect((await repos.members.listForTenant(tenantId)).map((p) => p.displayName)).toEqual([name]);
      expect((await repos.sessions.listForTeam(tenantId, teamId)).map((s) => s.title)).toEqual([name]);
      expect((await repos.feedback.listForSession(tenantId, sessionId)).map((f) => f.rating)).toEqual([name === 'A' ? 5 : 1]);
    }
    expect((await repos.sessions.get(ta, teamId, sessionId))?.counts.yes).toBe(1);
    expect((await repos.sessions.get(tb, teamId, sessionId))?.counts.yes).toBe(0);
    expect(await repos.rsvps.get(tb, sessionId, userId)).toBeUndefined();
    expect(await repos.rsvps.listForSession(tb, sessionId)).toEqual([]);
  });
});
