namespace Triggers.Core.Handoffs;

/// <summary>Suggests the first reply for the person picking a hand-off up; swap in a model-backed one without touching the builder.</summary>
public interface IReplySuggester
{
    /// <returns>A reply the person can send or edit, or null for none.</returns>
    string? Suggest(ReplySituation situation);
}
