import type { Logger } from '../shared/logger';
import type { PersonRef } from '../shared/person';
import type { RsvpIndexRef } from '../shared/repositories';
import type { Rsvp } from '../sessions/session';
import { createWriteBehind } from '../shared/write-behind';

/**
 * The person index of RSVPs ("my sessions": each answer copied under the person) written behind the
 * answers instead of before them: one write per answer, each in its person's own partition, was the
 * one storage call of an answer that no batch could share (docs/BENCHMARKS.md, RSVP burst).
 */
export interface RsvpIndexBehind {
  /** Queues the index rows of these answers; a later answer of the same person to the same session replaces an earlier one. */
  add(answers: readonly Rsvp[]): void;
  /** The person's answers queued or on the wire, not yet in the index: read beside the stored ones. */
  pendingOf(tenantId: string, userId: string): readonly Rsvp[];
  /**
   * Drops what is queued for the person and waits for a batch of theirs already on the wire: an erase
   * calls it after withdrawing their answers and before deleting their rows, so no index row of theirs
   * is written afterwards.
   */
  forget(person: PersonRef): Promise<void>;
  /** Resolves once everything queued so far is written (or given up): before a shutdown, and for tests. */
  settled(): Promise<void>;
}

interface RsvpIndexBehindDeps {
  /** RsvpRepository.indexAnswers: copies each answer as stored under its session now (an erased one is skipped). */
  readonly write: (answers: readonly RsvpIndexRef[]) => Promise<void>;
  readonly log: Pick<Logger, 'error'>;
}

/** One person's queued answers, by session. */
interface PersonAnswers {
  readonly person: string;
  readonly answers: ReadonlyMap<string, Rsvp>;
}

// People per batch: each row is its own upsert (the rows are in as many partitions as people).
const PEOPLE_PER_BATCH = 100;
// As the senders' records (sender-records.ts): written once the burst has calmed down...
const LINGER_MS = 100;
// ...but no longer than this after the first waited.
const MAX_WAIT_MS = 2_000;

const personKey = (tenantId: string, userId: string) => `${tenantId}\n${userId}`;

export function createRsvpIndexBehind(deps: RsvpIndexBehindDeps): RsvpIndexBehind {
  const queue = createWriteBehind<PersonAnswers>({
    keyOf: (item) => item.person,
    // Keyed by person (so an erase finds all of theirs at once), each session's latest answer kept.
    merge: (queued, later) => ({ person: queued.person, answers: new Map([...queued.answers, ...later.answers]) }),
    write: (items) => deps.write(items.flatMap((item) => [...item.answers.values()])),
    maxBatch: PEOPLE_PER_BATCH,
    log: deps.log,
    what: 'RSVP person-index rows',
    lingerMs: LINGER_MS,
    maxWaitMs: MAX_WAIT_MS,
  });
  return {
    add(answers) {
      const byPerson = new Map<string, Map<string, Rsvp>>();
      for (const rsvp of answers) {
        const key = personKey(rsvp.tenantId, rsvp.userId);
        const mine = byPerson.get(key) ?? new Map<string, Rsvp>();
        mine.set(rsvp.sessionId, rsvp);
        byPerson.set(key, mine);
      }
      for (const [person, mine] of byPerson) queue.add({ person, answers: mine });
    },
    pendingOf(tenantId, userId) {
      // On the wire first, then queued: the queued answer to a session is the later one.
      const latest = new Map<string, Rsvp>();
      for (const item of queue.pending(personKey(tenantId, userId)))
        for (const [sessionId, rsvp] of item.answers) latest.set(sessionId, rsvp);
      return [...latest.values()];
    },
    forget: (person) => queue.forget(personKey(person.tenantId, person.userId)),
    settled: () => queue.settled(),
  };
}
