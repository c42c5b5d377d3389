// Triggers on Azure: a Flex Consumption function app running the isolated-worker .NET app, with its
// storage (tables, the `signals` and `ingest` queues), the Service Bus topic `touchpoints` it publishes
// touchpoint events to, Azure AI Language, Key Vault and monitoring.
// Deploy with `azd up`, or `az deployment sub create` with main.parameters.json (docs/deploy.md).
targetScope = 'subscription'

import { adminScope, channelConfig } from 'types.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the environment; with the subscription and location it seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region for every resource. It must offer Flex Consumption: az functionapp list-flexconsumption-locations.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person or pipeline that operates this deployment: may set Key Vault secrets and edit the Rules table. Empty for none.')
param principalId string = ''

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Configured channels: name, platform, plain settings, and the names of settings read from Key Vault. No values of secrets here.')
param channels channelConfig[] = []

@description('Admin keys kept to some tenants: name and tenants. Each key\'s value is Key Vault secret admin-key-{name} and a host key of the same value (docs/deploy.md#admin-api-key).')
param adminScopes adminScope[] = []

@description('More plain (non-secret) app settings, e.g. {"Guardrails__TimeZone": "Asia/Shanghai"}; secrets go to Key Vault and channels.')
param additionalAppSettings object = {}

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances Flex Consumption may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Service Bus tier for topic `touchpoints`: Standard or Premium (Basic has no topics, sessions or duplicate detection).')
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string = 'Standard'

@description('Azure AI Language tier: S (pay as you go) or F0 (free, one per subscription).')
@allowed([
  'S'
  'F0'
])
param languageSku string = 'S'

@description('Days a deleted vault or secret can be recovered. Purge protection keeps the vault name reserved this long.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 7

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'

// The Functions host's own blob containers exist up front so the identity needs blob rights on them only.
var deploymentContainerName = 'app-package'
var hostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]

// The Storage queues the queue triggers listen on: ProcessSignal on `signals`, IngestSignal on `ingest`
// (where upstream relays write signal envelopes).
var queueNames = [
  'signals'
  'ingest'
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containerNames: concat([deploymentContainerName], hostContainerNames)
    queueNames: queueNames
  }
}

module serviceBus 'modules/service-bus.bicep' = {
  name: 'service-bus'
  scope: rg
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
    sku: serviceBusSku
  }
}

module language 'modules/language.bicep' = {
  name: 'language'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesTextAnalytics}${resourceToken}'
    location: location
    tags: tags
    sku: languageSku
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    hostContainerNames: hostContainerNames
    serviceBusNamespaceName: serviceBus.outputs.name
    touchpointsTopicName: serviceBus.outputs.touchpointsTopicName
    languageAccountName: language.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  // The host reads storage and Key Vault references as soon as it starts, and the app publishes to Service Bus.
  dependsOn: [
    roles
  ]
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityName: identity.outputs.name
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    serviceBusNamespaceName: serviceBus.outputs.name
    languageAccountName: language.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    channels: channels
    adminScopes: adminScopes
    additionalAppSettings: additionalAppSettings
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output WEBHOOK_BASE_URL string = '${functionApp.outputs.uri}/api/webhooks/'
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AZURE_LANGUAGE_ENDPOINT string = language.outputs.endpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
