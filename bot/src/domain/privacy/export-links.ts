import type { PersonRef } from '../shared/person';

/**
 * The signed link of a personal-data export, which a browser opens without our bearer token (a
 * download outside the tab). The token carries the tenant, the user and the expiry, and an HMAC over
 * them under the server secret with its own purpose prefix, so a calendar token can never pass as
 * one. Web Crypto (a platform global) keeps this free of `node:*` imports.
 */
interface ExportLinks {
  sign(person: PersonRef, expiresAt: Date): Promise<string>;
  /** The person and expiry of a well-signed token (expired or not), or undefined for anything tampered with. */
  verify(token: string): Promise<{ readonly person: PersonRef; readonly expiresAt: Date } | undefined>;
}

const base64Url = (bytes: Uint8Array): string => {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

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

export function createExportLinks(secret: string): ExportLinks {
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = async (payload: string): Promise<string> =>
    base64Url(new Uint8Array(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(`privacy-export|${payload}`))));
  const sameText = (a: string, b: string): boolean => {
    if (a.length !== b.length) return false;
    let diff = 0;
    for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
    return diff === 0;
  };
  return {
    async sign(person, expiresAt) {
      const payload = base64Url(new TextEncoder().encode(JSON.stringify([person.tenantId, person.userId, expiresAt.getTime()])));
      return `${payload}.${await mac(payload)}`;
    },
    async verify(token) {
      if (token.length > MAX_TOKEN) return undefined;
      const [payload, signature, ...rest] = token.split('.');
      if (payload === undefined || signature === undefined || rest.length > 0) return undefined;
      if (!sameText(await mac(payload), signature)) return undefined;
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
