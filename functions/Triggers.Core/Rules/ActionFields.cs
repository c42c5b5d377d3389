using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.Core.Guardrails;

namespace Triggers.Core.Rules;

/// <summary>Reads one field of an action object, reporting a value of the wrong kind or out of range and using the default instead.</summary>
internal static class ActionFields
{
    public static string? ReadString(JsonObject obj, string name, string where, List<string> problems)
    {
        if (!obj.TryGetPropertyValue(name, out var value) || value is null)
        {
            return null;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{where}.{name} must be a string, but it is {JsonText.KindOf(value)}");
            return null;
        }

        return value.GetValue<string>();
    }

    public static TimeSpan ReadDelay(JsonObject obj, string where, List<string> problems)
    {
        if (!obj.TryGetPropertyValue("delay", out var value) || value is null)
        {
            return TimeSpan.Zero;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{where}.delay must be an ISO-8601 duration string such as \"PT10M\", but it is {JsonText.KindOf(value)}");
            return TimeSpan.Zero;
        }

        var text = value.GetValue<string>();
        if (!IsoDuration.TryParse(text, out var delay))
        {
            problems.Add($"{where}.delay \"{text}\" is not an ISO-8601 duration: write it like {IsoDuration.Examples}");
            return TimeSpan.Zero;
        }

        if (delay < TimeSpan.Zero)
        {
            problems.Add($"{where}.delay \"{text}\" is negative: a delay counts forward from the signal, so use a positive duration or leave it out");
            return TimeSpan.Zero;
        }

        return delay;
    }

    public static double ReadSlack(JsonObject obj, string where, List<string> problems)
    {
        if (!obj.TryGetPropertyValue("slack", out var value) || value is null)
        {
            return RuleAction.DefaultSlack;
        }

        if (value.GetValueKind() != JsonValueKind.Number)
        {
            problems.Add($"{where}.slack must be a number from 0 to 1 (a fraction of the delay), but it is {JsonText.KindOf(value)}");
            return RuleAction.DefaultSlack;
        }

        var slack = value.GetValue<double>();
        if (slack is < 0 or > 1)
        {
            problems.Add(
                $"{where}.slack {value.ToJsonString()} is outside 0..1: it is a fraction of the delay, for example 0.1 lets the action run up to 10% of the delay later");
            return RuleAction.DefaultSlack;
        }

        return slack;
    }

    public static IReadOnlyList<string> ReadUses(JsonObject obj, string where, List<string> problems)
    {
        if (!obj.TryGetPropertyValue("uses", out var value) || value is null)
        {
            return [];
        }

        var known = string.Join(", ", ActionUses.All);
        if (value is not JsonArray array)
        {
            problems.Add($"{where}.uses must be an array of strings such as [\"{ActionUses.OutboundCall}\"], but it is {JsonText.KindOf(value)}");
            return [];
        }

        var uses = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            if (item is null || item.GetValueKind() != JsonValueKind.String)
            {
                problems.Add($"{where}.uses[{i}] must be a string, but it is {JsonText.KindOf(item)}");
                continue;
            }

            var use = item.GetValue<string>();
            if (!ActionUses.IsKnown(use))
            {
                problems.Add($"{where}.uses[{i}] \"{use}\" is not a known use: use one of {known}, or leave uses out");
            }
            else if (!uses.Contains(use, StringComparer.Ordinal))
            {
                uses.Add(use);
            }
        }

        return uses;
    }
}
