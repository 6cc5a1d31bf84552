/**
 * HMAC signatures of the links a client opens without our bearer token (calendar `.ics` links, buddy
 * chat `.ics` links, personal-data export links). Each kind signs with its own purpose prefix, so a
 * token of one kind never passes as another. Links are signed with the current secret; during a
 * rotation (docs/DEPLOY.md) a token signed with the previous secret still verifies, so links already
 * posted in cards keep working until the previous secret is removed from the settings.
 * Web Crypto (a platform global) keeps this free of `node:*` imports.
 */
interface LinkSigner {
  sign(text: string): Promise<string>;
  /** True when `token` is the signature of `text` under the current or, while set, the previous secret. */
  verify(text: string, token: string): Promise<boolean>;
}

export interface LinkSecrets {
  readonly secret: string;
  /** The secret before the last rotation (CALENDAR_LINK_SECRET_PREVIOUS): verifies, never signs. */
  readonly previousSecret?: string | undefined;
}

export const toBase64Url = (bytes: Uint8Array): string => {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** Compares in time independent of where the texts differ, so a token cannot be guessed byte by byte. */
const sameText = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
};

const hmacKey = (secret: string) =>
  crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

export function createLinkSigner(secrets: LinkSecrets, purpose: string): LinkSigner {
  const current = hmacKey(secrets.secret);
  const previous = secrets.previousSecret ? hmacKey(secrets.previousSecret) : undefined;
  const mac = async (key: ReturnType<typeof hmacKey>, text: string): Promise<string> =>
    toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(`${purpose}|${text}`))));
  return {
    sign: (text) => mac(current, text),
    async verify(text, token) {
      if (sameText(await mac(current, text), token)) return true;
      return previous !== undefined && sameText(await mac(previous, text), token);
    },
  };
}
