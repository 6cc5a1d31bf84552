/** A thank-you from one colleague to another, shown as a card in the channel and on the kudos wall. */
export interface Kudos {
  readonly tenantId: string;
  readonly teamId: string;
  readonly kudosId: string;
  readonly fromUserId: string;
  readonly toUserId: string;
  readonly message: string;
  /** The channel to post the card into, when there is one. */
  readonly channelId?: string;
  /** The session it thanks for, when it came from a session card. */
  readonly sessionId?: string;
  /** The skill it thanks for (the taxonomy's name), when the giver named one (the tab's form). */
  readonly skill?: string;
  readonly createdAt: string;
}
