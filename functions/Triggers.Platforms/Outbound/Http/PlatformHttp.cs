using System.Net.Http.Headers;
using System.Text;

namespace Triggers.Platforms.Outbound.Http;

/// <summary>
/// The senders' one way to make an HTTP call: a per-call timeout on the injected clock, the reply body read up to
/// a cap, Retry-After decoded, and transport failures turned into <see cref="SendOutcome.Retry"/> rather than thrown.
/// Only the caller's own cancellation escapes as an exception.
/// </summary>
internal sealed class PlatformHttp
{
    /// <summary>Platform replies are a few hundred bytes; an error page is cut here rather than buffered whole.</summary>
    public const int MaxReplyBytes = 64 * 1024;

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;

    public PlatformHttp(HttpClient client, TimeProvider time, TimeSpan timeout)
    {
        _client = client;
        Time = time;
        _timeout = timeout;
    }

    public TimeProvider Time { get; }

    /// <param name="what">Names the call in details, e.g. "WeChat message/custom/send"; never the URL, which may carry a token.</param>
    public async Task<HttpAttempt> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await ReadCappedAsync(response.Content, linked.Token);
            return new HttpAttempt(new PlatformReply((int)response.StatusCode, body, RetryAfter(response.Headers.RetryAfter)), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout (or HttpClient.Timeout) fired, not the caller: the platform may or may not have acted.
            return new HttpAttempt(null, SendResult.Retry($"{what} did not answer within {_timeout.TotalSeconds:0.###} s"));
        }
        catch (HttpRequestException exception)
        {
            return new HttpAttempt(null, SendResult.Retry($"{what} could not be reached: {exception.Message}"));
        }
        catch (IOException exception)
        {
            // The connection broke while the reply was being read.
            return new HttpAttempt(null, SendResult.Retry($"{what} broke off its reply: {exception.Message}"));
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - Time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxReplyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
