namespace Triggers.Core.People;

/// <summary>
/// One account on one platform, written <c>{platform}:{actorId}</c> with the platform as <c>/api/admin/signals</c> lists it
/// (<c>wechat:oAbC…</c>, <c>douyin:123</c>). The platform name holds no colon, so the first colon splits the two.
/// </summary>
public readonly record struct AccountRef(string Platform, string Id) : IComparable<AccountRef>
{
    public override string ToString() => $"{Platform}:{Id}";

    public int CompareTo(AccountRef other)
    {
        var byPlatform = string.CompareOrdinal(Platform, other.Platform);
        return byPlatform != 0 ? byPlatform : string.CompareOrdinal(Id, other.Id);
    }

    /// <summary>Reads <c>{platform}:{actorId}</c>; on failure <paramref name="error"/> says what is wrong and how to write it.</summary>
    public static bool TryParse(string? text, out AccountRef account, out string? error)
    {
        account = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon < 0)
        {
            error = $"'{text}' is not an account: write it as {{platform}}:{{actorId}}, for example wechat:oAbC123 or douyin:71523";
            return false;
        }

        var platform = text[..colon];
        var id = text[(colon + 1)..];
        if (!IsPlatformName(platform))
        {
            error = $"'{platform}' in '{text}' is not a platform name: use the platform as /api/admin/signals lists it (lower-case letters, digits and '-'), for example wechat or douyin";
            return false;
        }

        if (id.Length == 0 || id.Length > 256 || id.Any(char.IsControl))
        {
            error = $"the actor id in '{text}' must be 1-256 characters without control characters";
            return false;
        }

        account = new AccountRef(platform, id);
        error = null;
        return true;
    }

    public static AccountRef Parse(string text) =>
        TryParse(text, out var account, out var error) ? account : throw new FormatException(error);

    private static bool IsPlatformName(string platform) =>
        platform.Length is > 0 and <= 32 && platform.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
