import { SignJWT, generateKeyPair } from 'jose';
import type { JWTPayload } from 'jose';
import { describe, expect, it } from '@jest/globals';
import { createDevIssuer, DEV_AUDIENCE, DEV_CLIENT_APP, DEV_ISSUER, devTokenValidator } from '../../bot/src/api/shared/dev-issuer';
import type { TenantAllowList } from '../../bot/src/domain/shared/tenant-allow-list';

const TENANT = '00000000-0000-0000-0000-0000000000001';

async function setup(allowedTenants: TenantAllowList = 'any') {
  const issuer = await createDevIssuer();
  return { issuer, validate: devTokenValidator(issuer, allowedTenants) };
}

const devClaims = (overrides: JWTPayload = {}): JWTPayload => ({
  tid: TENANT,
  oid: 'u',
  scp: 'access_as_user',
  azp: DEV_CLIENT_APP,
  ...overrides,
});

describe('dev-mode token validator (the same checks as for Entra tokens)', () => {
  it('accepts a dev token and names the caller by tid + oid', async () => {
    const { issuer, validate } = await setup();
    const token = await issuer.issue({ tenantId: TENANT, userId: 'user-1', name: 'Sanne', locale: 'nl-NL' });
    await expect(validate(`Bearer ${token}`)).resolves.toEqual({ tenantId: TENANT, userId: 'user-1', name: 'Sanne', locale: 'nl-NL' });
  });

  it.each([undefined, '', 'Basic abc', 'Bearer', 'Bearer not.a.jwt'])('rejects the header %j', async (header) => {
    const { validate } = await setup();
    await expect(validate(header)).rejects.toMatchObject({ status: 401 });
  });

  it('rejects a token expired beyond the 5 minutes of clock skew', async () => {
    const { issuer, validate } = await setup();
    const expired = await issuer.issue({ tenantId: TENANT, userId: 'u', name: 'n' }, -6 * 60);
    await expect(validate(`Bearer ${expired}`)).rejects.toThrow(/expired/);
  });

  it('rejects a token signed by a key other than the dev issuer’s', async () => {
    const { validate } = await setup();
    const other = await generateKeyPair('ES256');
    const forged = await new SignJWT(devClaims())
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('1h')
      .sign(other.privateKey);
    await expect(validate(`Bearer ${forged}`)).rejects.toThrow(/not valid/);
  });

  it('enforces the tenant allow-list', async () => {
    const { issuer, validate } = await setup(['11111111-1111-1111-1111-111111111111']);
    const token = await issuer.issue({ tenantId: TENANT, userId: 'u', name: 'n' });
    await expect(validate(`Bearer ${token}`)).rejects.toThrow(/not allowed/);
  });
});
