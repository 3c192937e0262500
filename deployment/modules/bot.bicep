// Azure Bot registration (single-tenant) with the Microsoft Teams channel.
param name string
@description('westeurope (EU data residency) or global. Azure Bot offers no UK-only region.')
param location string
param tags object
param displayName string
param endpoint string
param microsoftAppId string
param tenantId string
@allowed([
  'F0'
  'S1'
])
@description('Teams is a standard channel, free on both tiers; S1 carries the service-level agreement.')
param sku string = 'S1'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: location
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

output name string = bot.name
