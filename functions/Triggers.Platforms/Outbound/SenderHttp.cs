using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Triggers.Platforms.Outbound.Http;

namespace Triggers.Platforms.Outbound;

/// <summary>
/// The HTTP client every sender calls platforms with, from <see cref="IHttpClientFactory"/>, with the standard resilience
/// handler: a timeout per attempt (<c>Senders:Timeout</c>), jittered exponential retries that honour Retry-After for safe
/// calls only (token fetches are GETs), and a circuit breaker per platform host, so one platform failing does not hold
/// up the others. Sends are POSTs and are not retried here: WeChat and WeCom take no idempotency key, so a blind retry
/// could deliver twice; the dispatcher retries the touchpoint instead, with its own back-off and the platform's Retry-After.
/// </summary>
public static class SenderHttp
{
    public const string ClientName = "triggers-senders";

    /// <summary>Marks a request that may be sent twice with no harm (a token fetch without force_refresh), so it is retried.</summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRepeat = new("triggers.safe-to-repeat");

    /// <summary>How long calls to a host pause once its breaker opens: the earliest a touchpoint is worth trying again.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    /// <summary>Registers the client; <see cref="OutboundEndpoints"/> must be registered too (its Timeout is read here).</summary>
    public static IServiceCollection AddSenderHttp(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((options, provider) => Configure(options, provider.GetRequiredService<OutboundEndpoints>().Timeout))
            .SelectPipelineByAuthority();
        return services;
    }

    /// <summary>The longest one send can take: a token fetch with its retries, then the send's single attempt.</summary>
    public static TimeSpan LongestSend(TimeSpan timeout) => TotalTimeout(timeout) + timeout;

    private static TimeSpan TotalTimeout(TimeSpan timeout) => (3 * timeout) + (2 * timeout) + TimeSpan.FromSeconds(1);

    // The reply's own Date is "now" here (the handler has no clock of ours); without one a dated Retry-After counts as due.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response is null ? null : PlatformHttp.RetryAfter(response.Headers.RetryAfter, response.Headers.Date ?? response.Headers.RetryAfter?.Date ?? default);

    private static bool IsSafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
        || (request.Options.TryGetValue(SafeToRepeat, out var marked) && marked);

    private static void Configure(HttpStandardResilienceOptions options, TimeSpan timeout)
    {
        options.AttemptTimeout.Timeout = timeout;
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = timeout;
        // A Retry-After longer than an attempt goes back to the dispatcher, which waits it out without holding a call open.
        var transient = options.Retry.ShouldHandle;
        options.Retry.ShouldHandle = async args =>
            args.Context.GetRequestMessage() is { } request && IsSafeToRepeat(request)
            && !(RetryAfter(args.Outcome.Result) > timeout) && await transient(args);

        // Room for every attempt and the waits between them; the caller's own cancellation still ends it sooner.
        options.TotalRequestTimeout.Timeout = TotalTimeout(timeout);
        options.CircuitBreaker.SamplingDuration = 2 * timeout > TimeSpan.FromSeconds(30) ? 2 * timeout : TimeSpan.FromSeconds(30);
        options.CircuitBreaker.MinimumThroughput = 10;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.BreakDuration = BreakDuration;
    }
}
