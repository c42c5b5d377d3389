using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Text;
using Triggers.Core.Signals;

namespace Triggers.Core.People;

/// <summary>
/// Keys a payload may carry that identify the same human across platforms: a WeChat/WeCom <c>unionid</c> (the same for
/// one WeChat user in all of a brand's official accounts, mini programs and WeCom), and a phone number on an order,
/// which is never stored: the envelope replaces it with a salted hash at once. A key joins a person as an account of
/// its own (<c>unionid:{id}</c>, <c>phone:{hash}</c>), so two accounts carrying the same key become one person.
/// </summary>
public static partial class IdentityKeys
{
    public const string UnionIdPlatform = "unionid";
    public const string PhonePlatform = "phone";

    /// <summary>The attribute that carries a unionid (generic envelopes; WeChat and WeCom payloads that include one).</summary>
    public const string UnionIdAttribute = "unionid";

    /// <summary>The attribute a sender puts a phone number in; it never reaches storage.</summary>
    public const string PhoneAttribute = "phone";

    /// <summary>What the envelope keeps instead: the salted hash.</summary>
    public const string PhoneHashAttribute = "phoneHash";

    /// <summary>The identity keys the signal carries, as accounts.</summary>
    public static IReadOnlyList<AccountRef> Of(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var keys = new List<AccountRef>(2);
        if (signal.Attributes.TryGetValue(UnionIdAttribute, out var union) && UnionIdProblem(union) is null)
        {
            keys.Add(new AccountRef(UnionIdPlatform, union.Trim()));
        }

        if (signal.Attributes.TryGetValue(PhoneHashAttribute, out var hash) && hash.Length == 32 && hash.All(char.IsAsciiHexDigitLower))
        {
            keys.Add(new AccountRef(PhonePlatform, hash));
        }

        return keys;
    }

    public static string? UnionIdProblem(string? unionId) =>
        string.IsNullOrWhiteSpace(unionId) || unionId.Trim().Length > 128 || unionId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? "must be the WeChat unionid as the platform gives it: 1-128 characters without spaces"
            : null;

    /// <summary>
    /// The number in one form, so the same phone always hashes alike: a mainland mobile as its 11 digits (a +86, 0086 or
    /// 86 prefix, spaces, dashes and brackets dropped), any other as + and its 8-15 digits. Null with the problem otherwise.
    /// </summary>
    public static string? Normalise(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var plus = trimmed.StartsWith('+');
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        if (trimmed.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '+')) || trimmed.LastIndexOf('+') > 0)
        {
            problem = "must be a phone number of digits, optionally with + and spaces, dashes or brackets, for example 138 0013 8000 or +86 138 0013 8000";
            return null;
        }

        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            (digits, plus) = (digits[2..], true);
        }

        if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal) && (plus || !trimmed.StartsWith('0')))
        {
            digits = digits[2..];
            plus = false;
        }

        if (!plus && digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9')
        {
            problem = null;
            return digits;
        }

        if (plus && digits.Length is >= 8 and <= 15)
        {
            problem = null;
            return "+" + digits;
        }

        problem = "is not a mainland mobile number (11 digits starting 13-19) nor an international one written with + and 8-15 digits";
        return null;
    }

    /// <summary>HMAC-SHA256 of the normalised number under the tenant's salt, as 32 hex characters: the same phone, the same hash, in that tenant only.</summary>
    public static string HashPhone(string salt, string normalised)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(normalised);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(normalised)))[..32];
    }

    /// <summary>
    /// The text with every <c>"phone"</c> member's value replaced, for the copies kept of messages that could not be
    /// read (poison queues): a number that never reached the envelope's hashing must not be kept either.
    /// </summary>
    public static string RedactPhones(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PhoneMember().Replace(text, "\"phone\":\"(removed)\"");
    }

    [GeneratedRegex("""
        "phone"\s*:\s*("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*)
        """, RegexOptions.CultureInvariant)]
    private static partial Regex PhoneMember();
}
