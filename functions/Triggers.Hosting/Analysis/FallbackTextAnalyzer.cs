using Azure;
using Triggers.Azure.Language;
using Triggers.Core.Analysis;

namespace Triggers.Hosting.Analysis;

/// <summary>
/// Asks Azure AI Language first; when it fails after its retries, times out or refuses the text, the embedded
/// analyser answers and the result's Source says so. After an outage (not a refused text) Azure is left alone for
/// a cool-down, so a dead service does not cost every signal a full timeout.
/// </summary>
public sealed partial class FallbackTextAnalyzer(
    ITextAnalyzer primary,
    ITextAnalyzer fallback,
    TimeSpan timeout,
    TimeSpan outageCooldown,
    TimeProvider time,
    ILogger<FallbackTextAnalyzer> logger) : ITextAnalyzer
{
    private const string PrimaryName = "azure-language";
    private long _skipUntilTicks;
    private string _outage = string.Empty;

    public async ValueTask<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _skipUntilTicks))
        {
            return await FallBackAsync(text, language, $"{PrimaryName} unavailable: {Volatile.Read(ref _outage)}", cancellationToken);
        }

        string reason;
        using (var deadline = new CancellationTokenSource(timeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token))
        {
            try
            {
                return await primary.AnalyzeAsync(text, language, linked.Token);
            }
            catch (LanguageDocumentException ex)
            {
                // Only this text is refused; the service is fine, so no cool-down.
                var error = ex.Error;
                var refused = $"{PrimaryName} refused the text: {error?.Code}/{error?.InnerCode ?? "-"}";
                Log.Refused(logger, refused, ex.Message);
                return await FallBackAsync(text, language, refused, cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                reason = $"no answer within {timeout}";
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is RequestFailedException or AggregateException or HttpRequestException or IOException or InvalidOperationException)
            {
                reason = Describe(ex);
            }
        }

        Volatile.Write(ref _outage, reason);
        Interlocked.Exchange(ref _skipUntilTicks, (time.GetUtcNow() + outageCooldown).UtcTicks);
        Log.Unavailable(logger, reason, outageCooldown);
        return await FallBackAsync(text, language, $"{PrimaryName} unavailable: {reason}", cancellationToken);
    }

    private async Task<TextAnalysis> FallBackAsync(string text, string? language, string why, CancellationToken cancellationToken)
    {
        var analysis = await fallback.AnalyzeAsync(text, language, cancellationToken);
        return analysis with { Source = $"{analysis.Source} (fallback: {why})" };
    }

    private static string Describe(Exception ex)
    {
        switch (ex)
        {
            case LanguageRequestFailedException { Status: > 0 } failed:
                var codes = failed.InnerErrorCode is null ? failed.ErrorCode : $"{failed.ErrorCode}/{failed.InnerErrorCode}";
                return $"HTTP {failed.Status} {codes}".TrimEnd();
            case AggregateException { InnerExceptions.Count: > 0 } aggregate:
                // Azure.Core's retry policy wraps the last failures; the first says what went wrong.
                return Describe(aggregate.InnerExceptions[0]);
        }

        var message = ex.Message;
        var newline = message.IndexOfAny(['\r', '\n']);
        message = newline < 0 ? message : message[..newline];
        return message.Length <= 160 ? message : message[..160] + "…";
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "Azure AI Language is unavailable ({Reason}); the embedded analyser answers for the next {Cooldown}")]
        public static partial void Unavailable(ILogger logger, string reason, TimeSpan cooldown);

        [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Azure AI Language refused a text ({Reason}); the embedded analyser answered: {Detail}")]
        public static partial void Refused(ILogger logger, string reason, string detail);
    }
}
