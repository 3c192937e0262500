// Casewatch on Azure: everything a force needs, in its own resource group, in the UK.
//
//   az deployment group create -g <rg> -f deployment/main.bicep -p deployment/main.parameters.json
//
// Step-by-step guide: docs/deploy.md. test/deployment/bicep-consistency.test.ts keeps the app settings below in step
// with services/platform/config/load-config.ts and the Cosmos containers with services/store/containers.ts.
targetScope = 'resourceGroup'

@description('Short name every resource name is derived from, e.g. casewatch-anyshire: lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param baseName string

@description('Region for the web app, Cosmos DB, Key Vault and monitoring. UK regions only, so case data stays in the UK.')
@allowed([
  'uksouth'
  'ukwest'
])
param location string = 'uksouth'

@description('Data residency of the Azure Bot resource. Azure Bot has no UK-only option: westeurope keeps its data in the EU; global does not constrain it.')
@allowed([
  'westeurope'
  'global'
])
param botLocation string = 'westeurope'

@description('Client ID of the single-tenant Entra app registration the bot signs in with (docs/deploy.md step 3).')
param microsoftAppId string

@description('The force\'s Entra tenant ID: the bot\'s home tenant.')
param tenantId string = subscription().tenantId

@description('Comma-separated Entra tenant IDs whose users may talk to the bot. Normally only the force tenant.')
param allowedTenants string = tenantId

@secure()
@description('The app registration\'s client secret. Leave empty to set it in Key Vault yourself afterwards (docs/deploy.md step 6).')
param microsoftAppPassword string = ''

@description('App Service plan size. Premium v3 gives the memory and zone options a force service needs.')
param appServiceSku string = 'P1v3'

@description('Instances always running. Two or more is safe: only the instance holding the Cosmos lease runs a sweep.')
@minValue(2)
param minimumInstances int = 2

@description('Upper bound for CPU-based scale-out.')
@minValue(2)
param maximumInstances int = 4

@description('Node.js runtime of the web app.')
param linuxFxVersion string = 'NODE|20-lts'

@description('Cosmos DB database name (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'casewatch'

@description('Autoscale ceiling in RU/s, shared by all containers of the database.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Spread Cosmos DB replicas across availability zones in the region.')
param cosmosZoneRedundant bool = false

@description('Object IDs of people or pipelines that run the casewatch CLI (import, audit export) against Cosmos DB. Keys are disabled, so they need this data-plane role.')
param cosmosOperatorPrincipalIds array = []

@description('Days Log Analytics keeps logs and traces.')
@minValue(30)
param logRetentionDays int = 90

param tags object = {
  application: 'casewatch'
}

var suffix = take(uniqueString(resourceGroup().id), 6)
var botSecretName = 'MicrosoftAppPassword'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: '${baseName}-logs'
    appInsightsName: '${baseName}-appi'
    location: location
    tags: tags
    retentionDays: logRetentionDays
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    // Key Vault names are at most 24 characters and may not contain '--'.
    name: 'kv-${replace(take(baseName, 12), '-', '')}-${suffix}'
    location: location
    tags: tags
    secretReaderPrincipalId: identity.properties.principalId
    secretName: botSecretName
    secretValue: microsoftAppPassword
    workspaceId: monitoring.outputs.workspaceId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: '${baseName}-${suffix}'
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    zoneRedundant: cosmosZoneRedundant
    dataContributorPrincipalIds: concat([identity.properties.principalId], cosmosOperatorPrincipalIds)
  }
}

// Every setting the app reads in production. Secrets are Key Vault references or absent: Cosmos uses the managed
// identity (no COSMOS_KEY), so no key exists to leak.
var appSettings = [
  { name: 'NODE_ENV', value: 'production' }
  { name: 'COSMOS_ENDPOINT', value: cosmos.outputs.endpoint }
  { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'MicrosoftAppId', value: microsoftAppId }
  { name: 'MicrosoftAppPassword', value: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${botSecretName})' }
  { name: 'MicrosoftAppType', value: 'SingleTenant' }
  { name: 'MicrosoftAppTenantId', value: tenantId }
  { name: 'CASEWATCH_ALLOWED_TENANTS', value: allowedTenants }
  { name: 'CASEWATCH_TIME_ZONE', value: 'Europe/London' }
  { name: 'CASEWATCH_SCHEDULER', value: 'on' }
  { name: 'LOG_LEVEL', value: 'info' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.outputs.connectionString }
  // The deployed zip already holds node_modules (built in CI); mount it read-only instead of building on the server.
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
]

module webApp 'modules/web-app.bicep' = {
  name: 'web-app'
  params: {
    name: '${baseName}-${suffix}'
    planName: '${baseName}-plan'
    location: location
    tags: tags
    skuName: appServiceSku
    minimumInstances: minimumInstances
    maximumInstances: maximumInstances
    linuxFxVersion: linuxFxVersion
    identityId: identity.id
    appSettings: appSettings
    workspaceId: monitoring.outputs.workspaceId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${baseName}-bot-${suffix}'
    location: botLocation
    tags: tags
    displayName: 'Casewatch'
    endpoint: 'https://${webApp.outputs.hostName}/api/messages'
    microsoftAppId: microsoftAppId
    tenantId: tenantId
  }
}

output webAppName string = webApp.outputs.name
output publicHostname string = webApp.outputs.hostName
output messagingEndpoint string = 'https://${webApp.outputs.hostName}/api/messages'
output keyVaultName string = keyVault.outputs.name
output botSecretName string = botSecretName
output cosmosEndpoint string = cosmos.outputs.endpoint
output cosmosAccountName string = cosmos.outputs.accountName
output botName string = bot.outputs.name
output managedIdentityClientId string = identity.properties.clientId
