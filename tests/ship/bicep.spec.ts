import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { parseBicep } from '../support/ship/parse-bicep';
import { ROOT } from '../support/ship/run-package';

const text = readFileSync(path.join(ROOT, 'infra', 'azure.bicep'), 'utf8');
const bicep = parseBicep(text);
const parameters = JSON.parse(readFileSync(path.join(ROOT, 'infra', 'azure.parameters.json'), 'utf8')) as {
  parameters: Record<string, { value: unknown }>;
};

const resource = (type: string) => {
  const found = bicep.resources.filter((r) => r.type.startsWith(`${type}@`));
  because(type, () => expect(found).toHaveLength(1));
  return found[0]?.body ?? '';
};

describe('infra/azure.bicep (structure; no Bicep compiler offline)', () => {
  it('declares the resources the service needs', () => {
    expect(bicep.resources.map((r) => r.type.split('@')[0]).sort()).toEqual(
      [
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
        'Microsoft.Insights/autoscalesettings',
        'Microsoft.Insights/components',
        'Microsoft.Insights/diagnosticSettings',
        'Microsoft.KeyVault/vaults',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Storage/storageAccounts',
        'Microsoft.Storage/storageAccounts/queueServices',
        'Microsoft.Storage/storageAccounts/tableServices',
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
      ].sort(),
    );
    for (const r of bicep.resources) because(r.name, () => expect(r.type).toMatch(/@\d{4}-\d{2}-\d{2}(-preview)?$/));
  });

  it('locks the storage account down: TLS 1.2, no public blobs, shared keys off with the managed identity', () => {
    const storage = resource('Microsoft.Storage/storageAccounts');
    expect(storage).toContain("minimumTlsVersion: 'TLS1_2'");
    expect(storage).toContain('allowBlobPublicAccess: false');
    expect(storage).toContain('supportsHttpsTrafficOnly: true');
    expect(storage).toContain('allowSharedKeyAccess: !useIdentityForStorage');
    expect(text).toContain("var useIdentityForStorage = storageAuth == 'managedIdentity'");
    expect(bicep.params.find((p) => p.name === 'storageAuth')?.decorators.join(' ')).toContain('@allowed');
    expect(text).toMatch(/param storageAuth string = 'managedIdentity'/);
  });

  it('gives the identity Storage Table and Queue Data Contributor on the account', () => {
    const roles = bicep.resources.filter(
      (r) => r.type.startsWith('Microsoft.Authorization/roleAssignments@') && r.body.includes('scope: storage'),
    );
    expect(roles).toHaveLength(2);
    const bodies = roles.map((r) => r.body).join('\n');
    expect(bodies).toContain('storageTableDataContributor');
    expect(bodies).toContain('storageQueueDataContributor');
    expect(text).toContain("var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(text).toContain("var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'");
    for (const r of roles) {
      expect(r.body).toContain('scope: storage');
      expect(r.body).toContain('principalId: identity.properties.principalId');
      expect(r.body).toContain("principalType: 'ServicePrincipal'");
    }
  });

  it('runs the service on Linux App Service, Node 24, HTTPS only, always on, health-checked', () => {
    const plan = resource('Microsoft.Web/serverfarms');
    expect(plan).toContain('reserved: true');
    const site = resource('Microsoft.Web/sites');
    expect(site).toContain("linuxFxVersion: 'NODE|24-lts'");
    expect(site).toContain('httpsOnly: true');
    expect(site).toContain('alwaysOn: true');
    expect(site).toContain("healthCheckPath: '/readyz'");
    expect(site).toContain("type: 'UserAssigned'");
    expect(site).toContain("minTlsVersion: '1.2'");
  });

  it('registers an Azure Bot (UserAssignedMSI by default, SingleTenant possible) with the Teams channel at /api/messages', () => {
    expect(text).toMatch(/param botType string = 'UserAssignedMSI'/);
    expect(parameters.parameters.botType?.value).toBe('UserAssignedMSI');
    const bot = resource('Microsoft.BotService/botServices');
    expect(bot).toContain("endpoint: 'https://${webAppHostName}/api/messages'");
    expect(bot).toContain('msaAppType: botType');
    expect(bot).toContain("msaAppMSIResourceId: botIsIdentity ? identity.id : ''");
    expect(bicep.params.find((p) => p.name === 'botType')?.decorators.join(' ')).toMatch(/@allowed\(\[\s*$|@allowed/);
    expect(text).toMatch(/@allowed\(\[\s*'SingleTenant'\s*'UserAssignedMSI'\s*\]\)\s*(@description\(.*\)\s*)?param botType/);
    expect(resource('Microsoft.BotService/botServices/channels')).toContain("channelName: 'MsTeamsChannel'");
  });

  it('has Application Insights (a documented Application_Type) on a Log Analytics workspace, and no agent beside the SDK', () => {
    const insights = resource('Microsoft.Insights/components');
    expect(insights).toContain('WorkspaceResourceId: logs.id');
    expect(insights).toContain("Application_Type: 'web'");
    expect(text).not.toContain('ApplicationInsightsAgent_EXTENSION_VERSION');
  });

  it('sends the App Service logs (HTTP, console, app, platform) to the workspace', () => {
    const diagnostics = resource('Microsoft.Insights/diagnosticSettings');
    expect(diagnostics).toContain('scope: webApp');
    expect(diagnostics).toContain('workspaceId: logs.id');
    for (const category of ['AppServiceHTTPLogs', 'AppServiceConsoleLogs', 'AppServiceAppLogs', 'AppServicePlatformLogs'])
      expect(diagnostics).toContain(`{ category: '${category}', enabled: true }`);
  });

  it('keeps its secrets in a Key Vault with RBAC, read by the identity through Key Vault references', () => {
    const vault = resource('Microsoft.KeyVault/vaults');
    expect(vault).toContain('enableRbacAuthorization: true');
    expect(resource('Microsoft.Web/sites')).toContain('keyVaultReferenceIdentity: identity.id');
    const vaultRole = bicep.resources.find(
      (r) => r.type.startsWith('Microsoft.Authorization/roleAssignments@') && r.body.includes('scope: vault'),
    );
    expect(vaultRole?.body).toContain('keyVaultSecretsUser');
    expect(text).toContain("var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'");
    // Every secret-looking app setting is a reference, never the value.
    const settings = [...text.matchAll(/\{ name: '([A-Z_]+)', value: (.+?) \}\]?$/gm)].map((m) => ({
      name: m[1] ?? '',
      value: m[2] ?? '',
    }));
    const secret = settings.filter(
      (s) => /SECRET|PASSWORD|CONNECTION_STRING/.test(s.name) && s.name !== 'APPLICATIONINSIGHTS_CONNECTION_STRING',
    );
    expect(secret.map((s) => s.name).sort()).toEqual([
      'BOT_PASSWORD',
      'CALENDAR_LINK_SECRET',
      'CALENDAR_LINK_SECRET_PREVIOUS',
      'STORAGE_CONNECTION_STRING',
    ]);
    for (const s of secret)
      because(s.name, () => expect(s.value).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\.properties\.secretUri\}\)'$/));
  });

  it('keeps the link secret across provisions: a parameter from the env file, never newGuid()', () => {
    expect(text).not.toMatch(/newGuid\(/);
    const param = bicep.params.find((p) => p.name === 'calendarLinkSecret');
    expect(param?.hasDefault).toBe(false);
    expect(parameters.parameters.calendarLinkSecret?.value).toBe('${{SECRET_CALENDAR_LINK_SECRET}}');
    expect(parameters.parameters.calendarLinkSecretPrevious?.value).toBe('${{SECRET_CALENDAR_LINK_SECRET_PREVIOUS}}');
  });

  it("scales out on CPU and the outbox queue between the instance parameters, and splits Teams' rate between instances", () => {
    const autoscale = resource('Microsoft.Insights/autoscalesettings');
    expect(autoscale).toContain('targetResourceUri: plan.id');
    expect(autoscale).toContain("metricName: 'CpuPercentage'");
    expect(autoscale).toContain("metricName: 'QueueMessageCount'");
    expect(autoscale).toContain('metricResourceUri: queueService.id');
    expect(autoscale).toContain('minimum: string(minInstances)');
    expect(autoscale).toContain('maximum: string(maxInstances)');
    expect(text).toContain('var tenantRatePerInstance = max(1, 30 / maxInstances)');
    expect(text).toContain("{ name: 'TEAMS_TENANT_RATE_PER_SECOND', value: string(tenantRatePerInstance) }");
    // Basic plans cannot autoscale.
    expect(text).not.toMatch(/param webAppSku string = 'B\d'/);
  });

  it('outputs what the Toolkit expects, and nothing secret', () => {
    const names = bicep.outputs.map((o) => o.name);
    for (const name of [
      'BOT_DOMAIN',
      'BOT_ID',
      'TAB_ENDPOINT',
      'TAB_DOMAIN',
      'BOT_AZURE_APP_SERVICE_RESOURCE_ID',
      'STORAGE_ACCOUNT_NAME',
    ]) {
      expect(names).toContain(name);
    }
    const secureParams = bicep.params.filter((p) => p.decorators.includes('@secure()')).map((p) => p.name);
    for (const output of bicep.outputs) {
      because(output.name, () => expect(output.expression).not.toMatch(/listKeys|list\w*\(|ConnectionString|password|secret|key/i));
      for (const secure of secureParams) because(output.name, () => expect(output.expression).not.toContain(secure));
      expect(output.type).toBe('string');
    }
  });

  it('marks secret parameters @secure() and reads no secret into a plain one', () => {
    const secretLooking = bicep.params.filter((p) => /secret|password|key$/i.test(p.name));
    expect(secretLooking.map((p) => p.name)).toEqual(['botAadAppClientSecret', 'calendarLinkSecret', 'calendarLinkSecretPrevious']);
    for (const p of secretLooking) expect(p.decorators).toContain('@secure()');
    for (const [name, { value }] of Object.entries(parameters.parameters)) {
      if (typeof value === 'string' && /SECRET_/.test(value)) {
        because(name, () => expect(bicep.params.find((p) => p.name === name)?.decorators).toContain('@secure()'));
      }
    }
  });

  it('is fed by infra/azure.parameters.json: every value names a declared parameter, every required one is given', () => {
    const declared = new Set(bicep.params.map((p) => p.name));
    for (const name of Object.keys(parameters.parameters)) because(name, () => expect(declared).toContain(name));
    for (const p of bicep.params.filter((param) => !param.hasDefault))
      because(p.name, () => expect(Object.keys(parameters.parameters)).toContain(p.name));
  });
});
