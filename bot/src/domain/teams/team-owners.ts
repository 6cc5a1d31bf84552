/**
 * Who owns a Teams team, as Microsoft Graph says (the bot's roster does not). Implemented at the
 * edge (`teams/teams/graph-team-owners.ts`); the domain only decides what an answer means.
 */
export interface TeamOwnerDirectory {
  /**
   * The Entra object ids of the team's owners (lowercase), or undefined when Graph cannot say (not configured,
   * consent missing, unreachable): the caller then falls back to the installer rule. Never throws.
   */
  owners(tenantId: string, aadGroupId: string): Promise<ReadonlySet<string> | undefined>;
}

/** How a roster sync decides who owns the team. */
export type OwnerRule =
  /** Graph's answer: exactly these people (lowercase ids) own the team; everyone else is a member (owners demoted too). */
  | { readonly from: 'graph'; readonly ownerIds: ReadonlySet<string> }
  /** The fallback: the person who added the app and the owners PeerLearn already knew. */
  | { readonly from: 'installer'; readonly installerId: string | undefined };
