// Log Analytics workspace and the workspace-based Application Insights the app exports to (services/platform/telemetry/).
param workspaceName string
param appInsightsName string
param location string
param tags object
param retentionDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output workspaceId string = workspace.id
// An ingestion address, not a credential to read data; Microsoft documents it as safe to hold in app settings.
output connectionString string = appInsights.properties.ConnectionString
