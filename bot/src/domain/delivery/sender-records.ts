import type { MemberSighting } from '../experts/member';
import type { ProfileService } from '../experts/profile-service';
import type { Logger } from '../shared/logger';
import type { PersonRef } from '../shared/person';
import { createWriteBehind } from '../shared/write-behind';
import type { AddressBook, PersonAddress } from './delivery';

interface SenderRecordsDeps {
  readonly profiles: Pick<ProfileService, 'sightedMany'>;
  readonly addresses: Pick<AddressBook, 'mergePeople'>;
  readonly log: Pick<Logger, 'error'>;
  /** True while RSVP answers are served on this instance: the records wait for them (answers-in-flight.ts). */
  readonly busy: () => boolean;
}

/** What the bot keeps about whoever acts, written behind the answers (see write-behind.ts). */
export interface SenderRecords {
  /** Their profile: created on first sight, name, e-mail and locale kept current. */
  sighted(sighting: MemberSighting): void;
  /** How to reach them (a merge: a stored 1:1 conversation stays). */
  addressSeen(address: PersonAddress): void;
  /**
   * Drops what is queued for the person and waits for a batch of theirs already on the wire: an erase
   * calls it first, so nothing queued before it brings their profile or address back afterwards.
   */
  forget(person: PersonRef): Promise<void>;
  /** Resolves once everything recorded so far is stored: before a shutdown, and for tests. */
  settled(): Promise<void>;
}

// A tenant's profiles and addresses are one partition each: up to 100 rows per transaction.
const PER_BATCH = 100;
// A burst of answers comes over a second or so: a batch waits until none came for this long...
const LINGER_MS = 100;
// ...but no longer than this, however long the burst goes on.
const MAX_WAIT_MS = 2_000;

/**
 * The profile and address of a person who answered an invite, stored after the answer: a first-time
 * sender cost 5 of the 14.7 storage round trips of an RSVP before its answer could leave
 * (docs/BENCHMARKS.md, RSVP burst). Written in batches, a burst of new people costs a few.
 */
export function createSenderRecords(deps: SenderRecordsDeps): SenderRecords {
  const personKey = (p: PersonRef) => `${p.tenantId}\n${p.userId}`;
  const profiles = createWriteBehind<MemberSighting>({
    keyOf: personKey,
    write: (sightings) => deps.profiles.sightedMany(sightings),
    maxBatch: PER_BATCH,
    log: deps.log,
    what: 'profile sightings',
    lingerMs: LINGER_MS,
    maxWaitMs: MAX_WAIT_MS,
    busy: deps.busy,
  });
  const addresses = createWriteBehind<PersonAddress>({
    keyOf: personKey,
    write: (list) => deps.addresses.mergePeople(list),
    maxBatch: PER_BATCH,
    log: deps.log,
    what: 'conversation addresses',
    lingerMs: LINGER_MS,
    maxWaitMs: MAX_WAIT_MS,
    busy: deps.busy,
  });
  return {
    sighted: (sighting) => profiles.add(sighting),
    addressSeen: (address) => addresses.add(address),
    async forget(person) {
      await Promise.all([profiles.forget(personKey(person)), addresses.forget(personKey(person))]);
    },
    async settled() {
      await Promise.all([profiles.settled(), addresses.settled()]);
    },
  };
}
