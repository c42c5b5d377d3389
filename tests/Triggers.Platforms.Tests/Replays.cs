using Triggers.Core.Signals;

namespace Triggers.Platforms.Tests;

/// <summary>One way of replaying an authentic request with its signed parts left alone.</summary>
/// <param name="RefusedWith">Null when the replay is accepted (and must then yield the original signals), else the status it is refused with.</param>
/// <param name="EitherWay">
/// For requests outside the adapter contract (a case-sensitive header dictionary, which the app never builds): refused
/// with any status, or accepted as the original signals; both store nothing new.
/// </param>
internal sealed record Replay(string Name, Func<WebhookRequest, WebhookRequest> Apply, int? RefusedWith = null, bool EitherWay = false);

/// <summary>A platform's replays by name, so a theory can list them as readable cases.</summary>
internal sealed class ReplaySet
{
    private readonly Dictionary<string, Replay> replays = new(StringComparer.Ordinal);

    public ReplaySet(IEnumerable<Replay> all)
    {
        foreach (var replay in all)
        {
            replays.Add(replay.Name, replay);
        }
    }

    public Replay this[string name] => replays[name];

    public TheoryData<string> Names => new(replays.Keys);
}

/// <summary>
/// Issue 12 item 5: a replay of an authentic request with unsigned parts (headers, query parameters the signature
/// does not cover) changed, removed or added stores nothing new. At adapter level that means the replay is refused,
/// or it yields exactly the original's signals: same Id and DedupeKey, and nothing else taken from the unsigned parts.
/// </summary>
internal static class Replays
{
    /// <summary>The signals of the authentic request, which must be accepted with at least one.</summary>
    public static IReadOnlyList<Signal> Original(WebhookOutcome outcome)
    {
        if (outcome is WebhookRejected rejected)
        {
            throw new Xunit.Sdk.XunitException($"the authentic request was refused: {rejected.StatusCode}: {rejected.Error}");
        }

        var signals = Assert.IsType<WebhookAccepted>(outcome).Signals;
        Assert.NotEmpty(signals);
        return signals;
    }

    /// <summary>Checks the replay's outcome against what <paramref name="replay"/> expects.</summary>
    /// <param name="informational">Attributes that may differ because they record an unsigned header (Douyin's msgId).</param>
    public static void Check(Replay replay, IReadOnlyList<Signal> original, WebhookOutcome outcome, params string[] informational)
    {
        if (replay.EitherWay && outcome is WebhookRejected)
        {
            return;
        }

        if (replay.RefusedWith is { } status)
        {
            var rejected = Assert.IsType<WebhookRejected>(outcome);
            Assert.Equal(status, rejected.StatusCode);
            return;
        }

        SameSignals(original, outcome, informational);
    }

    /// <summary>Accepted, with the original's signals in the same order and nothing in them changed but the receive time.</summary>
    public static void SameSignals(IReadOnlyList<Signal> original, WebhookOutcome outcome, params string[] informational)
    {
        if (outcome is WebhookRejected rejected)
        {
            throw new Xunit.Sdk.XunitException($"expected the replay to be accepted as the same signals, got {rejected.StatusCode}: {rejected.Error}");
        }

        var replayed = Assert.IsType<WebhookAccepted>(outcome).Signals;
        Assert.Equal(original.Select(s => (s.Id, s.DedupeKey)), replayed.Select(s => (s.Id, s.DedupeKey)));
        foreach (var (expected, actual) in original.Zip(replayed))
        {
            Assert.Equal(expected.Actor, actual.Actor);
            Assert.Equal(expected.Text, actual.Text);
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.Type, actual.Type);
            Assert.Equal(expected.OccurredAt, actual.OccurredAt);
            Assert.Equal(expected.Raw, actual.Raw);
            Assert.Equal(Without(expected.Attributes, informational), Without(actual.Attributes, informational));
        }
    }

    /// <summary>
    /// Header changes no adapter may care about: ordinary headers changed, removed or added, and the header names in
    /// another case (the app hands headers over in a case-insensitive dictionary). <paramref name="contentType"/> is the
    /// authentic request's media type; the replays keep one the app's content check lets through.
    /// </summary>
    public static IEnumerable<Replay> OrdinaryHeaders(string contentType) =>
    [
        new("with User-Agent changed", r => r.WithHeader("User-Agent", "curl/8.5.0")),
        new("with User-Agent removed", r => r.WithoutHeader("User-Agent")),
        new("with Content-Type given a charset", r => r.WithHeader("Content-Type", contentType + "; charset=UTF-8")),
        new("with Content-Type removed", r => r.WithoutHeader("Content-Type")),
        new("with an X-Request-Id added", r => r.WithHeader("X-Request-Id", "replay-0001")),
        new("with a Msg-Id header added", r => r.WithHeader("Msg-Id", "replay-msg-id")),
        new("with forwarding headers added", r => r.WithHeader("X-Forwarded-For", "203.0.113.9").WithHeader("Forwarded", "for=203.0.113.9")),
        new("with every header name in upper case", r => r.WithHeaderNames(name => name.ToUpperInvariant())),
        new("with every header name in lower case", r => r.WithHeaderNames(name => name.ToLowerInvariant())),
        new("with header names in lower case, case-sensitively", r => r.WithHeaderNames(name => name.ToLowerInvariant(), StringComparer.Ordinal), EitherWay: true),
        new("with header names in upper case, case-sensitively", r => r.WithHeaderNames(name => name.ToUpperInvariant(), StringComparer.Ordinal), EitherWay: true),
    ];

    /// <summary>Query parameters nobody signs, added: an unknown one, and each of <paramref name="names"/> (with the value 0).</summary>
    public static IEnumerable<Replay> ExtraQuery(params string[] names) =>
    [
        new("with an unknown query parameter added", r => r.WithQuery("utm_source", "replay")),
        .. names.Select(name => new Replay($"with a query parameter {name} added", r => r.WithQuery(name, "0"))),
    ];

    public static WebhookRequest WithHeader(this WebhookRequest request, string name, string value)
    {
        var headers = CopyHeaders(request);
        headers.Remove(name);
        headers[name] = value;
        return request with { Headers = headers };
    }

    public static WebhookRequest WithoutHeader(this WebhookRequest request, string name)
    {
        var headers = CopyHeaders(request);
        Assert.True(headers.Remove(name), $"the authentic request has no {name} header to remove");
        return request with { Headers = headers };
    }

    /// <param name="comparer">How the new dictionary matches names; the app's is case-insensitive.</param>
    public static WebhookRequest WithHeaderNames(this WebhookRequest request, Func<string, string> rename, StringComparer? comparer = null)
    {
        var headers = new Dictionary<string, string>(comparer ?? StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers.Add(rename(name), value);
        }

        return request with { Headers = headers };
    }

    public static WebhookRequest WithQuery(this WebhookRequest request, string name, string value)
    {
        var query = new Dictionary<string, string>(request.Query, StringComparer.Ordinal) { [name] = value };
        return request with { Query = query };
    }

    public static WebhookRequest WithoutQuery(this WebhookRequest request, string name)
    {
        var query = new Dictionary<string, string>(request.Query, StringComparer.Ordinal);
        Assert.True(query.Remove(name), $"the authentic request has no {name} query parameter to remove");
        return request with { Query = query };
    }

    public static WebhookRequest WithBody(this WebhookRequest request, string body) =>
        request with { Body = System.Text.Encoding.UTF8.GetBytes(body) };

    /// <summary>The body with one byte changed (the last one flipped in its lowest bit): a signed part altered.</summary>
    public static WebhookRequest WithOneBodyByteChanged(this WebhookRequest request, int index = -1)
    {
        var body = request.Body.ToArray();
        var at = index < 0 ? body.Length + index : index;
        body[at] ^= 1;
        return request with { Body = body };
    }

    /// <summary>The same request arriving at another time (a replay later on, inside or outside a replay window).</summary>
    public static WebhookRequest At(this WebhookRequest request, DateTimeOffset receivedAt) => request with { ReceivedAt = receivedAt };

    private static Dictionary<string, string> CopyHeaders(WebhookRequest request) =>
        new(request.Headers, StringComparer.OrdinalIgnoreCase);

    private static SortedDictionary<string, string> Without(IReadOnlyDictionary<string, string> attributes, string[] names) =>
        new(attributes.Where(a => !names.Contains(a.Key, StringComparer.Ordinal)).ToDictionary(), StringComparer.Ordinal);
}
