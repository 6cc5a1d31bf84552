import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { validateLocalization, validateManifest } from '../../scripts/lib/manifest-schema.mjs';
import { readZip } from '../support/ship/read-zip';
import { PROVISIONED, ROOT, runPackage } from '../support/ship/run-package';

const out = mkdtempSync(path.join(tmpdir(), 'peerlearn-package-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const zipOf = (envName: string) => readZip(readFileSync(path.join(out, `appPackage.${envName}.zip`)));

describe('npm run package -- --env dev', () => {
  it('fills the placeholders from env/.env.dev and the environment and writes exactly what Teams expects', async () => {
    const run = runPackage(['--env', 'dev', '--out-dir', out], PROVISIONED);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const entries = zipOf('dev');
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png', 'nl-NL.json']);
    const manifestText = entries.find((e) => e.name === 'manifest.json')?.data.toString('utf8') ?? '';
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as {
      id: string;
      name: { short: string };
      bots: { botId: string }[];
      webApplicationInfo: { resource: string };
      staticTabs: { contentUrl?: string }[];
      developer: { privacyUrl: string; termsOfUseUrl: string };
    };
    expect(manifest.id).toBe(PROVISIONED.TEAMS_APP_ID);
    // APP_NAME_SUFFIX comes from the committed env/.env.dev.
    expect(manifest.name.short).toBe('PeerLearn-dev');
    expect(manifest.bots[0]?.botId).toBe(PROVISIONED.BOT_ID);
    expect(manifest.webApplicationInfo.resource).toBe(`api://${PROVISIONED.TAB_DOMAIN}/${PROVISIONED.AAD_APP_CLIENT_ID}`);
    expect(manifest.staticTabs[0]?.contentUrl).toBe(`${PROVISIONED.TAB_ENDPOINT}/?view=my-learning`);
    // The public pages the tab serves without sign-in (tests/e2e/legal-pages.spec.ts opens them).
    expect(manifest.developer.privacyUrl).toBe(`${PROVISIONED.TAB_ENDPOINT}/?view=privacy`);
    expect(manifest.developer.termsOfUseUrl).toBe(`${PROVISIONED.TAB_ENDPOINT}/?view=terms`);
    expect(await validateManifest(manifest)).toEqual([]);

    const nl = JSON.parse(entries.find((e) => e.name === 'nl-NL.json')?.data.toString('utf8') ?? '{}') as unknown;
    expect(validateLocalization(nl, '1.28')).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) {
      expect(entries.find((e) => e.name === icon)?.data.equals(readFileSync(path.join(ROOT, 'manifest', icon)))).toBe(true);
    }
  });

  it('stops with one message that names every missing value, and writes nothing', () => {
    const run = runPackage(['--env', 'dev', '--out-dir', path.join(out, 'missing')], {});
    expect(run.status).toBe(1);
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'TAB_ENDPOINT', 'TAB_DOMAIN']) {
      expect(run.stderr).toContain(`${name} is missing`);
    }
    expect(run.stderr).toContain('env/.env.dev');
    expect(() => readFileSync(path.join(out, 'missing', 'appPackage.dev.zip'))).toThrow();
  });

  it('names every malformed value and what is allowed', () => {
    const run = runPackage(['--env', 'dev', '--out-dir', out], {
      ...PROVISIONED,
      TEAMS_APP_ID: '1234',
      TAB_DOMAIN: 'peerlearn.example.com/tab',
      TAB_ENDPOINT: 'http://peerlearn.example.com/',
      APP_NAME_SUFFIX: '"}, "injected": {"',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TEAMS_APP_ID must be a GUID .*"1234"/);
    expect(run.stderr).toMatch(/TAB_DOMAIN must be a host name without scheme, port or path/);
    expect(run.stderr).toMatch(/TAB_ENDPOINT must be an https URL/);
    expect(run.stderr).toMatch(/APP_NAME_SUFFIX must/);
    expect(run.stderr).not.toMatch(/BOT_ID|AAD_APP_CLIENT_ID/);
  });

  it('checks that TAB_DOMAIN is the host of TAB_ENDPOINT', () => {
    const run = runPackage(['--env', 'dev', '--out-dir', out], { ...PROVISIONED, TAB_DOMAIN: 'other.azurewebsites.net' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TAB_DOMAIN must be the host of TAB_ENDPOINT');
  });

  it('lets the environment win over the env file', () => {
    const envDir = mkdtempSync(path.join(out, 'env-'));
    const fromFile = Object.entries({ ...PROVISIONED, TEAMS_APP_ID: '00000000-0000-4000-8000-000000000001', APP_NAME_SUFFIX: '-file' })
      .map(([k, v]) => `${k}=${v}`)
      .join('\n');
    writeFileSync(path.join(envDir, '.env.ci'), `# comment\n${fromFile}\n`);
    const run = runPackage(['--env', 'ci', '--env-dir', envDir, '--out-dir', out], {
      TEAMS_APP_ID: '00000000-0000-4000-8000-000000000002',
    });
    expect(run.stderr).toBe('');
    const manifest = JSON.parse(
      zipOf('ci')
        .find((e) => e.name === 'manifest.json')
        ?.data.toString('utf8') ?? '{}',
    ) as { id: string; name: { short: string } };
    expect(manifest.id).toBe('00000000-0000-4000-8000-000000000002');
    expect(manifest.name.short).toBe('PeerLearn-file');
  });

  it('refuses an environment without an env file', () => {
    const run = runPackage(['--env', 'nope', '--out-dir', out], PROVISIONED);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('.env.nope');
  });
});
