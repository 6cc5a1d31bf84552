/**
 * A pulse survey (DESIGN F5, issue #14): an owner posts three fixed 1–5 questions to the channel.
 * Answers are anonymous: stored without the person; one answer per person is enforced by a keyed
 * hash of (pulse, person) that cannot be turned back into the person and links no two pulses.
 */

export const PULSE_QUESTIONS = ['learnedFromColleague', 'timeToLearn', 'wouldRecommend'] as const;
export type PulseQuestion = (typeof PULSE_QUESTIONS)[number];

/** Results are shown only once at least this many answered. */
export const PULSE_MIN_ANSWERS = 5;
/** A pulse takes answers for this many days after it was posted. */
export const PULSE_OPEN_DAYS = 14;

export interface Pulse {
  readonly tenantId: string;
  readonly teamId: string;
  readonly pulseId: string;
  readonly channelId: string;
  readonly postedBy: string;
  readonly postedAt: string;
  readonly closesAt: string;
  readonly responses: number;
  /** Per question, how many gave each score: `counts[q][score - 1]`. */
  readonly counts: Readonly<Record<PulseQuestion, readonly [number, number, number, number, number]>>;
}

/** A pulse as people may see it: the count always, the scores only from PULSE_MIN_ANSWERS answers on. */
export interface PulseResults {
  readonly pulseId: string;
  readonly postedAt: string;
  readonly closesAt: string;
  readonly open: boolean;
  readonly responses: number;
  /** Absent below PULSE_MIN_ANSWERS. */
  readonly questions?: readonly {
    readonly question: PulseQuestion;
    readonly average: number;
    readonly counts: readonly [number, number, number, number, number];
  }[];
}
