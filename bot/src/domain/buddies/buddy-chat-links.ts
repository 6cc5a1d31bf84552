/**
 * The `.ics` of a pair's suggested first chat, opened by a calendar client without our bearer token.
 * Like a session's calendar link (domain/sessions/session-links.ts) the link is public and carries an
 * HMAC under the server secret, with its own purpose prefix so neither can pass as the other. The
 * event is fully described by the signed parameters (no names: nothing personal sits in a URL), so the
 * route reads no storage. Web Crypto (a platform global) keeps this free of `node:*` imports.
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

const toBase64Url = (bytes: ArrayBuffer): string => {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

export function createBuddyChatLinks(options: { readonly publicUrl: string | (() => string); readonly secret: string }): BuddyChatLinks {
  const base = () => (typeof options.publicUrl === 'string' ? options.publicUrl : options.publicUrl()).replace(/\/+$/, '');
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sign = async (e: BuddyChatEvent): Promise<string> => {
    // Length-prefixed parts: no choice of values can make two different events sign the same text.
    const text = [e.tenantId, e.poolId, e.roundId, e.start, e.locale].map((p) => `${p.length}:${p}`).join('|');
    return toBase64Url(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(`buddy-chat|${text}`)));
  };
  return {
    async calendarUrl(e) {
      const query = new URLSearchParams({ tenant: e.tenantId, pool: e.poolId, round: e.roundId, start: e.start, lang: e.locale });
      query.set('token', await sign(e));
      return `${base()}/api/v1${BUDDY_CHAT_ICS_PATH}?${query.toString()}`;
    },
    async verify(e, token) {
      const expected = await sign(e);
      if (expected.length !== token.length) return false;
      let diff = 0;
      for (let i = 0; i < expected.length; i += 1) diff |= expected.charCodeAt(i) ^ token.charCodeAt(i);
      return diff === 0;
    },
  };
}
