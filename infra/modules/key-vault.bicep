// Key Vault for channel secrets, read by the function app through Key Vault references.
// Nothing here writes a secret: operators set them (docs/deploy.md), named channel-{channel}-{setting}
// in lower case, e.g. channel-demo-token, channel-demo-encodingaeskey, channel-demo-appsecret.

param name string
param location string
param tags object
param softDeleteRetentionInDays int

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
