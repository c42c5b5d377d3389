using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.Core.Analysis;
using Triggers.Core.Processing;
using Triggers.Core.Signals;

namespace Triggers.Cli.Rules;

/// <summary>
/// Reads recorded signals from JSON lines in the admin API's signal shape (id, channel, platform, tenant, kind,
/// type, actor {id, name}, text, occurredAt, receivedAt, processedAt, sentiment {label, positive, neutral,
/// negative, source}, topics). A line that cannot be read is reported with its number and skipped.
/// </summary>
public static class SimulateSignalReader
{
    public static SimulateSignals Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var signals = new List<ProcessedSignal>();
        var problems = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                signals.Add(Read(JsonNode.Parse(lines[i]) as JsonObject ?? throw new FormatException("not a JSON object")));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                problems.Add($"line {i + 1}: {ex.Message}; skipped");
            }
        }

        return new SimulateSignals(signals, problems);
    }

    private static ProcessedSignal Read(JsonObject line)
    {
        var id = Required(line, "id");
        var occurredAt = Time(line, "occurredAt") ?? throw new FormatException("occurredAt is missing");
        var actor = line["actor"] as JsonObject ?? throw new FormatException("actor {id, name} is missing");
        var signal = new Signal
        {
            Id = id,
            Channel = Required(line, "channel"),
            Platform = Optional(line, "platform") ?? "unknown",
            Tenant = Optional(line, "tenant") ?? "default",
            Kind = Required(line, "kind"),
            Type = Optional(line, "type"),
            Actor = new SignalActor(Required(actor, "id", "actor.id"), Optional(actor, "name")),
            Text = Optional(line, "text"),
            OccurredAt = occurredAt,
            ReceivedAt = Time(line, "receivedAt") ?? occurredAt,
            DedupeKey = id,
        };
        return new ProcessedSignal(signal, Analysis(line), Time(line, "processedAt") ?? occurredAt);
    }

    private static TextAnalysis Analysis(JsonObject line)
    {
        var topics = (line["topics"] as JsonArray ?? []).Select(t => t?.GetValue<string>() ?? string.Empty).Where(t => t.Length > 0).ToList();
        if (line["sentiment"] is not JsonObject s)
        {
            return TextAnalysis.Neutral("recorded") with { Topics = topics };
        }

        var scores = new SentimentScores(Number(s, "positive"), Number(s, "neutral"), Number(s, "negative"));
        return new TextAnalysis(Optional(s, "label") ?? "neutral", scores, topics, Optional(s, "source") ?? "recorded");
    }

    private static string Required(JsonObject obj, string name, string? path = null) =>
        Optional(obj, name) is { Length: > 0 } value ? value : throw new FormatException($"{path ?? name} is missing");

    private static string? Optional(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw new FormatException($"{name} is {other.ToJsonString()}, not a string"),
    };

    private static double Number(JsonObject obj, string name) => obj[name] switch
    {
        null => 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        var other => throw new FormatException($"sentiment.{name} is {other.ToJsonString()}, not a number"),
    };

    private static DateTimeOffset? Time(JsonObject obj, string name) =>
        Optional(obj, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value
        : throw new FormatException($"{name} \"{text}\" is not an ISO-8601 time");
}

/// <summary>Signals read from a file, and the lines that were skipped.</summary>
public sealed record SimulateSignals(IReadOnlyList<ProcessedSignal> Signals, IReadOnlyList<string> Problems);
