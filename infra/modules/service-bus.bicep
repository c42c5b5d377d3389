// Service Bus namespace and topic `touchpoints`: the app publishes every touchpoint outcome there as a
// CloudEvent (MessageId = event id, SessionId = contact id) for the brand's own systems to subscribe to.
// The app only sends; nothing in it receives from Service Bus. Entra ID only: no SAS keys.

param name string
param location string
param tags object

@description('Standard or Premium: topics, duplicate detection and sessions do not exist on Basic.')
param sku string

// The app publishes an event again when it cannot tell whether the first send got through (a crash between
// the send and the outbox mark, a timeout), on its next dispatcher run: normally a minute later, but as
// late as the dispatcher's longest back-off (Dispatch:RetryMax, 1 h) or for as long as an outage of the
// app or of the broker lasts. A day covers that with margin, including an outage left until the next
// morning; a duplicate that arrives later still is told apart by subscribers through the CloudEvent id.
// The broker checks each message id against the window, so a longer one costs throughput only at volumes far
// above a stream of touchpoint events.
var duplicateDetectionWindow = 'P1D'

// Events nobody has received within two weeks expire into each subscription's dead-letter queue.
var eventTimeToLive = 'P14D'

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

  resource touchpoints 'topics' = {
    name: 'touchpoints'
    properties: {
      // MessageId is the event id, so a republished event is dropped by the broker.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      // Messages of one sender leave the topic in the order they were sent.
      supportOrdering: true
      defaultMessageTimeToLive: eventTimeToLive
      enablePartitioning: false
    }

    // An example subscriber that takes every event. Sessions are a subscription property: a session-aware
    // receiver gets one contact's events (SessionId = contact id) in order, one contact at a time.
    // Add one subscription per consuming system, with a SQL filter on the application properties
    // `type`, `tenant` or `platform` if it needs only some events (docs/deploy.md).
    resource allEvents 'subscriptions' = {
      name: 'all-events'
      properties: {
        requiresSession: true
        lockDuration: 'PT1M'
        maxDeliveryCount: 10
        defaultMessageTimeToLive: eventTimeToLive
        deadLetteringOnMessageExpiration: true
        deadLetteringOnFilterEvaluationExceptions: true
      }
    }
  }
}

output name string = namespace.name
output touchpointsTopicName string = namespace::touchpoints.name
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
