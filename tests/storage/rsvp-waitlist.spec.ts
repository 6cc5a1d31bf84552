import { describe, expect, it } from '@jest/globals';
import { TABLES } from '../../bot/src/storage/shared/keys';
import { sessionKey } from '../../bot/src/storage/shared/keys';
import { ids, rawTable, session } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

const storage = useTestStorage();

async function newSession(capacity: number | null) {
  const ref = { tenantId: ids.tenant(), teamId: ids.teamsThread(), sessionId: `s-${ids.user()}` };
  await storage.repos.sessions.create({ ...session(ref.tenantId, ref.teamId, ref.sessionId), capacity });
  return ref;
}

describe('RSVP waitlist in storage', () => {
  it('40 people answering at once for 12 places: exactly 12 going and 28 in line', async () => {
    const ref = await newSession(12);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        storage.repos.rsvps.respond(ref, `user-${i}`, 'yes', new Date(Date.UTC(2026, 10, 27, 12, 0, i))),
      ),
    );
    const stored = await storage.repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId);
    expect(stored?.counts).toEqual({ yes: 12, maybe: 0, no: 0, waitlisted: 28 });
    const rows = await storage.repos.rsvps.listForSession(ref.tenantId, ref.sessionId);
    expect(rows.filter((r) => !r.waitlisted)).toHaveLength(12);
    expect(rows.filter((r) => r.waitlisted)).toHaveLength(28);
  });

  it('a confirmed "no" promotes the earliest in line, in the same transaction', async () => {
    const ref = await newSession(1);
    await storage.repos.rsvps.respond(ref, 'first', 'yes', new Date('2026-11-27T12:00:00Z'));
    await storage.repos.rsvps.respond(ref, 'second', 'yes', new Date('2026-11-27T12:01:00Z'));
    await storage.repos.rsvps.respond(ref, 'third', 'yes', new Date('2026-11-27T12:02:00Z'));
    const outcome = await storage.repos.rsvps.respond(ref, 'first', 'no', new Date('2026-11-27T12:03:00Z'));
    expect(outcome.promoted?.userId).toBe('second');
    expect(outcome.session.counts).toEqual({ yes: 1, maybe: 0, no: 1, waitlisted: 1 });
    expect((await storage.repos.rsvps.get(ref.tenantId, ref.sessionId, 'second'))?.waitlisted).toBeUndefined();
    expect((await storage.repos.rsvps.get(ref.tenantId, ref.sessionId, 'third'))?.waitlisted).toBe(true);
    // Leaving the line promotes nobody.
    const left = await storage.repos.rsvps.respond(ref, 'third', 'maybe', new Date('2026-11-27T12:04:00Z'));
    expect(left.promoted).toBeUndefined();
    expect(left.session.counts).toEqual({ yes: 1, maybe: 1, no: 1 });
  });

  it('a larger capacity gives its new places to those waiting, first come first served; a smaller one takes none away', async () => {
    const ref = await newSession(2);
    for (const [i, who] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      await storage.repos.rsvps.respond(ref, who, 'yes', new Date(Date.UTC(2026, 10, 27, 12, i)));
    }
    await storage.repos.sessions.update(ref.tenantId, ref.teamId, ref.sessionId, (s) => ({ ...s, capacity: 4 }));
    const grown = await storage.repos.rsvps.promoteWaiting(ref);
    expect(grown.promoted.map((r) => r.userId)).toEqual(['c', 'd']);
    expect(grown.session.counts).toEqual({ yes: 4, maybe: 0, no: 0, waitlisted: 1 });
    expect((await storage.repos.rsvps.get(ref.tenantId, ref.sessionId, 'c'))?.waitlisted).toBeUndefined();
    expect((await storage.repos.rsvps.get(ref.tenantId, ref.sessionId, 'e'))?.waitlisted).toBe(true);
    // The person's own index follows: "c" now shows as going on the board.
    expect((await storage.repos.rsvps.listForUser(ref.tenantId, 'c')).map((r) => [r.sessionId, r.response, r.waitlisted])).toEqual([
      [ref.sessionId, 'yes', undefined],
    ]);

    await storage.repos.sessions.update(ref.tenantId, ref.teamId, ref.sessionId, (s) => ({ ...s, capacity: 1 }));
    const shrunk = await storage.repos.rsvps.promoteWaiting(ref);
    expect(shrunk.promoted).toEqual([]);
    expect(shrunk.session.counts).toEqual({ yes: 4, maybe: 0, no: 0, waitlisted: 1 });

    await storage.repos.sessions.update(ref.tenantId, ref.teamId, ref.sessionId, (s) => ({ ...s, capacity: null }));
    const unlimited = await storage.repos.rsvps.promoteWaiting(ref);
    expect(unlimited.promoted.map((r) => r.userId)).toEqual(['e']);
    expect(unlimited.session.counts).toEqual({ yes: 5, maybe: 0, no: 0 });
  });

  it('reads session rows written before waitlists and series existed', async () => {
    const ref = { tenantId: ids.tenant(), teamId: ids.teamsThread(), sessionId: 'old-row' };
    const key = sessionKey(ref.tenantId, ref.teamId, ref.sessionId);
    const s = session(ref.tenantId, ref.teamId, ref.sessionId);
    await rawTable(storage.azurite.connectionString, TABLES.sessions).createEntity({
      ...key,
      tenantId: s.tenantId,
      teamId: s.teamId,
      sessionId: s.sessionId,
      title: s.title,
      description: s.description,
      skills: '[]',
      format: s.format,
      startsAt: s.startsAt,
      durationMinutes: s.durationMinutes,
      hostId: s.hostId,
      teacherIds: '[]',
      status: 'scheduled',
      openToOrganisation: false,
      rsvpYes: 3,
      rsvpMaybe: 1,
      rsvpNo: 0,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    });
    const read = await storage.repos.sessions.get(ref.tenantId, ref.teamId, ref.sessionId);
    expect(read?.counts).toEqual({ yes: 3, maybe: 1, no: 0 });
    expect(read?.seriesId).toBeUndefined();
    expect(read?.capacity).toBeNull();
  });
});
