// The Flex Consumption plan and the function app: the isolated-worker .NET app functions/Triggers.Functions
// (runtime dotnet-isolated 10.0), published and deployed by azd. Every connection is identity-based with
// the one user-assigned identity; every secret is a Key Vault reference.

import { adminScope, channelConfig } from '../types.bicep'

param name string
param planName string
param location string
param tags object
param identityName string
param storageAccountName string
param deploymentContainerName string
param serviceBusNamespaceName string
param languageAccountName string
param keyVaultName string
param applicationInsightsName string
param channels channelConfig[]
param adminScopes adminScope[]
param additionalAppSettings object
param instanceMemoryMB int
param maximumInstanceCount int

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName
}

resource language 'Microsoft.CognitiveServices/accounts@2023-05-01' existing = {
  name: languageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Built from the name rather than read from the vault so the channel lambdas below use no runtime value.
var vaultUri = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/'

// AzureWebJobsStorage, identity-based: the host (queue triggers, timer locks, function keys) and the app
// (tables, queues) share it. Service URIs rather than __accountName, so they come from the account itself.
var storageSettings = {
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
}

// ServiceBus: the app publishes touchpoint events to topic `touchpoints` when ServiceBus__fullyQualifiedNamespace
// is set (else to a Storage queue), with the identity the Functions identity-connection settings name.
var serviceBusSettings = {
  ServiceBus__fullyQualifiedNamespace: split(split(serviceBus.properties.serviceBusEndpoint, '/')[2], ':')[0]
  ServiceBus__credential: 'managedidentity'
  ServiceBus__clientId: identity.properties.clientId
}

// The host's telemetry and the worker's OpenTelemetry exporter (on when the connection string is set);
// local auth is off on the component, so both authenticate as the identity.
var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
}

// Before additionalAppSettings, so an operator may switch Analysis__Provider back to embedded.
var analysisSettings = {
  Analysis__Provider: 'azure-language'
  Analysis__AzureLanguage__Endpoint: language.properties.endpoint
  // The app's one TokenCredential (Language, and any client without settings of its own) picks the
  // user-assigned identity by this id.
  AZURE_CLIENT_ID: identity.properties.clientId
}

// Channels__{name}__Platform and plain settings as given; each secret a Key Vault reference (latest version).
var channelSettings = reduce(channels, {}, (all, channel) => union(
  all,
  {
    'Channels__${channel.name}__Platform': channel.platform
  },
  toObject(items(channel.?settings ?? {}), setting => 'Channels__${channel.name}__${setting.key}', setting => string(setting.value)),
  toObject(
    channel.?secrets ?? [],
    secret => 'Channels__${channel.name}__${secret}',
    secret => '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${toLower('channel-${replace(channel.name, '_', '-')}-${secret}')}/)'
  )
))

// Admin__Keys__{name}__Key a Key Vault reference to secret admin-key-{name}, and the tenants it may see. Declared here
// so that a provision, which replaces every app setting, keeps the scoped keys.
var adminKeySettings = reduce(adminScopes, {}, (all, key) => union(all, {
  'Admin__Keys__${key.name}__Key': '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${toLower('admin-key-${replace(key.name, '_', '-')}')}/)'
  'Admin__Keys__${key.name}__Tenants': key.tenants
}))

// Later objects win: connection settings cannot be overridden by accident.
var appSettings = union(
  analysisSettings,
  additionalAppSettings,
  channelSettings,
  adminKeySettings,
  storageSettings,
  serviceBusSettings,
  monitoringSettings
)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd deploys service `api` (azure.yaml) to the resource carrying this tag.
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
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
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }

  // Deployments authenticate with Entra ID (azd, az functionapp deploy); no publishing passwords.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
