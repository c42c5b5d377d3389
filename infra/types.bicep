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
