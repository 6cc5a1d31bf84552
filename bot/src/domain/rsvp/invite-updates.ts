import type { Outbox } from '../delivery/outbox';

interface SessionRef {
  readonly tenantId: string;
  readonly teamId: string;
  readonly sessionId: string;
}

interface Burst {
  /** Answers to the session running right now in this instance. */
  inFlight: number;
  /** An answer finished whose card update has not been enqueued yet. */
  owed: boolean;
  /** When this burst last enqueued an update (ms). */
  lastEnqueued: number;
}

/**
 * One invite-card update per RSVP burst (per instance). The update job reads the session when it
 * runs, so an update enqueued after an answer was stored shows it. Answers to one session that
 * overlap in time therefore need only one update: the one enqueued by whichever finishes last,
 * after every other has been stored. A steady stream that never pauses still gets an update at least
 * every `maxQuietMs`. Before this, 200 answers enqueued 200 jobs, each a queue write on the answer's
 * path and a card composed and sent by the worker (docs/BENCHMARKS.md).
 *
 * What it trades: an answer that finished while others were still running returns before its
 * update is enqueued; if the process dies before the last one enqueues, the card waits for the
 * next change (as it did before for a crash between storing an answer and enqueueing its update).
 */
export function createInviteUpdates(outbox: Outbox, now: () => Date, maxQuietMs = 2_000) {
  const bursts = new Map<string, Burst>();
  const keyOf = (ref: SessionRef) => `${ref.tenantId}\n${ref.teamId}\n${ref.sessionId}`;

  return {
    /** Runs one answer; `changed` says whether its outcome needs the posted card updated. */
    async around<T>(ref: SessionRef, answer: () => Promise<T>, changed: (outcome: T) => boolean): Promise<T> {
      const key = keyOf(ref);
      const burst = bursts.get(key) ?? { inFlight: 0, owed: false, lastEnqueued: now().getTime() };
      bursts.set(key, burst);
      burst.inFlight += 1;
      let outcome: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };
      try {
        const value = await answer();
        if (changed(value)) burst.owed = true;
        outcome = { ok: true, value };
      } catch (error) {
        // A failed answer changes nothing, but it may be the last of a burst whose update is owed.
        outcome = { ok: false, error };
      }
      burst.inFlight -= 1;
      const last = burst.inFlight === 0;
      if (last) bursts.delete(key);
      const due = last || now().getTime() - burst.lastEnqueued >= maxQuietMs;
      if (burst.owed && due) {
        burst.owed = false;
        burst.lastEnqueued = now().getTime();
        await outbox.enqueue({ kind: 'updateInvite', tenantId: ref.tenantId, teamId: ref.teamId, sessionId: ref.sessionId });
      }
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
  };
}
