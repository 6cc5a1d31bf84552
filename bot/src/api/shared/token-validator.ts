import { errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { unauthorized } from './http-error';

/** Who is calling the tab API: one person on every surface, (tenant id, Entra object id). */
export interface Caller {
  readonly tenantId: string;
  readonly userId: string;
  readonly name?: string;
  readonly locale?: string;
}

interface TokenValidatorOptions {
  /** Resolves the signing key: Entra's remote JWKS in production, the dev issuer's local JWKS in dev mode. */
  readonly keys: JWTVerifyGetKey;
  /** The issuers accepted for a token of tenant `tid` (Entra issuers name the tenant). */
  readonly issuersFor: (tid: string) => readonly string[];
  readonly audiences: readonly string[];
  /** Empty: any tenant. */
  readonly allowedTenants: readonly string[];
  readonly clockToleranceSeconds?: number;
}

export type TokenValidator = (authorization: string | undefined) => Promise<Caller>;

const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

function claim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The one validator of bearer tokens. Dev tokens and Entra ID tokens take this same path; only
 * the key source and the accepted issuers differ.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) throw unauthorized('Sign-in required: send an Authorization: Bearer <token> header.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], options.keys, {
        audience: [...options.audiences],
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthorized('Your sign-in has expired; sign in again.');
      throw unauthorized('The sign-in token is not valid.');
    }
    const tenantId = claim(payload, 'tid');
    const userId = claim(payload, 'oid');
    if (!tenantId || !userId || !ID.test(tenantId) || !ID.test(userId)) {
      throw unauthorized('The sign-in token does not name a tenant and user.');
    }
    if (!payload.iss || !options.issuersFor(tenantId).includes(payload.iss)) {
      throw unauthorized('The sign-in token comes from an issuer this service does not trust.');
    }
    if (options.allowedTenants.length > 0 && !options.allowedTenants.includes(tenantId)) {
      throw unauthorized('Your organisation is not allowed to use this PeerLearn installation.');
    }
    const name = claim(payload, 'name');
    const locale = claim(payload, 'locale');
    return { tenantId, userId, ...(name !== undefined ? { name } : {}), ...(locale !== undefined ? { locale } : {}) };
  };
}

/** Entra ID v1 and v2 issuers for tenant-specific tokens (Teams SSO issues either, per the app registration). */
export function entraIssuers(tid: string): readonly string[] {
  return [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
}

export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
