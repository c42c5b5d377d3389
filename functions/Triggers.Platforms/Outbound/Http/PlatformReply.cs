namespace Triggers.Platforms.Outbound.Http;

/// <summary>An HTTP answer as the senders judge it: status, the start of the body, and any Retry-After.</summary>
internal sealed record PlatformReply(int Status, string Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>408, 429 and 5xx say "not now"; anything else that is not 2xx will not change by retrying.</summary>
    public bool IsTransient => Status is 408 or 429 or >= 500;

    /// <summary>Null for 2xx; otherwise Retry or Permanent with the status and a short body excerpt.</summary>
    public SendResult? StatusFailure(string what)
    {
        if (IsSuccess)
        {
            return null;
        }

        var detail = $"{what} answered HTTP {Status}{Excerpt()}";
        return IsTransient ? SendResult.Retry(detail, RetryAfter) : SendResult.Permanent(detail);
    }

    /// <summary>": " and the body on one line, cut to a length that fits a status column; empty for no body.</summary>
    public string Excerpt(int max = 200)
    {
        var text = string.Join(' ', Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return string.Empty;
        }

        return ": " + (text.Length > max ? text[..max] + "…" : text);
    }
}
