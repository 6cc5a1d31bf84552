import { createLinkSigner } from '../shared/link-signer';
import type { LinkSecrets } from '../shared/link-signer';

/**
 * The `.ics` of a pair's suggested first chat, opened by a calendar client without our bearer token.
 * Like a session's calendar link (domain/sessions/session-links.ts) the link is public and carries an
 * HMAC under the server secret, with its own purpose prefix so neither can pass as the other. The
 * event is fully described by the signed parameters (no names: nothing personal sits in a URL), so the
 * route reads no storage. The signing, and the previous secret during a rotation: domain/shared/link-signer.ts.
 */
export interface BuddyChatEvent {
  readonly tenantId: string;
  readonly poolId: string;
  readonly roundId: string;
  /** The suggested start, ISO 8601 UTC. */
  readonly start: string;
  readonly locale: 'en' | 'nl';
}

export interface BuddyChatLinks {
  calendarUrl(event: BuddyChatEvent): Promise<string>;
  verify(event: BuddyChatEvent, token: string): Promise<boolean>;
}

/** The route that serves these links (api/buddies/buddy-chat-routes.ts), under /api/v1. */
export const BUDDY_CHAT_ICS_PATH = '/buddies/chat.ics';

export function createBuddyChatLinks(options: { readonly publicUrl: string | (() => string) } & LinkSecrets): BuddyChatLinks {
  const base = () => (typeof options.publicUrl === 'string' ? options.publicUrl : options.publicUrl()).replace(/\/+$/, '');
  const signer = createLinkSigner(options, 'buddy-chat');
  // Length-prefixed parts: no choice of values can make two different events sign the same text.
  const text = (e: BuddyChatEvent): string => [e.tenantId, e.poolId, e.roundId, e.start, e.locale].map((p) => `${p.length}:${p}`).join('|');
  return {
    async calendarUrl(e) {
      const query = new URLSearchParams({ tenant: e.tenantId, pool: e.poolId, round: e.roundId, start: e.start, lang: e.locale });
      query.set('token', await signer.sign(text(e)));
      return `${base()}/api/v1${BUDDY_CHAT_ICS_PATH}?${query.toString()}`;
    },
    verify: (e, token) => signer.verify(text(e), token),
  };
}
