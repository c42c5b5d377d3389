using System.Text;

namespace Triggers.Platforms;

/// <summary>Turns a raw body into text without silently replacing bad bytes.</summary>
public static class PayloadText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8, dropping a leading byte-order mark.</summary>
    /// <exception cref="PayloadFormatException">The bytes are not UTF-8.</exception>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string what = "body")
    {
        var offset = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes[offset..]);
        }
        catch (DecoderFallbackException ex)
        {
            throw new PayloadFormatException($"{what} is not valid UTF-8 (bad byte near offset {offset + Math.Max(ex.Index, 0)})", ex);
        }
    }
}
