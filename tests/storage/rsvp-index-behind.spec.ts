import { describe, expect, it } from '@jest/globals';
import { withOneRsvpWriterPerSession } from '../../bot/src/domain/delivery/rsvp-lanes';
import { createPrivacyService } from '../../bot/src/domain/privacy/privacy-service';
import { createRsvpIndexBehind } from '../../bot/src/domain/rsvp/rsvp-index-behind';
import type { RsvpIndexRef } from '../../bot/src/domain/shared/repositories';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { eventually } from '../support/eventually';
import { ids, session } from '../support/storage/fixtures';
import { gatedWrites } from '../support/gated-writes';
import { useTestStorage } from '../support/test-storage';

// The RSVP person index written behind the answers (domain/rsvp/rsvp-index-behind.ts), on Azurite.
const storage = useTestStorage();

/** Each index batch is held on the wire until the test opens its gate. */
function gatedIndex() {
  const { gates, hold } = gatedWrites();
  const index = createRsvpIndexBehind({
    write: hold((answers: readonly RsvpIndexRef[]) => storage.repos.rsvps.indexAnswers(answers)),
    log: { error: () => undefined },
  });
  const repositories = withOneRsvpWriterPerSession(storage.repos, index);
  return { index, rsvps: repositories.rsvps, gate: (n: number) => gates[n] };
}

async function newSession(tenantId: string, capacity: number | null) {
  const ref = { tenantId, teamId: ids.teamsThread(), sessionId: `s-${ids.user()}` };
  await storage.repos.sessions.create({ ...session(ref.tenantId, ref.teamId, ref.sessionId), capacity });
  return ref;
}

/** The store an erase goes through (its rules read the delivery tables too, so they must exist). */
async function personalData() {
  await createDeliveryStorage(clientsFromConnectionString(storage.azurite.connectionString)).ensureCreated();
  return createStorage({ connectionString: storage.azurite.connectionString }).personalData;
}

/** The person index as stored (not through the lane, which adds what this instance still has queued). */
const storedIndex = (tenantId: string, userId: string) => storage.repos.rsvps.listForUser(tenantId, userId);

describe('RSVP person index written behind the answers', () => {
  it('an answer is stored before its index row; this instance reads it meanwhile; the row lands after, with the latest answer', async () => {
    const tenantId = ids.tenant();
    const ref = await newSession(tenantId, null);
    const person = ids.user();
    const { index, rsvps, gate } = gatedIndex();

    const outcome = await rsvps.respond(ref, person, 'yes', new Date());
    expect(outcome.rsvp.response).toBe('yes');
    await gate(0)?.onTheWire;
    // Answered and counted, not yet indexed.
    expect((await storage.repos.rsvps.get(tenantId, ref.sessionId, person))?.response).toBe('yes');
    expect(await storedIndex(tenantId, person)).toEqual([]);
    expect((await rsvps.listForUser(tenantId, person)).map((r) => r.response)).toEqual(['yes']);

    // Changed while the first copy is on the wire: the lane shows the latest, and the latest is what lands.
    await rsvps.respond(ref, person, 'maybe', new Date());
    expect((await rsvps.listForUser(tenantId, person)).map((r) => [r.sessionId, r.response])).toEqual([[ref.sessionId, 'maybe']]);
    gate(0)?.open();
    await gate(1)?.onTheWire;
    gate(1)?.open();
    await index.settled();
    expect((await storedIndex(tenantId, person)).map((r) => [r.sessionId, r.response])).toEqual([[ref.sessionId, 'maybe']]);
  });

  it('an erase wins: it withdraws an answer whose index row is still queued, and no index row of the person lands afterwards', async () => {
    const tenantId = ids.tenant();
    const privacyStore = await personalData();
    const { index, rsvps, gate } = gatedIndex();
    const privacy = createPrivacyService({
      store: privacyStore,
      experts: { refresh: () => Promise.resolve() },
      secret: 's'.repeat(40),
      publicUrl: 'https://pl.example/',
      // As the RSVP service answers for an erase: through the same lane.
      rsvps: {
        listForUser: (t, u) => rsvps.listForUser(t, u),
        respond: async (actor, teamId, sessionId, response) => {
          await rsvps.respond({ tenantId: actor.tenantId, teamId, sessionId }, actor.userId, response, new Date());
          return { ok: true };
        },
      },
      now: () => new Date(),
      pendingWrites: index,
    });

    // Someone else's index batch is on the wire; the person's seat and the one waiting are queued behind it.
    const other = await newSession(tenantId, null);
    await rsvps.respond(other, ids.user(), 'yes', new Date());
    await gate(0)?.onTheWire;
    const full = await newSession(tenantId, 1);
    const [leaving, waiting] = [ids.user(), ids.user()];
    await rsvps.respond(full, leaving, 'yes', new Date());
    expect((await rsvps.respond(full, waiting, 'yes', new Date())).rsvp.waitlisted).toBe(true);

    await privacy.erase({ tenantId, userId: leaving }, 'anonymise');
    gate(0)?.open();
    await gate(1)?.onTheWire;
    gate(1)?.open();
    await index.settled();
    // Withdrawn (the seat went to the one waiting), then erased: nothing names them, under the session or the person.
    expect(await storage.repos.rsvps.get(tenantId, full.sessionId, leaving)).toBeUndefined();
    expect(await storedIndex(tenantId, leaving)).toEqual([]);
    expect((await storage.repos.sessions.get(tenantId, full.teamId, full.sessionId))?.counts).toMatchObject({ yes: 1 });
    expect((await storedIndex(tenantId, waiting)).map((r) => [r.response, r.waitlisted ?? false])).toEqual([['yes', false]]);

    // Already on the wire when the erase starts: the erase waits for it, then removes what it wrote.
    const writing = ids.user();
    const third = await newSession(tenantId, null);
    await rsvps.respond(third, writing, 'yes', new Date());
    await gate(2)?.onTheWire;
    let erased = false;
    const erase = privacy.erase({ tenantId, userId: writing }, 'anonymise').then(() => (erased = true));
    // The erase gets as far as it can: it withdraws the answer, and then waits for the batch on the wire.
    await eventually(async () => expect((await storage.repos.rsvps.get(tenantId, third.sessionId, writing))?.response).toBe('no'));
    expect(erased).toBe(false);
    gate(2)?.open();
    await erase;
    await index.settled();
    expect(await storage.repos.rsvps.get(tenantId, third.sessionId, writing)).toBeUndefined();
    expect(await storedIndex(tenantId, writing)).toEqual([]);
  });

  it('a late copy of an answer erased meanwhile (by another instance) writes nothing; a copy takes the answer as stored now', async () => {
    const tenantId = ids.tenant();
    const ref = await newSession(tenantId, null);
    const [erased, changed] = [ids.user(), ids.user()];
    await storage.repos.rsvps.respondMany(
      ref,
      [
        { userId: erased, response: 'yes', now: new Date() },
        { userId: changed, response: 'yes', now: new Date() },
      ],
      { personIndex: 'behind' },
    );
    await storage.repos.rsvps.respondMany(ref, [{ userId: changed, response: 'no', now: new Date() }], { personIndex: 'behind' });
    expect(await storedIndex(tenantId, erased)).toEqual([]);
    await (await personalData()).erase({ tenantId, userId: erased }, 'anonymise');

    await storage.repos.rsvps.indexAnswers([
      { tenantId, sessionId: ref.sessionId, userId: erased },
      { tenantId, sessionId: ref.sessionId, userId: changed },
    ]);
    expect(await storedIndex(tenantId, erased)).toEqual([]);
    expect((await storedIndex(tenantId, changed)).map((r) => r.response)).toEqual(['no']);
  });
});
