import type { RsvpRequest, SessionSummary } from '../../../../bot/src/api/contract';

export type RsvpAnswer = RsvpRequest['response'];

/** A session as the tab shows it: the API's summary plus the caller's own answer once known. */
export type BoardSession = SessionSummary & {
  readonly myRsvp?: RsvpAnswer | null;
  /** The caller said "going" to a full session and waits in line. */
  readonly waitlisted?: boolean;
  /** Their place in line, when the service said it (1 = next to get a seat). */
  readonly waitlistPosition?: number;
};
