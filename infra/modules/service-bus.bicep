// Service Bus namespace and the `ingest` queue that upstream relays send signal envelopes to
// (function IngestSignal). Entra ID only: no SAS keys.

param name string
param location string
param tags object
param sku string

// The app sends a message to ingest-poison itself once a delivery count reaches host.json's
// maxDequeueCount (5); the broker must not dead-letter it before that, so this stays above it.
var maxDeliveryCount = 10

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }

  resource ingest 'queues' = {
    name: 'ingest'
    properties: {
      maxDeliveryCount: maxDeliveryCount
      lockDuration: 'PT1M'
      deadLetteringOnMessageExpiration: true
    }
  }
}

output name string = namespace.name
output ingestQueueName string = namespace::ingest.name
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
