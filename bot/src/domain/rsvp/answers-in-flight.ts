/**
 * Whether RSVP answers are being served on this instance right now: background work that can wait a
 * moment (the expert index's poll) waits while they are, so a burst of 200 answers to one invite does
 * not share storage with a few hundred reads that nobody waits for.
 */
export interface AnswersInFlight {
  /** Runs one answer, counted as in flight until it settles. */
  track<T>(answer: () => Promise<T>): Promise<T>;
  busy(): boolean;
}

export function createAnswersInFlight(): AnswersInFlight {
  let inFlight = 0;
  return {
    async track(answer) {
      inFlight += 1;
      try {
        return await answer();
      } finally {
        inFlight -= 1;
      }
    },
    busy: () => inFlight > 0,
  };
}
