using Triggers.Core.JsonLogic;

namespace Triggers.Core.Trust;

/// <summary>
/// A row of table Scoring: signals matching <see cref="When"/> earn <see cref="Points"/> in <see cref="Component"/>, or,
/// with <see cref="Per"/> (a number in the signal such as <c>signal.attributes.amount</c>), Points for each unit of it.
/// </summary>
public sealed record Contribution(string Tenant, string Id, string Component, JsonLogicExpression When, double Points, string? Description)
{
    /// <summary>The path of the number the points are multiplied by, compiled; null: the points as they are.</summary>
    public JsonLogicExpression? Per { get; init; }

    /// <summary>What a matching signal earns: Points, or Points × the number at Per (0 when it is not a number), within ±MaxPoints.</summary>
    public double Earned(JsonLogicData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Per is null)
        {
            return Points;
        }

        var value = data.Evaluate(Per) is System.Text.Json.Nodes.JsonValue v && (v.TryGetValue(out double d) || (v.TryGetValue(out string? s) && double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out d)))
            && double.IsFinite(d) ? d : 0;
        return Math.Clamp(Points * value, -ScoringSet.MaxPoints, ScoringSet.MaxPoints);
    }
}

/// <summary>Why a row of table Scoring was left out: what is wrong, in which field, and how to fix it.</summary>
public sealed record ScoringProblem(string Tenant, string Row, string Problem);

