// Shapes shared by main.bicep and its modules.

@export()
@description('One webhook channel (Channels:{name} in the app). Secret values live in Key Vault, never here.')
type channelConfig = {
  @description('Channel name: 1-64 letters, digits, "-" or "_"; the webhook URL is /api/webhooks/{name}.')
  @minLength(1)
  @maxLength(64)
  name: string

  @description('Platform: wechat, wecom, wechat-shop, douyin, doudian, kuaishou, xiaohongshu, bilibili or generic.')
  platform: string

  @description('Plain settings such as Tenant, AppId, CorpId or ReplayWindow, set as Channels__{name}__{setting}.')
  settings: object?

  @description('Names of secret settings (Token, EncodingAesKey, AppSecret, Secret...), each a Key Vault reference to secret channel-{name}-{setting}, lower case.')
  secrets: string[]?
}

@export()
@description('An admin key kept to some tenants (Admin:Keys:{name} in the app). Its value lives in Key Vault as secret admin-key-{name} (lower case, "_" as "-"), and the same value must be a host key of the function app, which checks it first.')
type adminScope = {
  @description('The key\'s name, recorded on every change made with it: 1-40 letters, digits, "-" or "_". Names that differ only in case or in "_" against "-" share one secret, so keep them apart.')
  @minLength(1)
  @maxLength(40)
  name: string

  @description('The tenants the key may see, "brand-a,brand-b", or "*" for all.')
  @minLength(1)
  tenants: string
}
