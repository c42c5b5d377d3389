using Triggers.Core.Analysis.Embedded.Lexicon;

namespace Triggers.Core.Analysis.Embedded;

/// <summary>What the trained resource holds: character-feature weights (log-odds) and the AFINN entries.</summary>
public sealed class SentimentModel(FeatureWeights features, IReadOnlyList<LexiconEntry> afinn)
{
    public const string ResourceName = "Triggers.Core.Analysis.Embedded.sentiment-model.bin";

    public FeatureWeights Features { get; } = features;

    public IReadOnlyList<LexiconEntry> Afinn { get; } = afinn;

    /// <summary>The model shipped in this assembly.</summary>
    public static SentimentModel LoadEmbedded()
    {
        using var stream = typeof(SentimentModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing; run scripts/train-sentiment.sh");
        return ModelFormat.Read(stream);
    }
}
