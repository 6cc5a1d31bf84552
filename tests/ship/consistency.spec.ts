import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { parse } from 'yaml';
import { readConfig } from '../../bot/src/config';
import { parseBicep, settingNames } from '../support/ship/parse-bicep';
import { ROOT } from '../support/ship/run-package';

const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');
const placeholders = (text: string) => [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] ?? '');
const envKeys = (text: string) => [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? '');

interface Step {
  readonly uses: string;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}
type Lifecycle = Partial<Record<'provision' | 'deploy' | 'publish', Step[]>> & { version: string; environmentFolderPath: string };

const bicep = parseBicep(read('infra', 'azure.bicep'));
const outputs = bicep.outputs.map((o) => o.name);

/**
 * What a `script` step hands to later steps: the `::set-teamsfx-env NAME=VALUE` lines it prints, seen by
 * running its `node scripts/…` command for real against an empty env folder (a first provision).
 */
function scriptOutputs(step: Step): string[] {
  const run = String(step.with?.run ?? '');
  const words = run.replace(/\$\{\{TEAMSFX_ENV\}\}/g, 'check').split(/\s+/);
  if (words[0] !== 'node' || !words[1]?.startsWith('scripts/')) throw new Error(`cannot run script step "${run}" here`);
  const dir = mkdtempSync(path.join(tmpdir(), 'env-'));
  try {
    const result = spawnSync(process.execPath, [path.join(ROOT, words[1]), ...words.slice(2), '--env-dir', dir], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    return [...result.stdout.matchAll(/^::set-teamsfx-env ([A-Z0-9_]+)=/gm)].map((m) => m[1] ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Variables a lifecycle file makes: its steps' writeToEnvironmentFile and script outputs, plus the Bicep outputs when it runs arm/deploy. */
function lifecycleOutputs(file: Lifecycle): string[] {
  const steps = [...(file.provision ?? []), ...(file.deploy ?? []), ...(file.publish ?? [])];
  const written = steps.flatMap((s) => [
    ...Object.values(s.writeToEnvironmentFile ?? {}),
    ...(s.uses === 'script' ? scriptOutputs(s) : []),
  ]);
  return steps.some((s) => s.uses === 'arm/deploy') ? [...written, ...outputs] : written;
}

// Action names as documented for teamsapp.yml (https://aka.ms/teamsfx-actions).
const DOCUMENTED_ACTIONS = new Set([
  'teamsApp/create',
  'teamsApp/update',
  'teamsApp/validateManifest',
  'teamsApp/validateAppPackage',
  'teamsApp/zipAppPackage',
  'teamsApp/publishAppPackage',
  'aadApp/create',
  'aadApp/update',
  'botAadApp/create',
  'botFramework/create',
  'arm/deploy',
  'cli/runNpmCommand',
  'azureAppService/zipDeploy',
  'file/createOrUpdateEnvironmentFile',
  'script',
]);
// Set by the Toolkit itself.
const BUILT_IN = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];

describe.each([
  { yml: 'teamsapp.yml', env: '.env.dev' },
  { yml: 'teamsapp.local.yml', env: '.env.local' },
])('$yml with env/$env', ({ yml, env }) => {
  const lifecycle = parse(read(yml)) as Lifecycle;
  const defined = new Set([...envKeys(read('env', env)), ...lifecycleOutputs(lifecycle), ...BUILT_IN]);

  it('uses only documented Toolkit actions', () => {
    const steps = [...(lifecycle.provision ?? []), ...(lifecycle.deploy ?? []), ...(lifecycle.publish ?? [])];
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) because(step.uses, () => expect(DOCUMENTED_ACTIONS).toContain(step.uses));
    expect(lifecycle.environmentFolderPath).toBe('./env');
  });

  it('is on the Agents Toolkit yml schema v1.14, and its $schema line says the same', () => {
    // The newest schema in OfficeDev/microsoft-365-agents-toolkit (packages/fx-core/resource/yaml-schema/v1.14).
    expect(lifecycle.version).toBe('v1.14');
    expect(read(yml).split('\n')[0]).toBe('# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.14/yaml.schema.json');
  });

  it('defines every ${{VAR}} of the manifest, its Dutch file and the Entra app manifest', () => {
    const used = ['manifest/manifest.json', 'manifest/nl-NL.json', 'aad.manifest.json'].flatMap((f) => placeholders(read(f)));
    expect(used.length).toBeGreaterThan(5);
    for (const name of used) because(name, () => expect(defined).toContain(name));
  });

  it('defines every ${{VAR}} the lifecycle file itself uses', () => {
    for (const name of placeholders(read(yml))) because(name, () => expect(defined).toContain(name));
  });
});

describe('teamsapp.yml', () => {
  const lifecycle = parse(read('teamsapp.yml')) as Lifecycle;
  const uses = (stage: keyof Lifecycle) => ((lifecycle[stage] ?? []) as Step[]).map((s) => s.uses);

  it('provisions, deploys and publishes', () => {
    expect(uses('provision')).toEqual(
      expect.arrayContaining([
        'teamsApp/create',
        'aadApp/create',
        'aadApp/update',
        'script',
        'arm/deploy',
        'teamsApp/validateManifest',
        'teamsApp/zipAppPackage',
        'teamsApp/update',
      ]),
    );
    expect(uses('deploy')).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(uses('publish')).toContain('teamsApp/publishAppPackage');
    // The bot is the template's managed identity: no Entra app with a secret for it.
    expect(uses('provision')).not.toContain('botAadApp/create');
    // The link secret exists before the template that needs it is deployed.
    expect(uses('provision').indexOf('script')).toBeLessThan(uses('provision').indexOf('arm/deploy'));
  });

  it('deploys infra/azure.bicep with its parameters, whose ${{VAR}}s are all defined', () => {
    const arm = lifecycle.provision?.find((s) => s.uses === 'arm/deploy');
    expect(arm?.with?.templates).toEqual([
      expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' }),
    ]);
    const defined = new Set([...envKeys(read('env', '.env.dev')), ...lifecycleOutputs(lifecycle), ...BUILT_IN]);
    for (const name of placeholders(read('infra', 'azure.parameters.json'))) because(name, () => expect(defined).toContain(name));
  });

  it('keeps secrets out of committed env files: SECRET_ values go to .env.*.user, which git ignores', () => {
    for (const env of ['.env.dev', '.env.local']) {
      expect(envKeys(read('env', env)).filter((k) => /SECRET|PASSWORD/.test(k))).toEqual([]);
      for (const line of read('env', env)
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l) && !/^(TEAMSFX_ENV|APP_NAME_SUFFIX)=/.test(l))) {
        because('committed values stay empty until provision', () => expect(line).toMatch(/=$/));
      }
    }
    expect(read('.gitignore').split('\n')).toContain('env/.env.*.user');
    // The only secret a provision needs is made by a step, into the git-ignored .user file (tests/ship/link-secret-script.spec.ts).
    const secrets = placeholders(read('infra', 'azure.parameters.json')).filter((n) => n.startsWith('SECRET_'));
    expect(secrets.sort()).toEqual(['SECRET_CALENDAR_LINK_SECRET', 'SECRET_CALENDAR_LINK_SECRET_PREVIOUS']);
  });
});

describe('the Bicep web app and bot/src/config.ts', () => {
  const vars = Object.fromEntries(bicep.variables.map((v) => [v.name, v.body]));
  const base = settingNames(vars.baseSettings ?? '')[0] ?? [];
  const [identityStorage = [], keyStorage = []] = settingNames(vars.storageSettings ?? '');
  // `botIsIdentity ? [] : [BOT_PASSWORD]`: the SingleTenant branch.
  const [, botSecret = []] = settingNames(vars.botSecretSettings ?? '');
  // `rotating ? [CALENDAR_LINK_SECRET_PREVIOUS] : []`: during a rotation.
  const [rotation = []] = settingNames(vars.rotationSettings ?? '');

  /** A value of the right shape for each setting, as Azure would fill it. */
  const sample = (name: string): string =>
    ({
      NODE_ENV: 'production',
      AAD_APP_ID_URI: 'api://peerlearn.azurewebsites.net/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      BOT_TYPE: 'SingleTenant',
      STORAGE_ACCOUNT_NAME: 'peerlearndevx1y2z3',
      STORAGE_CONNECTION_STRING:
        'DefaultEndpointsProtocol=https;AccountName=peerlearndevx1y2z3;AccountKey=a2V5;EndpointSuffix=core.windows.net',
      BOT_PASSWORD: 'secret',
      PUBLIC_URL: 'https://peerlearn.azurewebsites.net',
      CALENDAR_LINK_SECRET: '6f1c2a10-7d3e-4b8a-9c21-00000000010d4e5f6a7b-8c9d',
      CALENDAR_LINK_SECRET_PREVIOUS: '0a1b2c3d-7d3e-4b8a-9c21-00000000010d4e5f6a7b-8c9d',
      TEAMS_TENANT_RATE_PER_SECOND: '10',
      APPLICATIONINSIGHTS_CONNECTION_STRING:
        'InstrumentationKey=0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
    })[name] ?? (/(_ID|TENANTS)$/.test(name) ? '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' : 'x');

  const configFor = (names: readonly string[]) => readConfig(Object.fromEntries(names.map((n) => [n, sample(n)])));

  it('runs with the defaults: storage and the bot through the managed identity, no secret but the link secret', () => {
    const config = readConfig(
      Object.fromEntries([...base, ...identityStorage].map((n) => [n, n === 'BOT_TYPE' ? 'UserAssignedMSI' : sample(n)])),
    );
    expect(config.bot).toMatchObject({ type: 'UserAssignedMSI' });
    expect(config.bot.appPassword).toBeUndefined();
    expect(config.storage.kind).toBe('managedIdentity');
    expect(config.telemetry?.connectionString).toContain('InstrumentationKey=');
    expect(config.delivery.tenantPerSecond).toBe(10);
  });

  it('sets every setting that config.ts names as missing in an empty production config', () => {
    let problems: readonly string[] = [];
    try {
      readConfig({ NODE_ENV: 'production' });
    } catch (error) {
      problems = (error as { problems?: readonly string[] }).problems ?? [];
    }
    expect(problems.length).toBeGreaterThan(3);
    const set = new Set([...base, ...identityStorage]);
    for (const problem of problems) {
      // Each problem names the settings that fix it; the Bicep must set at least one of them.
      const named = [...problem.matchAll(/\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g)].map((m) => m[1] ?? '');
      because(problem, () => expect(named.some((n) => set.has(n))).toBe(true));
    }
  });

  it('accepts the previous link secret during a rotation', () => {
    expect(rotation).toEqual(['CALENDAR_LINK_SECRET_PREVIOUS']);
    expect(configFor([...base, ...identityStorage, ...botSecret, ...rotation]).sessions.calendarLinkPreviousSecret).toBeDefined();
  });

  it('sets every setting the service requires in production (managed identity + SingleTenant bot)', () => {
    expect(base).toEqual(
      expect.arrayContaining(['NODE_ENV', 'AAD_APP_CLIENT_ID', 'ALLOWED_TENANTS', 'BOT_ID', 'BOT_TENANT_ID', 'BOT_TYPE']),
    );
    expect(identityStorage).toEqual(['STORAGE_ACCOUNT_NAME']);
    expect(botSecret).toEqual(['BOT_PASSWORD']);
    const config = configFor([...base, ...identityStorage, ...botSecret]);
    expect(config.nodeEnv).toBe('production');
    expect(config.storage).toMatchObject({ kind: 'managedIdentity', tableUrl: 'https://peerlearndevx1y2z3.table.core.windows.net' });
    expect(config.auth.mode).toBe('entra');
    expect(config.auth.audiences).toEqual(['api://peerlearn.azurewebsites.net/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f']);
  });

  it('works with a connection string too', () => {
    expect(keyStorage).toEqual(['STORAGE_CONNECTION_STRING']);
    expect(configFor([...base, ...keyStorage, ...botSecret]).storage.kind).toBe('connectionString');
  });

  it('needs each of those settings: leaving one out stops the start', () => {
    const required = [...base, ...identityStorage, ...botSecret].filter((n) =>
      ['NODE_ENV', 'AAD_APP_CLIENT_ID', 'ALLOWED_TENANTS', 'BOT_ID', 'BOT_TENANT_ID', 'BOT_PASSWORD', 'STORAGE_ACCOUNT_NAME'].includes(n),
    );
    for (const left of required.filter((n) => n !== 'NODE_ENV')) {
      because(left, () =>
        expect(() => configFor([...base, ...identityStorage, ...botSecret].filter((n) => n !== left))).toThrow(
          left === 'STORAGE_ACCOUNT_NAME' ? 'STORAGE_' : left,
        ),
      );
    }
  });

  it('sets no setting the service does not know, other than App Service platform ones', () => {
    const configSource = read('bot', 'src', 'config.ts');
    // OTEL_SERVICE_NAME is read by OpenTelemetry itself (the role name in Application Insights).
    const platform = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'OTEL_SERVICE_NAME'];
    for (const name of [...base, ...identityStorage, ...keyStorage, ...botSecret, ...rotation].filter((n) => !platform.includes(n))) {
      because(name, () => expect(configSource).toContain(`'${name}'`));
    }
  });
});
