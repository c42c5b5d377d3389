namespace Triggers.Core.Guardrails;

/// <summary>A use (see <see cref="ActionUses"/>) a platform forbids, with where that comes from (<see cref="PolicyBasis"/>).</summary>
public sealed record PlatformBan(string Use, string Basis, string Note);
