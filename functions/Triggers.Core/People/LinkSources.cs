namespace Triggers.Core.People;

/// <summary>What linked an account to a person.</summary>
public static class LinkSources
{
    /// <summary>An <c>identify</c> signal: a CRM relaying that the account is a brand member.</summary>
    public const string Identify = "identify";

    /// <summary>Operations staff, through the admin API or the CLI.</summary>
    public const string Admin = "admin";

    /// <summary>A key the payload carried: a unionid, or the salted hash of a phone number on an order.</summary>
    public const string Payload = "payload";
}
