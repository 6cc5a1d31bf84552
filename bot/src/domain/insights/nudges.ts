/** When an owner last nudged a member of a team (insights' quiet members, issue #14). */
export interface NudgeRecord {
  readonly tenantId: string;
  readonly teamId: string;
  readonly userId: string;
  readonly nudgedAt: string;
}

export interface NudgeRepository {
  get(tenantId: string, teamId: string, userId: string): Promise<NudgeRecord | undefined>;
  /** The last nudge of every member of the team who was ever nudged (one row each): the quiet list's, in one query. */
  listForTeam(tenantId: string, teamId: string): Promise<NudgeRecord[]>;
  /**
   * Stores `record` unless the member was nudged at or after `notBefore`: answers the stored nudge
   * then (`claimed: false`). Conditional on the row's ETag, so two owners at once send one nudge.
   */
  claim(record: NudgeRecord, notBefore: string): Promise<{ readonly claimed: boolean; readonly nudgedAt: string }>;
}
