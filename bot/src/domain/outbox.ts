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
  /** A reminder in the invite's thread, `minutesBefore` the start. */
  | ({ readonly kind: 'postReminder'; readonly minutesBefore: number } & SessionRef)
  /** After the end: the feedback card to each attendee. */
  | ({ readonly kind: 'requestFeedback' } & SessionRef)
  /** A direct message to one person (waitlist promotion, feedback summary to the host…). */
  | ({ readonly kind: 'notifyPerson'; readonly userId: string; readonly reason: string } & SessionRef)
  /** A kudos card into a channel. */
  | { readonly kind: 'postKudos'; readonly tenantId: string; readonly teamId: string; readonly kudosId: string };

export type OutboxJobKind = OutboxJob['kind'];

export interface EnqueueOptions {
  /** Not before this moment (reminders, feedback requests). */
  readonly notBefore?: Date;
}

export interface Outbox {
  enqueue(job: OutboxJob, options?: EnqueueOptions): Promise<void>;
}
