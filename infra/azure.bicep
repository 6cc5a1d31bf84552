// PeerLearn in Azure: one Linux web app (bot + tab API + tab), Table and Queue storage reached with a
// user-assigned managed identity, an Azure Bot with the Teams channel, and Application Insights.
// Compile and preview with the Azure CLI (docs/DEPLOY.md): az bicep build --file infra/azure.bicep

@minLength(4)
@maxLength(16)
@description('Lowercase letters and digits; a unique suffix is added, so names are globally unique.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU; B1 is the smallest with Always On.')
param webAppSku string = 'B1'

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
param botType string = 'SingleTenant'

@description('The bot\'s Entra app (client) id; ignored with UserAssignedMSI (the identity is the bot).')
param botAadAppClientId string = ''

@secure()
@description('The bot\'s client secret; only with SingleTenant.')
param botAadAppClientSecret string = ''

@maxLength(42)
param botDisplayName string = 'PeerLearn'

param botServiceSku string = 'F0'

@secure()
@minLength(32)
@description('Signs the calendar (.ics) links in session cards. Defaults to a fresh random value per deployment, which invalidates links from before a redeploy; pass a fixed secret to keep them.')
param calendarLinkSecret string = '${newGuid()}${newGuid()}'

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

// Built-in role definition ids.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
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
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
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

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
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
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
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
  { name: 'CALENDAR_LINK_SECRET', value: calendarLinkSecret }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
  // The deploy step uploads a built app (dist/ + node_modules); App Service must not rebuild it.
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
]
var storageSettings = useIdentityForStorage
  ? [
      { name: 'STORAGE_ACCOUNT_NAME', value: storage.name }
    ]
  : [
      {
        name: 'STORAGE_CONNECTION_STRING'
        value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
      }
    ]
var botSecretSettings = botIsIdentity ? [] : [{ name: 'BOT_PASSWORD', value: botAadAppClientSecret }]

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
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
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appCommandLine: 'node --enable-source-maps dist/bot/index.js'
      appSettings: concat(baseSettings, storageSettings, botSecretSettings)
    }
  }
  dependsOn: [
    tableRole
    queueRole
  ]
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
