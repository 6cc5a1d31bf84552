import { createLinkSigner } from '../shared/link-signer';
import type { LinkSecrets } from '../shared/link-signer';

/**
 * Links a calendar client opens without our bearer token: the `.ics` route is public but needs an
 * HMAC of (tenant, team, session) under a server secret, so the link cannot be guessed or altered.
 * The signing itself, and the previous secret during a rotation: domain/shared/link-signer.ts.
 */
export interface SessionLinks {
  calendarUrl(tenantId: string, teamId: string, sessionId: string): Promise<string>;
  verifyCalendarToken(tenantId: string, teamId: string, sessionId: string, token: string): Promise<boolean>;
}

export function createSessionLinks(options: { readonly publicUrl: string | (() => string) } & LinkSecrets): SessionLinks {
  const base = () => (typeof options.publicUrl === 'string' ? options.publicUrl : options.publicUrl()).replace(/\/+$/, '');
  const signer = createLinkSigner(options, 'calendar');
  // Length-prefixed parts: no choice of ids can make two different triples sign the same text.
  const text = (tenantId: string, teamId: string, sessionId: string): string =>
    [tenantId, teamId, sessionId].map((p) => `${p.length}:${p}`).join('|');
  return {
    async calendarUrl(tenantId, teamId, sessionId) {
      const token = await signer.sign(text(tenantId, teamId, sessionId));
      const path = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions/${encodeURIComponent(sessionId)}/calendar.ics`;
      return `${base()}${path}?tenant=${encodeURIComponent(tenantId)}&token=${token}`;
    },
    verifyCalendarToken: (tenantId, teamId, sessionId, token) => signer.verify(text(tenantId, teamId, sessionId), token),
  };
}
