import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { parseBicep } from '../support/ship/parse-bicep';
import { ROOT } from '../support/ship/run-package';

/**
 * Checks a Bicep compiler would not make (none can run offline here): API versions kept current, and
 * every secret-looking parameter @secure(). Settings against config.ts: tests/ship/consistency.spec.ts.
 */
const bicep = parseBicep(readFileSync(path.join(ROOT, 'infra', 'azure.bicep'), 'utf8'));

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Resource types whose newest API version we could confirm (the Azure resource reference as stored
 * offline, 2026-12) is itself older than two years. They must stay on exactly that version: a change
 * shows up here as a failure to look at, not as silence. Check for newer ones where Azure is reachable
 * (`az provider show -n <namespace> --query "resourceTypes[].apiVersions"`) and move them off this list.
 */
const NEWEST_IS_OLDER: Readonly<Record<string, string>> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities': '2024-11-30',
  'Microsoft.Web/serverfarms': '2024-11-01',
  'Microsoft.Web/sites': '2024-11-01',
  'Microsoft.KeyVault/vaults': '2024-11-01',
  'Microsoft.KeyVault/vaults/secrets': '2024-11-01',
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
  'Microsoft.Insights/components': '2020-02-02',
  'Microsoft.Insights/autoscalesettings': '2022-10-01',
  'Microsoft.Insights/diagnosticSettings': '2021-05-01-preview',
  'Microsoft.BotService/botServices': '2022-09-15',
  'Microsoft.BotService/botServices/channels': '2022-09-15',
};

describe('infra/azure.bicep API versions', () => {
  it('are at most two years old (today, not a fixed date), but for types with nothing newer', () => {
    const oldest = Date.now() - 2 * YEAR_MS;
    expect(bicep.resources.length).toBeGreaterThan(10);
    for (const r of bicep.resources) {
      const [type = '', version = ''] = r.type.split('@');
      const known = NEWEST_IS_OLDER[type];
      if (known !== undefined) {
        because(`${r.name} (${type}) has nothing newer than ${known}`, () => expect(version).toBe(known));
        continue;
      }
      const date = /^(\d{4}-\d{2}-\d{2})$/.exec(version)?.[1];
      because(`${r.name}: ${r.type} is a dated, non-preview version`, () => expect(date).toBeDefined());
      because(`${r.name}: ${r.type} is older than two years`, () => expect(Date.parse(`${date}T00:00:00Z`)).toBeGreaterThanOrEqual(oldest));
    }
  });
});

describe('infra/azure.bicep parameters', () => {
  it('marks every secret-looking parameter (secret, password, key, connection string) @secure()', () => {
    const secretLooking = bicep.params.filter((p) => /secret|password|key|connection_?string/i.test(p.name));
    expect(secretLooking.length).toBeGreaterThan(0);
    for (const p of secretLooking) because(p.name, () => expect(p.decorators).toContain('@secure()'));
  });

  it('gives no secure parameter a default that a deployment would make up (newGuid, utcNow)', () => {
    for (const p of bicep.params.filter((param) => param.decorators.includes('@secure()'))) {
      because(p.name, () => expect(p.hasDefault ? p.type : 'no default').not.toMatch(/newGuid|utcNow/));
    }
    expect(readFileSync(path.join(ROOT, 'infra', 'azure.bicep'), 'utf8')).not.toMatch(/newGuid\(|utcNow\(/);
  });
});
