/**
 * Milestones (DESIGN F6, issue #12): moments in a person's peer learning that the team celebrates
 * with a card in its channel. Counted per team, the way Insights counts them: a session taught or
 * attended is one in the team's session facts (domain/insights/session-fold.ts), a thank-you is a
 * kudos stored for the team.
 */

/** What a milestone counts. */
export type MilestoneKind = 'taught' | 'attended' | 'kudosReceived';

/** Every milestone, in one list: a new one is a line here (and its two strings in cards/milestones). */
export const MILESTONES = [
  { id: 'taught1', kind: 'taught', count: 1 },
  { id: 'taught5', kind: 'taught', count: 5 },
  { id: 'attended1', kind: 'attended', count: 1 },
  { id: 'attended5', kind: 'attended', count: 5 },
  { id: 'attended10', kind: 'attended', count: 10 },
  { id: 'kudos10', kind: 'kudosReceived', count: 10 },
] as const satisfies readonly { readonly id: string; readonly kind: MilestoneKind; readonly count: number }[];

export type MilestoneId = (typeof MILESTONES)[number]['id'];
export type Milestone = (typeof MILESTONES)[number];

/**
 * A milestone reached only counts as news when the event that reached it (the nth session's start,
 * the nth kudos) is at most this old. Older ones are claimed silently: a team whose history is folded
 * for the first time, or a person whose count passed a milestone before milestones existed, does not
 * flood the channel with old news.
 */
export const MILESTONE_NEWS_DAYS = 7;

/**
 * One person's milestone in one team, claimed once (insert-if-absent): the claim is what makes a
 * second instance, a retried job or a later re-count post nothing. `celebrated` says whether a card
 * was due: false when the person had turned milestone cards off, when the news was old, or when the
 * team knows no channel. A false claim is never celebrated later (turning cards on again does not
 * post old milestones).
 */
export interface MilestoneClaim {
  readonly tenantId: string;
  readonly teamId: string;
  readonly userId: string;
  readonly milestone: MilestoneId;
  /** When the event that reached it happened (the session's start, the kudos' time). */
  readonly reachedAt: string;
  /** The session or kudos that reached it. */
  readonly sourceId: string;
  readonly claimedAt: string;
  readonly celebrated: boolean;
}

/** One counted event of a person: a session taught or attended, a kudos received. */
export interface CountedEvent {
  readonly sourceId: string;
  readonly at: string;
}

/**
 * The first events of one kind a person had in one team (sessions taught, sessions attended, kudos
 * received), up to the highest milestone of that kind (milestone-tally.ts): what the milestone check
 * needs instead of the team's whole history. The nth event in it is the one that reached a milestone
 * of count n; events are added under the row's ETag, so two checks at once agree on which one that is.
 */
export interface MilestoneTally {
  readonly tenantId: string;
  readonly teamId: string;
  readonly userId: string;
  readonly kind: MilestoneKind;
  /** Oldest first as first counted from the history, then in the order they were counted. */
  readonly events: readonly CountedEvent[];
}

/** A tally as listed from storage, with its row's version: a change to it is written without reading it again. */
export interface StoredTally extends MilestoneTally {
  readonly version: string;
}

export type TallyOwner = Pick<MilestoneTally, 'tenantId' | 'teamId' | 'userId' | 'kind'>;
export type ClaimOwner = Pick<MilestoneClaim, 'tenantId' | 'teamId' | 'userId' | 'milestone'>;

/** Claims of a team (table `plMilestones`, one partition per team, and a copy in one partition per person). */
export interface MilestoneRepository {
  /** Every claim of one person across the tenant's teams (My learning): their own partition, not every team's. */
  listForPerson(tenantId: string, userId: string): Promise<MilestoneClaim[]>;
  /**
   * Stores the claim unless one exists for (team, person, milestone): true only for the one caller
   * that stored it. The person's copy is written too, also by a caller that lost (it then copies the
   * stored claim), so a retry repairs a copy a crash left out.
   */
  claim(claim: MilestoneClaim): Promise<boolean>;
  /** One claim: a point read of the team's row. */
  get(tenantId: string, teamId: string, userId: string, milestone: MilestoneId): Promise<MilestoneClaim | undefined>;
  /** The tallies of one kind of these people in the team, in one query; a person never counted there has none. */
  listTallies(tenantId: string, teamId: string, kind: MilestoneKind, userIds: readonly string[]): Promise<StoredTally[]>;
  /**
   * Changes one tally under its ETag (created when absent), again from a fresh read when another
   * writer came first; `change` answers undefined for "nothing to write". `listed`, the tally as just
   * listed, is changed first without reading it again. Answers the tally as stored.
   */
  updateTally(
    owner: TallyOwner,
    change: (current: MilestoneTally | undefined) => Promise<MilestoneTally | undefined>,
    listed?: StoredTally,
  ): Promise<MilestoneTally | undefined>;
  /** Deletes these claims (the team's row and the person's copy) and tallies; a row already gone is fine. */
  remove(rows: { readonly claims: readonly ClaimOwner[]; readonly tallies: readonly TallyOwner[] }): Promise<void>;
}
