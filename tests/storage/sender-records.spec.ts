import { describe, expect, it } from '@jest/globals';
import { createSenderRecords } from '../../bot/src/domain/delivery/sender-records';
import type { MemberSighting } from '../../bot/src/domain/experts/member';
import { createPrivacyService } from '../../bot/src/domain/privacy/privacy-service';
import type { PersonRef } from '../../bot/src/domain/shared/person';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import { recordSightings } from '../../bot/src/domain/experts/members';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { ids, profile } from '../support/storage/fixtures';
import { gatedWrites } from '../support/gated-writes';
import { useTestStorage } from '../support/test-storage';
import { useStorageCalls } from '../support/storage-calls';

// What the bot writes about a sender after an RSVP's answer (domain/delivery/sender-records.ts), on Azurite.
const storage = useTestStorage();
const at = new Date();
const counted = useStorageCalls();

describe('sender records written behind the answer', () => {
  it('new people are created together; someone created meanwhile makes that transaction write nothing, then each goes alone', async () => {
    const { repos } = storage;
    const tenantId = ids.tenant();
    const [a, b, c] = [ids.user(), ids.user(), ids.user()];
    const existing = { ...profile(tenantId, b), displayName: 'Bea (as she set it)', bio: 'Kept' };
    await repos.members.put(existing);
    expect(await repos.members.createMany([profile(tenantId, a), profile(tenantId, b)])).toBe(false);
    expect(await repos.members.get(tenantId, a)).toBeUndefined();

    await recordSightings(
      repos.members,
      [a, b, c].map((userId) => ({ tenantId, userId, displayName: `Name of ${userId}` })),
      at,
    );
    const stored = await repos.members.getMany(tenantId, [a, b, c]);
    expect(stored.map((p) => [p.userId, p.displayName, p.bio])).toEqual([
      [a, `Name of ${a}`, ''],
      [b, `Name of ${b}`, 'Kept'],
      [c, `Name of ${c}`, ''],
    ]);
  });

  it('a burst of people never seen before is created without a read each; one who exists sends only their chunk the usual way', async () => {
    const { repos } = storage;
    const tenantId = ids.tenant();
    const crowd = Array.from({ length: 30 }, () => ids.user());
    const sightings = (people: readonly string[], name: string) =>
      people.map((userId) => ({ tenantId, userId, displayName: `${name} ${userId}` }));
    const { calls } = await counted(() => recordSightings(repos.members, sightings(crowd, 'First'), at));
    // One transaction and the change feed's two writes; no point read of the 30 (before: 30 reads, then the transaction).
    expect(calls.filter((c) => c.table === 'plProfiles')).toEqual([]);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect((await repos.members.getMany(tenantId, crowd)).map((p) => p.displayName).sort()).toEqual(crowd.map((u) => `First ${u}`).sort());

    // 29 newcomers and one of the crowd, renamed: the try writes nothing, then each is read and the rest stored as before.
    const [returning = ''] = crowd;
    const newcomers = Array.from({ length: 29 }, () => ids.user());
    await recordSightings(repos.members, [...sightings(newcomers, 'New'), ...sightings([returning], 'Renamed')], at);
    const stored = await repos.members.getMany(tenantId, [...newcomers, returning]);
    expect(stored.map((p) => p.displayName).sort()).toEqual([...newcomers.map((u) => `New ${u}`), `Renamed ${returning}`].sort());
  });

  it('addresses are merged: a stored 1:1 conversation stays, the rest is updated', async () => {
    const clients = clientsFromConnectionString(storage.azurite.connectionString);
    const delivery = createDeliveryStorage(clients);
    await delivery.ensureCreated();
    const tenantId = ids.tenant();
    const userId = ids.user();
    const base = { tenantId, userId, botId: '28:bot', updatedAt: at.toISOString() };
    await delivery.addresses.putPerson({ ...base, serviceUrl: 'https://old.example/', teamsUserId: '29:x', conversationId: 'a:chat' });
    const records = createSenderRecords({
      profiles: { sightedMany: (s) => recordSightings(storage.repos.members, s, at) },
      addresses: delivery.addresses,
      log: { error: () => undefined },
      busy: () => false, // no answers in flight
    });
    records.addressSeen({ ...base, serviceUrl: 'https://new.example/', teamsUserId: '29:x' });
    records.sighted({ tenantId, userId, displayName: 'Newly seen' });
    await records.settled();
    expect(await delivery.addresses.getPerson(tenantId, userId)).toEqual({
      ...base,
      serviceUrl: 'https://new.example/',
      teamsUserId: '29:x',
      conversationId: 'a:chat',
    });
    expect((await storage.repos.members.get(tenantId, userId))?.displayName).toBe('Newly seen');
  });

  it('an erase wins over what is queued behind an answer: queued writes are dropped, one on the wire is waited for', async () => {
    const { repos } = storage;
    const clients = clientsFromConnectionString(storage.azurite.connectionString);
    const delivery = createDeliveryStorage(clients);
    await delivery.ensureCreated();
    const tenantId = ids.tenant();
    // Each profile batch is held once on the wire, until the test opens its gate.
    const { gates, hold } = gatedWrites();
    const records = createSenderRecords({
      profiles: {
        sightedMany: hold(async (sightings: readonly MemberSighting[]) => {
          await recordSightings(repos.members, sightings, at);
        }),
      },
      addresses: delivery.addresses,
      log: { error: () => undefined },
      busy: () => false, // no answers in flight
    });
    const privacy = createPrivacyService({
      store: createStorage({ connectionString: storage.azurite.connectionString }).personalData,
      experts: { refresh: () => Promise.resolve() },
      secret: 's'.repeat(40),
      publicUrl: 'https://pl.example/',
      rsvps: { listForUser: (t, u) => repos.rsvps.listForUser(t, u), respond: () => Promise.resolve({ ok: true }) },
      now: () => at,
      pendingWrites: records,
    });
    const seen = (person: PersonRef) => records.sighted({ ...person, displayName: `Name of ${person.userId}` });
    const [first, second] = gates;

    // Queued behind someone else's batch on the wire: the erase drops it, and it is never written.
    const other = { tenantId, userId: ids.user() };
    const queued = { tenantId, userId: ids.user() };
    seen(other);
    await first?.onTheWire;
    seen(queued);
    records.addressSeen({ ...queued, botId: '28:bot', updatedAt: at.toISOString(), serviceUrl: 'https://s.example/', teamsUserId: '29:q' });
    await privacy.erase(queued, 'anonymise');
    first?.open();
    await records.settled();
    expect(await repos.members.get(tenantId, other.userId)).toBeDefined();
    expect(await repos.members.get(tenantId, queued.userId)).toBeUndefined();
    expect(await delivery.addresses.getPerson(tenantId, queued.userId)).toBeUndefined();

    // Already on the wire when the erase starts: the erase waits for it, then removes what it wrote.
    const writing = { tenantId, userId: ids.user() };
    seen(writing);
    await second?.onTheWire;
    let erased = false;
    const erase = privacy.erase(writing, 'anonymise').then(() => (erased = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(erased).toBe(false);
    second?.open();
    await erase;
    await records.settled();
    expect(await repos.members.get(tenantId, writing.userId)).toBeUndefined();
  });
});
