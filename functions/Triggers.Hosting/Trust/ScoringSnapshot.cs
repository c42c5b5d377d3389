using Triggers.Core.Trust;
using Triggers.Hosting.ConfigTables;

namespace Triggers.Hosting.Trust;

/// <summary>One load of table <c>Scoring</c>, compiled.</summary>
public sealed record ScoringSnapshot(ScoringSet Scoring, DateTimeOffset LoadedAt) : IConfigTableSnapshot;
