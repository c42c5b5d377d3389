using System.Net.Http.Headers;
using System.Text;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Triggers.Platforms.Outbound.Http;

/// <summary>
/// The senders' one way to make an HTTP call: through the <see cref="SenderHttp"/> client (timeouts, retries of safe
/// calls, a circuit breaker per host), the reply body read up to a cap, Retry-After decoded, and transport failures,
/// timeouts and an open circuit turned into <see cref="SendOutcome.Retry"/> rather than thrown. Only the caller's own
/// cancellation escapes as an exception.
/// </summary>
internal sealed class PlatformHttp
{
    /// <summary>Platform replies are a few hundred bytes; an error page is cut here rather than buffered whole.</summary>
    public const int MaxReplyBytes = 64 * 1024;

    private readonly IHttpClientFactory _clients;
    private readonly TimeSpan _timeout;

    public PlatformHttp(IHttpClientFactory clients, TimeProvider time, TimeSpan timeout)
    {
        _clients = clients;
        Time = time;
        _timeout = timeout;
    }

    public TimeProvider Time { get; }

    /// <param name="what">Names the call in details, e.g. "WeChat message/custom/send"; never the URL, which may carry a token.</param>
    public async Task<HttpAttempt> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        // Created per call, as the factory intends: it rotates the handlers underneath (DNS changes).
        var client = _clients.CreateClient(SenderHttp.ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

            // The reply is read within the same per-attempt budget the headers had.
            using var timeout = new CancellationTokenSource(_timeout, Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var body = await ReadCappedAsync(response.Content, linked.Token);
            return new HttpAttempt(new PlatformReply((int)response.StatusCode, body, RetryAfter(response.Headers.RetryAfter, Time.GetUtcNow())), null);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A timeout fired, not the caller: the platform may or may not have acted.
            return new HttpAttempt(null, SendResult.Retry($"{what} did not answer within {_timeout.TotalSeconds:0.###} s"));
        }
        catch (BrokenCircuitException ex)
        {
            // Too many recent failures on this host: calls pause until the breaker lets one through again.
            return new HttpAttempt(null, SendResult.Retry($"{what} failed too often recently; calls to it are paused ({ex.Message})", SenderHttp.BreakDuration));
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

    /// <summary>How long a Retry-After header asks to wait from <paramref name="now"/> (never negative), or null without one.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
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
