/**
 * Links a calendar client opens without our bearer token: the `.ics` route is public but needs an
 * HMAC of (tenant, team, session) under a server secret, so the link cannot be guessed or altered.
 * Web Crypto (a platform global) keeps this free of `node:*` imports.
 */
export interface SessionLinks {
  calendarUrl(tenantId: string, teamId: string, sessionId: string): Promise<string>;
  verifyCalendarToken(tenantId: string, teamId: string, sessionId: string, token: string): Promise<boolean>;
}

const toBase64Url = (bytes: ArrayBuffer): string => {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

export function createSessionLinks(options: { readonly publicUrl: string | (() => string); readonly secret: string }): SessionLinks {
  const base = () => (typeof options.publicUrl === 'string' ? options.publicUrl : options.publicUrl()).replace(/\/+$/, '');
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sign = async (tenantId: string, teamId: string, sessionId: string): Promise<string> => {
    // Length-prefixed parts: no choice of ids can make two different triples sign the same text.
    const text = [tenantId, teamId, sessionId].map((p) => `${p.length}:${p}`).join('|');
    return toBase64Url(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(`calendar|${text}`)));
  };
  return {
    async calendarUrl(tenantId, teamId, sessionId) {
      const token = await sign(tenantId, teamId, sessionId);
      const path = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions/${encodeURIComponent(sessionId)}/calendar.ics`;
      return `${base()}${path}?tenant=${encodeURIComponent(tenantId)}&token=${token}`;
    },
    async verifyCalendarToken(tenantId, teamId, sessionId, token) {
      const expected = await sign(tenantId, teamId, sessionId);
      if (expected.length !== token.length) return false;
      let diff = 0;
      for (let i = 0; i < expected.length; i += 1) diff |= expected.charCodeAt(i) ^ token.charCodeAt(i);
      return diff === 0;
    },
  };
}
