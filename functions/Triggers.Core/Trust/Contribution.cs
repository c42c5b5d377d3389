using Triggers.Core.JsonLogic;

namespace Triggers.Core.Trust;

/// <summary>A row of table Scoring: signals matching <see cref="When"/> earn <see cref="Points"/> in <see cref="Component"/>.</summary>
public sealed record Contribution(string Tenant, string Id, string Component, JsonLogicExpression When, double Points, string? Description);

/// <summary>Why a row of table Scoring was left out: what is wrong, in which field, and how to fix it.</summary>
public sealed record ScoringProblem(string Tenant, string Row, string Problem);

/// <summary>A row of table Scoring as staff typed it: the compiler reads the properties leniently.</summary>
public sealed record ScoringDefinition(string Tenant, string Row, IReadOnlyDictionary<string, object?> Properties);

/// <summary>Where operations staff keep their scoring (table <c>Scoring</c>).</summary>
public interface IScoringSource
{
    Task<IReadOnlyList<ScoringDefinition>> LoadAsync(CancellationToken cancellationToken);
}
