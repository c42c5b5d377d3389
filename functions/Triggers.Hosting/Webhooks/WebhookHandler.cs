using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Triggers.Azure.Storage;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Storage;
using Triggers.Platforms;

namespace Triggers.Hosting.Webhooks;

/// <summary>
/// The HTTP side of a platform webhook: size cap, raw bytes to the platform adapter (which verifies before
/// parsing), durable enqueue, then the platform's expected answer.
/// </summary>
public sealed partial class WebhookHandler(
    ChannelRegistry channels,
    PlatformRegistry platforms,
    SignalIngestor ingestor,
    PassiveReplies passiveReplies,
    StorageOutage outage,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest http, string channelName)
    {
        ArgumentNullException.ThrowIfNull(http);
        var channel = channels.Find(channelName);
        if (channel is null)
        {
            return Error(StatusCodes.Status404NotFound, channelName,
                $"Channel '{channelName}' is not configured: add Channels:{channelName}:Platform and its secrets to the app settings.");
        }

        if (HttpMethods.IsPost(http.Method) && !PlatformMediaTypes.Accepts(channel.Platform, http.ContentType))
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, channelName,
                $"Content-Type '{http.ContentType}' is not what {channel.Platform} sends; expected {string.Join(" or ", PlatformMediaTypes.For(channel.Platform))}.");
        }

        var body = await RequestBody.ReadAsync(http, options.Value.MaxBodyBytes, http.HttpContext.RequestAborted);
        if (body is null)
        {
            Log.TooLarge(logger, channelName, options.Value.MaxBodyBytes);
            return Error(StatusCodes.Status413PayloadTooLarge, channelName,
                $"The request body is larger than {options.Value.MaxBodyBytes} bytes (Webhooks:MaxBodyBytes).");
        }

        var request = new WebhookRequest(
            http.Method,
            http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.Value,
            time.GetUtcNow());
        var adapter = platforms.Find(channel.Platform)!;
        switch (adapter.Handle(request, channel))
        {
            case WebhookChallenge challenge:
                return Results.Text(challenge.Body, challenge.ContentType);
            case WebhookRejected rejected:
                Log.Rejected(logger, channelName, rejected.StatusCode, rejected.Error);
                return Error(rejected.StatusCode, channelName, rejected.Error);
            case WebhookAccepted accepted:
                return await AcceptAsync(http, channel, adapter as IPassiveReplyAdapter, request, accepted);
            default:
                throw new InvalidOperationException("Unknown webhook outcome.");
        }
    }

    private async Task<IResult> AcceptAsync(
        HttpRequest http, ChannelSettings channel, IPassiveReplyAdapter? passive, WebhookRequest request, WebhookAccepted accepted)
    {
        var aborted = http.HttpContext.RequestAborted;
        if (outage.Since is { } since)
        {
            // Known down: say so at once rather than hold the sender's connection for the whole budget.
            http.HttpContext.Response.Headers.RetryAfter = outage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(StatusCodes.Status503ServiceUnavailable, channel.Name,
                $"Storage has been unreachable since {since:O}; the signal was not accepted. Retry after {outage.RetryAfterSeconds} s.");
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        budget.CancelAfter(options.Value.IngestTimeout);
        WebhookReply? passiveReply = null;
        if (passive is not null && accepted.Signals.Count == 1)
        {
            // Decided (and recorded as sent) before the enqueue, so the worker finds the decision there. Within half the
            // budget, and never at the signal's expense: if deciding fails, the worker decides it from the queue.
            using var deciding = CancellationTokenSource.CreateLinkedTokenSource(budget.Token);
            deciding.CancelAfter(options.Value.IngestTimeout / 2);
            try
            {
                using var work = StorageTransactions.For(StorageWork.Processing);
                passiveReply = await passiveReplies.TryReplyAsync(passive, request, channel, accepted.Signals[0], deciding.Token);
            }
            catch (Exception ex) when (!aborted.IsCancellationRequested)
            {
                Log.PassiveFailed(logger, channel.Name, ex);
            }
        }

        try
        {
            await ingestor.IngestAsync(accepted.Signals, budget.Token);
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested)
        {
            // Not stored, so not acknowledged: the platform retries on a 5xx.
            Log.IngestFailed(logger, channel.Name, ex);
            outage.Report(ex);
            return Error(StatusCodes.Status503ServiceUnavailable, channel.Name,
                "The signal could not be stored right now; it was not accepted and the platform should retry.");
        }

        var reply = passiveReply ?? accepted.Reply;
        return Results.Text(reply.Body, reply.ContentType, statusCode: reply.StatusCode);
    }

    // No platform prescribes the body of a rejection, so it is an RFC 9457 problem that names the channel.
    private static IResult Error(int status, string channel, string error) =>
        Results.Problem(
            detail: error,
            statusCode: status,
            title: ReasonPhrases.GetReasonPhrase(status),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["channel"] = channel });

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Webhook on channel {Channel} rejected with {Status}: {Reason}")]
        public static partial void Rejected(ILogger logger, string channel, int status, string reason);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Webhook on channel {Channel} rejected: body over {MaxBytes} bytes")]
        public static partial void TooLarge(ILogger logger, string channel, int maxBytes);

        [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Webhook on channel {Channel}: deciding a passive reply failed; the platform gets its default answer and the worker decides the signal")]
        public static partial void PassiveFailed(ILogger logger, string channel, Exception exception);

        [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Webhook on channel {Channel} verified but could not be stored; answered 503 so the platform retries")]
        public static partial void IngestFailed(ILogger logger, string channel, Exception exception);
    }
}
