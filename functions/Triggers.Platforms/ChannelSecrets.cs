namespace Triggers.Platforms;

/// <summary>The secret names a channel may carry (ARCHITECTURE.md); each platform uses a few of them.</summary>
public static class ChannelSecrets
{
    public const string Token = "Token";
    public const string EncodingAesKey = "EncodingAesKey";
    public const string AppId = "AppId";
    public const string CorpId = "CorpId";
    public const string ClientSecret = "ClientSecret";
    public const string AppKey = "AppKey";
    public const string AppSecret = "AppSecret";
    public const string Secret = "Secret";
}
