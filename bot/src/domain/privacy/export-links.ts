import type { PersonRef } from '../shared/person';
import { createLinkSigner, toBase64Url } from '../shared/link-signer';
import type { LinkSecrets } from '../shared/link-signer';

/**
 * The signed link of a personal-data export, which a browser opens without our bearer token (a
 * download outside the tab). The token carries the tenant, the user and the expiry, and an HMAC over
 * them under the server secret with its own purpose prefix, so a calendar token can never pass as
 * one (domain/shared/link-signer.ts, which also accepts the previous secret during a rotation).
 */
interface ExportLinks {
  sign(person: PersonRef, expiresAt: Date): Promise<string>;
  /** The person and expiry of a well-signed token (expired or not), or undefined for anything tampered with. */
  verify(token: string): Promise<{ readonly person: PersonRef; readonly expiresAt: Date } | undefined>;
}

const fromBase64Url = (text: string): string | undefined => {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
};

// Tokens are small; anything longer is not ours and is not parsed.
const MAX_TOKEN = 2_000;

export function createExportLinks(secrets: LinkSecrets): ExportLinks {
  const signer = createLinkSigner(secrets, 'privacy-export');
  return {
    async sign(person, expiresAt) {
      const payload = toBase64Url(new TextEncoder().encode(JSON.stringify([person.tenantId, person.userId, expiresAt.getTime()])));
      return `${payload}.${await signer.sign(payload)}`;
    },
    async verify(token) {
      if (token.length > MAX_TOKEN) return undefined;
      const [payload, signature, ...rest] = token.split('.');
      if (payload === undefined || signature === undefined || rest.length > 0) return undefined;
      if (!(await signer.verify(payload, signature))) return undefined;
      const json = fromBase64Url(payload);
      if (json === undefined) return undefined;
      const value: unknown = JSON.parse(json);
      if (!Array.isArray(value) || value.length !== 3) return undefined;
      const [tenantId, userId, expiresMs] = value as unknown[];
      if (typeof tenantId !== 'string' || typeof userId !== 'string' || typeof expiresMs !== 'number') return undefined;
      return { person: { tenantId, userId }, expiresAt: new Date(expiresMs) };
    },
  };
}
