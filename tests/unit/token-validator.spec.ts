import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from '@jest/globals';
import { createDevIssuer, DEV_AUDIENCE, DEV_ISSUER } from '../../bot/src/api/shared/dev-issuer';
import { createTokenValidator } from '../../bot/src/api/shared/token-validator';

const TENANT = '00000000-0000-0000-0000-0000000000001';

async function setup(allowedTenants: string[] = []) {
  const issuer = await createDevIssuer();
  const validate = createTokenValidator({ keys: issuer.keys, issuersFor: () => [DEV_ISSUER], audiences: [DEV_AUDIENCE], allowedTenants });
  return { issuer, validate };
}

describe('token validator', () => {
  it('accepts a dev token and names the caller by tid + oid', async () => {
    const { issuer, validate } = await setup();
    const token = await issuer.issue({ tenantId: TENANT, userId: 'user-1', name: 'Sanne', locale: 'nl-NL' });
    await expect(validate(`Bearer ${token}`)).resolves.toEqual({ tenantId: TENANT, userId: 'user-1', name: 'Sanne', locale: 'nl-NL' });
  });

  it.each([undefined, '', 'Basic abc', 'Bearer', 'Bearer not.a.jwt'])('rejects the header %j', async (header) => {
    const { validate } = await setup();
    await expect(validate(header)).rejects.toMatchObject({ status: 401 });
  });

  it('rejects an expired token, a foreign key, a wrong audience and a wrong issuer', async () => {
    const { issuer, validate } = await setup();
    const expired = await issuer.issue({ tenantId: TENANT, userId: 'u', name: 'n' }, -120);
    await expect(validate(`Bearer ${expired}`)).rejects.toThrow(/expired/);

    const other = await generateKeyPair('ES256');
    const forged = await new SignJWT({ tid: TENANT, oid: 'u' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('1h')
      .sign(other.privateKey);
    await expect(validate(`Bearer ${forged}`)).rejects.toThrow(/not valid/);

    const strict = createTokenValidator({
      keys: issuer.keys,
      issuersFor: () => ['https://elsewhere'],
      audiences: [DEV_AUDIENCE],
      allowedTenants: [],
    });
    const token = await issuer.issue({ tenantId: TENANT, userId: 'u', name: 'n' });
    await expect(strict(`Bearer ${token}`)).rejects.toThrow(/issuer/);

    const wrongAudience = createTokenValidator({
      keys: issuer.keys,
      issuersFor: () => [DEV_ISSUER],
      audiences: ['api://other'],
      allowedTenants: [],
    });
    await expect(wrongAudience(`Bearer ${token}`)).rejects.toThrow(/not valid/);
  });

  it('enforces the tenant allow-list', async () => {
    const { issuer, validate } = await setup(['11111111-1111-1111-1111-111111111111']);
    const token = await issuer.issue({ tenantId: TENANT, userId: 'u', name: 'n' });
    await expect(validate(`Bearer ${token}`)).rejects.toThrow(/not allowed/);
  });
});
