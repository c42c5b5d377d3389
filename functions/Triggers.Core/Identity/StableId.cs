using System.Security.Cryptography;
using System.Text;

namespace Triggers.Core.Identity;

/// <summary>
/// Ids derived from what identifies a thing, so the same event or effect always gets the same id and
/// redeliveries collapse into one record.
/// </summary>
public static class StableId
{
    /// <summary>The first 16 bytes of SHA-256 over the parts joined by newlines, as 32 lower-case hex characters (safe as a RowKey and in URLs).</summary>
    public static string From(params ReadOnlySpan<string> parts)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', parts));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
