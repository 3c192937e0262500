// Cosmos DB for NoSQL: account, database and every container the app uses. Keys are disabled: the app and the
// operators authenticate with Entra ID and the built-in data-plane role.
param accountName string
param location string
param tags object
param databaseName string
param autoscaleMaxThroughput int
param zoneRedundant bool
@description('Principals (the app\'s managed identity, CLI operators) given Cosmos DB Built-in Data Contributor.')
param dataContributorPrincipalIds array

// Cosmos DB Built-in Data Contributor: read and write items; no control-plane (create/delete container) rights.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// Must match services/store/containers.ts exactly (ids, partition keys, indexing); a test checks it. The app only
// reads these at startup: a data-plane identity cannot create containers, so they must exist before it starts.
// No container sets defaultTtl: the audit log must never expire (docs/domain-rules.md §8, retention follows MoPI).
var containers = [
  { id: 'officers', partitionKey: '/id' }
  { id: 'cases', partitionKey: '/id' }
  { id: 'reviews', partitionKey: '/caseId' }
  { id: 'actionPlans', partitionKey: '/officerId' }
  { id: 'conversations', partitionKey: '/aadObjectId' }
  { id: 'notifications', partitionKey: '/id' }
  { id: 'leases', partitionKey: '/id' }
  { id: 'audit', partitionKey: '/day' }
]

var indexingPolicy = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [
    { path: '/*' }
  ]
  excludedPaths: [
    { path: '/"_etag"/?' }
  ]
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: zoneRedundant
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    // Point-in-time restore for 7 days, kept in the account's region.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: {
      autoscaleSettings: {
        maxThroughput: autoscaleMaxThroughput
      }
    }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.id
    properties: {
      resource: {
        id: c.id
        partitionKey: {
          paths: [
            c.partitionKey
          ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: indexingPolicy
      }
    }
  }
]

resource dataContributors 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [
  for principalId in dataContributorPrincipalIds: {
    parent: account
    name: guid(account.id, principalId, dataContributorRoleId)
    properties: {
      roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
      principalId: principalId
      scope: account.id
    }
  }
]

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
