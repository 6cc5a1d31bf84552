/**
 * How outbox messages reach Teams: where each conversation is (addresses, learnt from the bot's
 * activities), what was already posted (the idempotency record), and what could not be delivered
 * (parked, for the team owner to see and retry). Storage and Teams implement these interfaces.
 */
import type { Channel } from '../teams/team';
import type { OutboxJob, OutgoingMessage } from './outbox';

/** What a proactive post into a team needs besides the channel id. */
export interface TeamAddress {
  readonly tenantId: string;
  readonly teamId: string;
  readonly serviceUrl: string;
  /** The bot's own Teams id (`28:…`), the `from` of what it posts. */
  readonly botId: string;
  readonly updatedAt: string;
}

/** A person's 1:1 chat with the bot, or what is needed to open one. */
export interface PersonAddress {
  readonly tenantId: string;
  /** Entra object id. */
  readonly userId: string;
  readonly serviceUrl: string;
  readonly botId: string;
  /** The person's Teams id (`29:…`), needed to open a 1:1 chat. */
  readonly teamsUserId?: string;
  /** The 1:1 conversation id, once known. */
  readonly conversationId?: string;
  readonly updatedAt: string;
}

export interface AddressBook {
  getTeam(tenantId: string, teamId: string): Promise<TeamAddress | undefined>;
  putTeam(address: TeamAddress): Promise<void>;
  removeTeam(tenantId: string, teamId: string): Promise<void>;
  getPerson(tenantId: string, userId: string): Promise<PersonAddress | undefined>;
  putPerson(address: PersonAddress): Promise<void>;
  /**
   * Writes many people's addresses at once (in as few round trips as storage allows), each as a
   * merge: what an address leaves out (a 1:1 conversation id, a Teams id) stays as stored.
   */
  mergePeople(addresses: readonly PersonAddress[]): Promise<void>;
}

/** Where a message was posted, so it can be updated in place or replied to. */
export interface DeliveryRecord {
  readonly tenantId: string;
  readonly key: string;
  readonly conversationId: string;
  readonly activityId: string;
  readonly postedAt: string;
  /**
   * Needed at least until then (ISO time), whatever `postedAt` says: a session's invite until the
   * session ends (updates and reminder threads find the card through it), or the last time a job that
   * still runs found it. The retention sweep counts from the later of the two (retention.ts).
   */
  readonly keepUntil?: string;
}

/** The time a row of the idempotency record counts from for retention. */
export const recordTimeOf = (record: Pick<DeliveryRecord, 'postedAt' | 'keepUntil'>): string =>
  record.keepUntil && record.keepUntil > record.postedAt ? record.keepUntil : record.postedAt;

export interface DeliveryRecords {
  get(tenantId: string, key: string): Promise<DeliveryRecord | undefined>;
  put(record: DeliveryRecord): Promise<void>;
  /** Deletes every record (all tenants) whose `recordTimeOf` is before `before`, a page at a time; answers how many. */
  sweep(before: Date): Promise<number>;
}

/** A message (or a whole job) that could not be delivered after every attempt. */
export interface ParkedDelivery {
  readonly tenantId: string;
  /** The team whose owner sees it; `''` when not even that is known (an unreadable queue message). */
  readonly teamId: string;
  readonly parkedId: string;
  readonly reason: ParkReason;
  readonly attempts: number;
  readonly lastError: string;
  readonly parkedAt: string;
  /** Set when an owner asked for a retry that has not run yet. */
  readonly retryRequestedAt?: string;
  readonly message?: OutgoingMessage;
  readonly job?: OutboxJob;
}

export type ParkReason =
  /** Teams kept answering 429/412/5xx. */
  | 'attempts-exhausted'
  /** Teams refused the message for good (e.g. 403: the bot was removed, 404: no such conversation). */
  | 'rejected'
  /** No address: the app is not installed in the team, or the person never talked to the bot. */
  | 'no-address'
  /** A queue message that kept failing or could not be read. */
  | 'poison';

export interface ParkedDeliveries {
  put(parked: ParkedDelivery): Promise<void>;
  get(tenantId: string, teamId: string, parkedId: string): Promise<ParkedDelivery | undefined>;
  listForTeam(tenantId: string, teamId: string): Promise<ParkedDelivery[]>;
  remove(tenantId: string, teamId: string, parkedId: string): Promise<void>;
  /** Deletes every parked message (all tenants) parked, and not asked to retry, since before `before`; answers how many. */
  sweep(before: Date): Promise<number>;
}

export type DeliveryOutcome =
  | { readonly status: 'posted' | 'updated'; readonly conversationId: string; readonly activityId: string }
  /** Already posted under this key (a retried job), or an update of something never posted. */
  | { readonly status: 'skipped'; readonly why: 'already-posted' | 'nothing-to-update' }
  | { readonly status: 'parked'; readonly parkedId: string; readonly reason: ParkReason };

/** Delivers one message to Teams: throttled, retried, idempotent; parks it when it cannot. */
export interface MessageSender {
  deliver(message: OutgoingMessage, origin: { readonly teamId: string; readonly job?: OutboxJob }): Promise<DeliveryOutcome>;
}

/** What the worker reads from the queue. */
export type WorkItem =
  | { readonly kind: 'job'; readonly job: OutboxJob; readonly notBefore?: Date }
  /** An owner asked to retry a parked message. */
  | { readonly kind: 'redeliver'; readonly tenantId: string; readonly teamId: string; readonly parkedId: string };

export interface LeasedWork {
  readonly id: string;
  /** How often the queue has handed this message out (1 the first time). */
  readonly dequeueCount: number;
  /** The decoded item, or why it could not be decoded. */
  readonly item: WorkItem | { readonly kind: 'unreadable'; readonly problem: string; readonly raw: string };
}

/** A queue with leases: a received message is hidden until its lease ends or it is completed. */
export interface WorkQueue {
  receive(max: number, leaseSeconds: number): Promise<LeasedWork[]>;
  /** Done with it: gone for good. */
  complete(work: LeasedWork): Promise<void>;
  /** Keeps it hidden `leaseSeconds` longer while it is still being worked on. */
  extend(work: LeasedWork, leaseSeconds: number): Promise<void>;
  /** Gives the lease up: visible again at once, for any instance to take (a stopping worker's unfinished job). */
  release(work: LeasedWork): Promise<void>;
  /** Puts it back, invisible until `notBefore` (at most the queue's maximum delay), and completes this copy. */
  defer(work: LeasedWork, notBefore: Date, now: Date): Promise<void>;
  /** Asks for a parked delivery to be tried again. */
  requestRedelivery(tenantId: string, teamId: string, parkedId: string): Promise<void>;
}

/** Keeps `channels` in step with Teams' channel events. */
export function withChannel(channels: readonly Channel[], channel: Channel): Channel[] {
  return [...channels.filter((c) => c.channelId !== channel.channelId), channel];
}

export function withoutChannel(channels: readonly Channel[], channelId: string): Channel[] {
  return channels.filter((c) => c.channelId !== channelId);
}

/** The conversation id of a reply in a channel thread, as Teams addresses it. */
export const threadConversationId = (channelConversationId: string, rootActivityId: string): string =>
  `${channelConversationId.split(';')[0] ?? channelConversationId};messageid=${rootActivityId}`;
