using System.Text.Json;

namespace Triggers.Platforms.Douyin;

/// <summary>
/// A verified Douyin push: the envelope fields and its <c>content</c>, already parsed a second time when
/// Douyin sent it as a JSON string.
/// </summary>
/// <param name="Text">The body exactly as verified.</param>
/// <param name="Content">The content object, or null when the event carries none.</param>
public sealed record DouyinPayload(
    string Text,
    string Event,
    string? ClientKey,
    string? FromUserId,
    string? ToUserId,
    string? LogId,
    JsonElement? Content)
{
    public const string VerifyWebhook = "verify_webhook";

    public bool IsUrlVerification => string.Equals(Event, VerifyWebhook, StringComparison.Ordinal);
}
