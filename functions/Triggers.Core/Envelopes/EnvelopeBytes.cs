using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Triggers.Core.Envelopes;

/// <summary>What is wrong with a body that is not even readable JSON text.</summary>
internal static class EnvelopeBytes
{
    /// <summary>The offset of the first byte that is not UTF-8, or null when all of it is.</summary>
    public static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? null : read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>"body is not valid JSON at line 1, byte 7: …" without the reader's own path and position suffixes.</summary>
    public static string Describe(JsonException ex)
    {
        var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
        return string.Create(CultureInfo.InvariantCulture, $"body is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {reason}");
    }
}
