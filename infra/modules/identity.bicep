// The function app's user-assigned identity: storage, Service Bus, Language, Key Vault and monitoring
// all authenticate it with Entra ID, so no key or connection string is ever issued.

param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
