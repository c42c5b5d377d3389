// Azure AI Language for sentiment and opinion mining (Analysis:Provider azure-language). Entra ID needs
// the custom subdomain endpoint; local (key) auth is off.

param name string
param location string
param tags object
param sku string

resource language 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: sku
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = language.name
output endpoint string = language.properties.endpoint
