using System.Text.Json.Nodes;

namespace Triggers.Core.Rules;

/// <summary>Reads a rule's Then: a JSON array of action objects. Reports every problem, not just the first.</summary>
internal static class ActionParser
{
    private const string Example = """{"type": "message", "text": "..."}""";

    public static IReadOnlyList<RuleAction> Parse(string? then, Func<string, bool>? isKnownChannel, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(then))
        {
            problems.Add($"Then is empty: list the actions as a JSON array, for example [{Example}]");
            return [];
        }

        if (!JsonText.TryParse(then, out var node, out var error))
        {
            problems.Add($"Then is not valid JSON {error}");
            return [];
        }

        if (node is not JsonArray array)
        {
            problems.Add($"Then must be a JSON array of actions, but it is {JsonText.KindOf(node)}: wrap the action(s) in [ ]");
            return [];
        }

        if (array.Count == 0)
        {
            problems.Add($"Then has no actions: add at least one, for example {Example}");
            return [];
        }

        var actions = new List<RuleAction>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var before = problems.Count;
            var action = ParseAction(array[i], $"Then[{i}]", isKnownChannel, problems);
            if (action is not null && problems.Count == before)
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    private static RuleAction? ParseAction(JsonNode? node, string where, Func<string, bool>? isKnownChannel, List<string> problems)
    {
        if (node is not JsonObject obj)
        {
            problems.Add($"{where} is {JsonText.KindOf(node)}, not an action: write each action as an object like {Example}");
            return null;
        }

        var allowed = string.Join(", ", ActionTypes.All);
        var type = ActionFields.ReadString(obj, "type", where, problems);
        if (type is null)
        {
            if (!obj.ContainsKey("type"))
            {
                problems.Add($"{where} has no \"type\": set it to one of {allowed}");
            }
        }
        else if (!ActionTypes.IsKnown(type))
        {
            problems.Add($"{where}.type \"{type}\" is not an action type: use one of {allowed}");
        }

        var channel = ActionFields.ReadString(obj, "channel", where, problems);
        if (string.IsNullOrWhiteSpace(channel))
        {
            channel = null;
        }
        else if (isKnownChannel is not null && !isKnownChannel(channel))
        {
            problems.Add(
                $"{where}.channel \"{channel}\" is not a configured channel: use the name of one configured under Channels, " +
                "or leave channel out to act on the channel the signal came from");
        }

        var beforeContent = problems.Count;
        var template = ActionFields.ReadString(obj, "template", where, problems);
        var text = ActionFields.ReadString(obj, "text", where, problems);
        var contentReadable = problems.Count == beforeContent;
        if (type == ActionTypes.Message && contentReadable && string.IsNullOrWhiteSpace(template) && string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{where} is a message with neither \"template\" nor \"text\": add one of them so there is something to send");
        }

        var delay = ActionFields.ReadDelay(obj, where, problems);
        var slack = ActionFields.ReadSlack(obj, where, problems);
        var passive = ReadReply(obj, type, delay, where, problems);
        var uses = ActionFields.ReadUses(obj, where, problems);
        var (amount, xp, reason) = ReadCoins(obj, type, where, problems);
        if (ReadPoints(obj, type, where, problems) is { } points)
        {
            amount = points;
        }

        var depth = ReadDepth(obj, type, where, problems);
        var value = ReadValue(obj, type, where, problems);

        return type is null ? null : new RuleAction(type, channel, template, text, delay, slack) { PassiveReply = passive, Uses = uses, Amount = amount, Xp = xp, Reason = reason, Depth = depth, Value = value };
    }

    /// <summary><c>amount</c>, <c>xp</c> and <c>reason</c>: what a <c>coins</c> action deposits (docs/relationships.md).</summary>
    private static (long? Amount, long? Xp, string? Reason) ReadCoins(JsonObject obj, string? type, string where, List<string> problems)
    {
        var reason = ActionFields.ReadString(obj, "reason", where, problems);
        if (reason is { Length: > 500 })
        {
            problems.Add($"{where}.reason is {reason.Length} characters; keep it to 500");
        }

        obj.TryGetPropertyValue("amount", out var amountValue);
        obj.TryGetPropertyValue("xp", out var xpValue);
        if (type != ActionTypes.Coins)
        {
            foreach (var (name, value) in (ReadOnlySpan<(string, JsonNode?)>)[("amount", amountValue), ("xp", xpValue)])
            {
                if (value is not null)
                {
                    problems.Add($"{where}.{name} is only for a coins action: remove it, or set \"type\": \"coins\"");
                }
            }

            return (null, null, reason);
        }

        if (amountValue is null && xpValue is null)
        {
            problems.Add($"{where} is a coins action without \"amount\" or \"xp\": set the knowledge coins to deposit (\"amount\": 100), the experience to add (\"xp\": 20), or both");
            return (null, null, reason);
        }

        return (Whole(amountValue, "amount", "coins"), Whole(xpValue, "xp", "experience points"), reason);

        long? Whole(JsonNode? value, string name, string unit)
        {
            if (value is null)
            {
                return null;
            }

            if (value.GetValueKind() != System.Text.Json.JsonValueKind.Number || !value.AsValue().TryGetValue(out long whole) || whole is < 1 or > Coins.CoinOperation.MaxAmount)
            {
                problems.Add($"{where}.{name} must be a whole number of {unit} from 1 to {Coins.CoinOperation.MaxAmount}, but it is {value.ToJsonString()}");
                return null;
            }

            return whole;
        }
    }

    /// <summary><c>points</c>: the community contribution points a <c>contribute</c> action records (kept as the touchpoint's amount).</summary>
    private static long? ReadPoints(JsonObject obj, string? type, string where, List<string> problems)
    {
        obj.TryGetPropertyValue("points", out var value);
        if (type != ActionTypes.Contribute)
        {
            if (value is not null)
            {
                problems.Add($"{where}.points is only for a contribute action: remove it, or set \"type\": \"contribute\"");
            }

            return null;
        }

        var limit = (long)Trust.ScoringSet.MaxPoints;
        if (value is null || value.GetValueKind() != System.Text.Json.JsonValueKind.Number || !value.AsValue().TryGetValue(out long points) || points == 0 || Math.Abs(points) > limit)
        {
            problems.Add($"{where}.points must be a whole number of community points from -{limit} to {limit}, not 0, but it is {value?.ToJsonString() ?? "missing"}: for example {{\"type\": \"contribute\", \"points\": 5, \"reason\": \"帮助新人\"}}");
            return null;
        }

        return points;
    }

    /// <summary><c>depth</c>: a coupon's discount, compared with other platforms' promotions (docs/portfolio.md).</summary>
    private static double? ReadDepth(JsonObject obj, string? type, string where, List<string> problems)
    {
        if (!obj.TryGetPropertyValue("depth", out var value) || value is null)
        {
            return null;
        }

        if (type != ActionTypes.Coupon)
        {
            problems.Add($"{where}.depth is only for a coupon action: remove it, or set \"type\": \"coupon\"");
            return null;
        }

        if (value.GetValueKind() != System.Text.Json.JsonValueKind.Number || value.GetValue<double>() is <= 0 or >= 1)
        {
            problems.Add($"{where}.depth must be the discount as a number above 0 and below 1 (0.2 is 20 % off), but it is {value.ToJsonString()}");
            return null;
        }

        return value.GetValue<double>();
    }

    /// <summary><c>value</c>: a coupon's face value in yuan, which the control lines count in the touch's cost (docs/portfolio.md).</summary>
    private static decimal? ReadValue(JsonObject obj, string? type, string where, List<string> problems)
    {
        if (!obj.TryGetPropertyValue("value", out var value) || value is null)
        {
            return null;
        }

        if (type != ActionTypes.Coupon)
        {
            problems.Add($"{where}.value is only for a coupon action: remove it, or set \"type\": \"coupon\"");
            return null;
        }

        if (value.GetValueKind() != System.Text.Json.JsonValueKind.Number || !value.AsValue().TryGetValue(out decimal yuan) || yuan <= 0 || yuan > 100_000 || decimal.Round(yuan, 2) != yuan)
        {
            problems.Add($"{where}.value must be the coupon's face value in yuan, above 0 and at most 100000, to the fen (20 or 19.9), but it is {value.ToJsonString()}");
            return null;
        }

        return yuan;
    }

    private static bool ReadReply(JsonObject obj, string? type, TimeSpan delay, string where, List<string> problems)
    {
        var reply = ActionFields.ReadString(obj, "reply", where, problems);
        if (reply is null)
        {
            return false;
        }

        if (reply != "passive")
        {
            problems.Add($"{where}.reply \"{reply}\" is not a reply mode: the only one is \"passive\" (answer inside the webhook response), or leave reply out");
            return false;
        }

        if (type != ActionTypes.Message || delay != TimeSpan.Zero)
        {
            problems.Add($"{where}.reply \"passive\" answers inside the webhook response, so it needs \"type\": \"message\" and no delay");
            return false;
        }

        return true;
    }
}
