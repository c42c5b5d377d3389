using System.Globalization;

namespace Triggers.Platforms.Generic;

/// <summary>What the generic webhook answers once the signals are stored.</summary>
public static class GenericReplies
{
    public const string JsonContentType = "application/json";

    /// <summary><c>{"accepted": n}</c>: the number of signals in the request, redeliveries included.</summary>
    public static WebhookReply Accepted(int count) =>
        new(200, string.Create(CultureInfo.InvariantCulture, $$"""{"accepted":{{count}}}"""), JsonContentType);
}
