/**
 * Work that posts into Teams goes through the outbox: a durable queue (Azure Storage Queues) that
 * any instance may take from, a throttled sender that respects Teams' limits, and an idempotency
 * record of what was posted. Domain code only says *what* should happen.
 */

interface SessionRef {
  readonly tenantId: string;
  readonly teamId: string;
  readonly sessionId: string;
}

export type OutboxJob =
  /** Post the session's invite card into its channel (once). */
  | ({ readonly kind: 'postInvite' } & SessionRef)
  /** Update the posted invite card in place (after an RSVP, an edit or a cancel). */
  | ({ readonly kind: 'updateInvite' } & SessionRef)
  /**
   * A reminder in the invite's thread, `minutesBefore` the start. `forStartsAt` is the start it was
   * planned for: when the session moved since, the reminder is stale and posts nothing.
   */
  | ({ readonly kind: 'postReminder'; readonly minutesBefore: number; readonly forStartsAt?: string } & SessionRef)
  /** After the end: the feedback card to each attendee (stale when the session moved, see `forStartsAt`). */
  | ({ readonly kind: 'requestFeedback'; readonly forStartsAt?: string } & SessionRef)
  /**
   * A direct message to one person (waitlist promotion, named as a teacher, feedback summary to the
   * host…). `ref` tells two notices of the same reason apart (e.g. promoted twice), so each gets its
   * own key; `aboutUserId` is the other person the notice is about (who declined their role).
   */
  | ({
      readonly kind: 'notifyPerson';
      readonly userId: string;
      readonly reason: string;
      readonly ref?: string;
      readonly aboutUserId?: string;
    } & SessionRef)
  /** A kudos card into a channel. */
  | { readonly kind: 'postKudos'; readonly tenantId: string; readonly teamId: string; readonly kudosId: string }
  /**
   * A learning-buddy round (DESIGN F8): computed once under its id (a retried job reads the stored
   * round), then an introduction to everyone paired, each under its own key. `teamId` is the pool:
   * a team's id, or ORGANISATION_POOL for the tenant-wide rounds (delivery records and parked
   * messages are kept per pool then).
   */
  | { readonly kind: 'startBuddyRound'; readonly tenantId: string; readonly teamId: string; readonly roundId: string }
  /** Halfway through a round: "did you meet?" to everyone paired in it. */
  | { readonly kind: 'askBuddiesMet'; readonly tenantId: string; readonly teamId: string; readonly roundId: string }
  /**
   * Insights (DESIGN F10): bring a session's fact and its week and month rollups up to date (after
   * the session ended, after feedback, after a cancel). Posts nothing; idempotent.
   */
  | ({ readonly kind: 'foldInsights' } & SessionRef)
  /** A pulse survey card into the channel it was posted to (`post`), or its live response count (`update`). */
  | {
      readonly kind: 'postPulse';
      readonly tenantId: string;
      readonly teamId: string;
      readonly pulseId: string;
      readonly mode: 'post' | 'update';
    }
  /**
   * Learning requests (issue #12): everyone who asked or +1'd hears that a session was planned from
   * the request (with its invite), or that it was cancelled (the request is open again).
   */
  | ({
      readonly kind: 'notifyAskers';
      readonly event: 'planned' | 'cancelled';
      readonly requestId: string;
    } & SessionRef)
  /**
   * Milestones (issue #12): after a kudos was stored, claim what its receiver reached and post the
   * milestone card in the team's channel. (A held session's milestones come with its `foldInsights`.)
   */
  | { readonly kind: 'celebrateMilestones'; readonly tenantId: string; readonly teamId: string; readonly kudosId: string }
  /**
   * Learning requests (issue #12): a new request's skill reaches the team members who teach it, each
   * at most once a day (domain/requests/request-alerts.ts), unless they turned request alerts off.
   */
  | { readonly kind: 'alertTeachers'; readonly tenantId: string; readonly teamId: string; readonly requestId: string }
  /** An owner's private, friendly nudge to a quiet member: a personal card with matching upcoming sessions. */
  | {
      readonly kind: 'nudgeMember';
      readonly tenantId: string;
      readonly teamId: string;
      readonly userId: string;
      readonly nudgedAt: string;
    };

export interface EnqueueOptions {
  /** Not before this moment (reminders, feedback requests). */
  readonly notBefore?: Date;
}

export interface Outbox {
  enqueue(job: OutboxJob, options?: EnqueueOptions): Promise<void>;
}

/** Where a message goes. A thread is the reply chain of the message posted under `rootKey`. */
type MessageTarget =
  | { readonly kind: 'channel'; readonly tenantId: string; readonly teamId: string; readonly channelId: string }
  | { readonly kind: 'thread'; readonly tenantId: string; readonly teamId: string; readonly channelId: string; readonly rootKey: string }
  | { readonly kind: 'person'; readonly tenantId: string; readonly userId: string };

/**
 * One message a job wants in Teams. `key` is its idempotency key: a `post` under a key that was
 * already posted is not posted again; an `update` replaces the message posted under that key.
 */
export interface OutgoingMessage {
  readonly key: string;
  readonly mode: 'post' | 'update';
  readonly target: MessageTarget;
  /** Adaptive Card JSON (schema 1.5), built by `bot/src/cards`. */
  readonly card: Readonly<Record<string, unknown>>;
  /** Plain-text summary for notifications and clients that show no cards. */
  readonly summary: string;
  /** Its idempotency record is needed until then at least (an invite: until its session ends). */
  readonly keepUntil?: string;
}

/** Turns a job into the messages it should produce now (none when the job is stale, e.g. a reminder of a moved session). */
export type JobComposer = (job: OutboxJob, now: Date) => Promise<readonly OutgoingMessage[]>;
