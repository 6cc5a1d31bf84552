import { describe, expect, it } from '@jest/globals';
import { createSenderRecords } from '../../bot/src/domain/delivery/sender-records';
import { recordSightings } from '../../bot/src/domain/experts/members';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { ids, profile } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

// What the bot writes about a sender after an RSVP's answer (domain/delivery/sender-records.ts), on Azurite.
const storage = useTestStorage();
const at = new Date();

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
});
