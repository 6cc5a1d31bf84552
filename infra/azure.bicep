// PeerLearn in Azure: one Linux web app (bot + tab API + tab) that scales out on CPU and the outbox
// queue, Table and Queue storage reached with a user-assigned managed identity, the same identity as
// the Azure Bot (no client secret) with the Teams channel, a Key Vault for the one secret left (the
// link-signing secret), and Application Insights with the App Service logs in Log Analytics.
// Compile and preview with the Azure CLI (docs/DEPLOY.md): az bicep build --file infra/azure.bicep

@minLength(4)
@maxLength(16)
@description('Lowercase letters and digits; a unique suffix is added, so names are globally unique.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU; autoscale needs Standard (S1) or Premium: P0v3 is the smallest Premium v3.')
param webAppSku string = 'P0v3'

@minValue(1)
@maxValue(30)
@description('Instances the plan keeps at least (autoscale).')
param minInstances int = 1

@minValue(1)
@maxValue(30)
@description('Instances autoscale may add up to. Teams allows about 30 sends a second per app per tenant in all, so each instance gets 30 ÷ this (docs/DELIVERY.md).')
param maxInstances int = 3

@minValue(1)
@description('Outbox messages waiting in the storage account\'s queues above which autoscale adds an instance.')
param outboxScaleOutQueueLength int = 1000

param storageSku string = 'Standard_LRS'

@allowed([
  'managedIdentity'
  'connectionString'
])
@description('managedIdentity: the service signs in with the identity and shared keys are off. connectionString: for storage that needs keys.')
param storageAuth string = 'managedIdentity'

@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
@description('UserAssignedMSI (default): the managed identity is the bot, no secret anywhere. SingleTenant: an Entra app with a client secret, kept in Key Vault (docs/DEPLOY.md).')
param botType string = 'UserAssignedMSI'

@description('The bot\'s Entra app (client) id; only with SingleTenant (with UserAssignedMSI the identity is the bot).')
param botAadAppClientId string = ''

@secure()
@description('The bot\'s client secret; only with SingleTenant. Stored in Key Vault, referenced from the app settings.')
param botAadAppClientSecret string = ''

@maxLength(42)
param botDisplayName string = 'PeerLearn'

param botServiceSku string = 'F0'

@secure()
@minLength(32)
@description('Signs the calendar (.ics), buddy chat and export links. Made once by scripts/ensure-link-secret.mjs (a teamsapp.yml step) into env/.env.<env>.user and passed on every provision, so links in cards keep working; stored in Key Vault.')
param calendarLinkSecret string

@secure()
@description('During a rotation only: the secret before calendarLinkSecret, which still verifies links signed with it (docs/DEPLOY.md). Empty: no rotation under way.')
param calendarLinkSecretPrevious string = ''

@description('The tab\'s Entra app (client) id for Teams SSO.')
param aadAppClientId string

@description('Comma-separated tenant ids whose users may sign in; defaults to this subscription\'s tenant.')
param allowedTenants string = ''

@description('The Microsoft 365 (Entra) tenant of the bot and SSO apps; the subscription\'s by default.')
param tenantId string = subscription().tenantId

var baseName = toLower('${resourceBaseName}${take(uniqueString(resourceGroup().id), 6)}')
var webAppName = baseName
// App Service host names are <site>.azurewebsites.net; known before the site exists, so settings can name it.
var webAppHostName = '${webAppName}.azurewebsites.net'
var storageAccountName = take(replace(baseName, '-', ''), 24)
var useIdentityForStorage = storageAuth == 'managedIdentity'
var botIsIdentity = botType == 'UserAssignedMSI'
var botAppId = botIsIdentity ? identity.properties.clientId : botAadAppClientId
var keyVaultName = take('${replace(baseName, '-', '')}kv', 24)
var rotating = !empty(calendarLinkSecretPrevious)
// Teams allows about 30 proactive sends a second per app per tenant, shared by every instance (docs/DELIVERY.md).
var tenantRatePerInstance = max(1, 30 / maxInstances)

// Built-in role definition ids.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${baseName}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: !useIdentityForStorage
    defaultToOAuthAuthentication: useIdentityForStorage
    publicNetworkAccess: 'Enabled'
  }
}

// The service creates its tables and queues itself at start (idempotent); these are their services.
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-ai'
  location: location
  kind: 'web'
  properties: {
    // 'web' and 'other' are the documented values.
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// The one place secrets live: RBAC only (no access policies), read by the identity through Key Vault
// references in the app settings. Nothing is ever typed into it by a person: the link secret comes
// from the env file the Toolkit step generated, the bot secret (SingleTenant only) from botAadApp/create.
resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource linkSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'calendar-link-secret'
  properties: {
    value: calendarLinkSecret
  }
}

resource previousLinkSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (rotating) {
  parent: vault
  name: 'calendar-link-secret-previous'
  properties: {
    value: calendarLinkSecretPrevious
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!botIsIdentity) {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
  }
}

resource storageConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!useIdentityForStorage) {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: minInstances
  }
  properties: {
    reserved: true
  }
}

// Scale out on CPU, and on the outbox's backlog: QueueMessageCount counts the messages in all of the
// account's queues (the outbox queue holds nearly all); Azure Storage reports it about once an hour,
// so CPU reacts first and the queue rule catches a backlog that builds slowly.
resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: '${baseName}-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'cpu-and-outbox'
        capacity: {
          minimum: string(minInstances)
          maximum: string(maxInstances)
          default: string(minInstances)
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricNamespace: 'microsoft.web/serverfarms'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 70
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT10M'
            }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricNamespace: 'microsoft.web/serverfarms'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT20M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT20M'
            }
          }
          {
            metricTrigger: {
              metricName: 'QueueMessageCount'
              metricNamespace: 'microsoft.storage/storageaccounts/queueservices'
              metricResourceUri: queueService.id
              timeGrain: 'PT1H'
              statistic: 'Average'
              timeWindow: 'PT1H'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: outboxScaleOutQueueLength
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT30M'
            }
          }
        ]
      }
    ]
  }
}

// Settings every environment gets; the storage and bot ones depend on the chosen modes.
var baseSettings = [
  { name: 'NODE_ENV', value: 'production' }
  { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
  { name: 'AAD_APP_ID_URI', value: 'api://${webAppHostName}/${aadAppClientId}' }
  { name: 'ALLOWED_TENANTS', value: empty(allowedTenants) ? tenantId : allowedTenants }
  { name: 'BOT_ID', value: botAppId }
  { name: 'BOT_TENANT_ID', value: tenantId }
  { name: 'BOT_TYPE', value: botType }
  { name: 'PUBLIC_URL', value: 'https://${webAppHostName}' }
  // A Key Vault reference: App Service resolves it with keyVaultReferenceIdentity; the value never sits in the settings.
  { name: 'CALENDAR_LINK_SECRET', value: '@Microsoft.KeyVault(SecretUri=${linkSecret.properties.secretUri})' }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'TEAMS_TENANT_RATE_PER_SECOND', value: string(tenantRatePerInstance) }
  // The service starts the Azure Monitor OpenTelemetry distro itself (bot/src/telemetry/); no agent beside it.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'OTEL_SERVICE_NAME', value: 'peerlearn' }
  // The deploy step uploads a built app (dist/ + node_modules); App Service must not rebuild it.
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
]
var storageSettings = useIdentityForStorage
  ? [
      { name: 'STORAGE_ACCOUNT_NAME', value: storage.name }
    ]
  : [
      { name: 'STORAGE_CONNECTION_STRING', value: '@Microsoft.KeyVault(SecretUri=${storageConnectionSecret.properties.secretUri})' }
    ]
var botSecretSettings = botIsIdentity
  ? []
  : [{ name: 'BOT_PASSWORD', value: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})' }]
var rotationSettings = rotating
  ? [{ name: 'CALENDAR_LINK_SECRET_PREVIOUS', value: '@Microsoft.KeyVault(SecretUri=${previousLinkSecret.properties.secretUri})' }]
  : []

resource webApp 'Microsoft.Web/sites@2024-11-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appCommandLine: 'node --enable-source-maps --max-semi-space-size=4 dist/bot/index.js'
      appSettings: concat(baseSettings, storageSettings, botSecretSettings, rotationSettings)
    }
  }
  dependsOn: [
    tableRole
    queueRole
    // The Key Vault references resolve at the first start only if the identity can already read them.
    vaultRole
  ]
}

// App Service's own logs (HTTP, console: the service's JSON lines, app, platform) and metrics into the workspace.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceAppLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [
      { category: 'AllMetrics', enabled: true }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: baseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webAppHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: botType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: botIsIdentity ? identity.id : ''
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Names as the Microsoft 365 Agents Toolkit expects them (written to env/.env.<env> by arm/deploy).
// Nothing secret leaves the deployment.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ID string = botAppId
output BOT_TENANT_ID string = tenantId
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output STORAGE_ACCOUNT_NAME string = storage.name
output AZURE_CLIENT_ID string = identity.properties.clientId
output KEY_VAULT_NAME string = vault.name
