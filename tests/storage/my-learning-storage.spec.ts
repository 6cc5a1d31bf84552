import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createProfileService } from '../../bot/src/domain/experts/profile-service';
import type { Storage } from '../../bot/src/storage/shared/create-storage';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { ids, profile } from '../support/storage/fixtures';

let azurite: EmbeddedAzurite;
let storage: Storage;

beforeAll(async () => {
  azurite = await startTestAzurite();
  storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  // The export reads the delivery tables too (the person's 1:1 address).
  await createDeliveryStorage(clientsFromConnectionString(azurite.connectionString), storage.queues.jobs).ensureCreated();
});
afterAll(async () => {
  await azurite?.stop();
});

const DAY = 86_400_000;
const START = Date.now() - 30 * DAY;

function profilesAt(clock: { now: Date }) {
  return createProfileService({
    members: storage.repositories.members,
    experts: { refresh: () => Promise.resolve(), endorsementsOf: () => Promise.resolve([]) },
    skillHistory: storage.repositories.skillHistory,
    now: () => clock.now,
  });
}

describe('skill history (My learning): the profile service writes a row per change of a teach skill', () => {
  it('added, re-levelled and removed skills each leave one row; an edit of other fields leaves none', async () => {
    const tenantId = ids.tenant();
    const userId = ids.user();
    await storage.repositories.members.put(profile(tenantId, userId, { teaches: [{ name: 'SQL', level: 1 }] }));
    const clock = { now: new Date(START) };
    const profiles = profilesAt(clock);

    await profiles.edit(tenantId, userId, (p, now) => ({
      ...p,
      teaches: [...p.teaches, { name: 'Excel', level: 2 }],
      updatedAt: now.toISOString(),
    }));
    clock.now = new Date(START + DAY);
    await profiles.edit(tenantId, userId, (p) => ({
      ...p,
      teaches: [
        { name: 'SQL', level: 3 },
        { name: 'Excel', level: 2 },
      ],
    }));
    clock.now = new Date(START + 2 * DAY);
    await profiles.edit(tenantId, userId, (p) => ({ ...p, bio: 'Data person' }));
    clock.now = new Date(START + 3 * DAY);
    await profiles.edit(tenantId, userId, (p) => ({ ...p, teaches: [{ name: 'SQL', level: 3 }] }));

    const at = (days: number) => new Date(START + days * DAY).toISOString();
    expect(await storage.repositories.skillHistory.listFor(tenantId, userId)).toEqual([
      { tenantId, userId, skill: 'Excel', level: 2, at: at(0) },
      // SQL was on the profile before its history: its old level at the profile's last update, then the change.
      { tenantId, userId, skill: 'SQL', level: 1, at: at(0) },
      { tenantId, userId, skill: 'SQL', level: 3, at: at(1) },
      { tenantId, userId, skill: 'Excel', level: 0, at: at(3) },
    ]);
  });

  it('a person without a profile gets no history (nothing was written)', async () => {
    const tenantId = ids.tenant();
    const userId = ids.user();
    const saved = await profilesAt({ now: new Date(START) }).edit(tenantId, userId, (p) => ({ ...p, teaches: [{ name: 'Go', level: 1 }] }));
    expect(saved).toBeUndefined();
    expect(await storage.repositories.skillHistory.listFor(tenantId, userId)).toEqual([]);
  });
});

describe('nudges: the last nudge of a member, claimed under its ETag', () => {
  it('one claim per interval, also when two owners claim at once; a claim after the interval replaces it', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const userId = ids.user();
    const first = new Date(START).toISOString();
    const record = (nudgedAt: string) => ({ tenantId, teamId, userId, nudgedAt });
    const notBefore = new Date(START - 14 * DAY).toISOString();

    const both = await Promise.all([
      storage.repositories.nudges.claim(record(first), notBefore),
      storage.repositories.nudges.claim(record(first), notBefore),
    ]);
    expect(both.map((c) => c.claimed).sort()).toEqual([false, true]);
    const again = await storage.repositories.nudges.claim(
      record(new Date(START + DAY).toISOString()),
      new Date(START + DAY - 14 * DAY).toISOString(),
    );
    expect(again).toEqual({ claimed: false, nudgedAt: first });

    const later = new Date(START + 15 * DAY).toISOString();
    expect(await storage.repositories.nudges.claim(record(later), new Date(START + DAY).toISOString())).toEqual({
      claimed: true,
      nudgedAt: later,
    });
    expect(await storage.repositories.nudges.get(tenantId, teamId, userId)).toEqual(record(later));
  });
});

describe('privacy of plSkillHistory and plNudges', () => {
  it('the export holds only the person’s own rows; erase deletes them and leaves everyone else’s', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const eva = ids.user();
    const pim = ids.user();
    const at = new Date(START).toISOString();
    for (const userId of [eva, pim]) {
      await storage.repositories.skillHistory.add([{ tenantId, userId, skill: 'Kotlin', level: 2, at }]);
      await storage.repositories.nudges.claim({ tenantId, teamId, userId, nudgedAt: at }, new Date(START - DAY).toISOString());
    }
    const exported = await storage.personalData.collect({ tenantId, userId: eva });
    const rowsOf = (table: string) => exported.find((t) => t.table === table)?.rows;
    expect(rowsOf('plSkillHistory')).toEqual([{ tenantId, userId: eva, skill: 'Kotlin', level: 2, at }]);
    expect(rowsOf('plNudges')).toEqual([{ tenantId, teamId, userId: eva, nudgedAt: at }]);

    await storage.personalData.erase({ tenantId, userId: eva }, 'anonymise');
    expect(await storage.repositories.skillHistory.listFor(tenantId, eva)).toEqual([]);
    expect(await storage.repositories.nudges.get(tenantId, teamId, eva)).toBeUndefined();
    expect(await storage.repositories.skillHistory.listFor(tenantId, pim)).toHaveLength(1);
    expect(await storage.repositories.nudges.get(tenantId, teamId, pim)).toEqual({ tenantId, teamId, userId: pim, nudgedAt: at });
  });
});
