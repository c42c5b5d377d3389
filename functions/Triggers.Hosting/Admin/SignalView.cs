using Triggers.Core.Processing;

namespace Triggers.Hosting.Admin;

/// <summary>A processed signal as the admin API shows it (ARCHITECTURE.md contract).</summary>
public sealed record SignalView(
    string Id,
    string Channel,
    string Platform,
    string Tenant,
    string Kind,
    string? Type,
    ActorView Actor,
    string? Text,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ProcessedAt,
    SentimentView Sentiment,
    IReadOnlyList<string> Topics)
{
    public static SignalView From(ProcessedSignal processed)
    {
        ArgumentNullException.ThrowIfNull(processed);
        var (s, a) = (processed.Signal, processed.Analysis);
        return new SignalView(
            s.Id, s.Channel, s.Platform, s.Tenant, s.Kind, s.Type,
            new ActorView(s.Actor.Id, s.Actor.Name),
            s.Text, s.OccurredAt, s.ReceivedAt, processed.ProcessedAt,
            new SentimentView(a.Label, a.Scores.Positive, a.Scores.Neutral, a.Scores.Negative, a.Source),
            a.Topics);
    }
}

public sealed record ActorView(string Id, string? Name);

public sealed record SentimentView(string Label, double Positive, double Neutral, double Negative, string Source);
