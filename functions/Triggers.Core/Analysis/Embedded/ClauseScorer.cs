using Triggers.Core.Analysis.Embedded.Lexicon;

namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// Scores one normalised span in a single pass: the learned character model adds log-odds for every Chinese
/// character and bigram, and lexicon terms add their valence after the rules — a negator flips the next
/// sentiment term within <see cref="Window"/> tokens, modifiers scale it, a contrast word halves what came
/// before and lifts what follows, clause punctuation ends pending windows, and '!' amplifies the span.
/// </summary>
public sealed class ClauseScorer(SentimentModel model, LexiconTrie terms)
{
    /// <summary>How many tokens (Chinese characters, words, terms) a negator or modifier reaches.</summary>
    public const int Window = 4;

    /// <summary>Log-odds per AFINN point.</summary>
    public const double LexiconWeight = 0.5;

    /// <summary>
    /// Scale of the learned log-odds. Above 1 because the strongly regularised model is deliberately timid
    /// (trained on whole reviews, read here clause by clause); chosen on hand-labelled other-domain lines.
    /// </summary>
    public const double ModelWeight = 2.0;

    private const double BeforeContrast = 0.5;
    private const double AfterContrast = 1.5;

    public ClauseEvidence Score(ReadOnlySpan<char> s)
    {
        var features = model.Features;
        double lexicon = 0, learned = 0, weight = 1;
        var evidence = false;
        var leadingContrast = false;
        int negationLeft = 0, modifierLeft = 0, exclamations = 0, matchEnd = 0;
        var negated = false;
        double negationScale = 1, modifier = 1;
        var previous = '\0';

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (CharFeatures.IsChinese(c))
            {
                var w = features[CharFeatures.Unigram(c)];
                if (previous != '\0')
                {
                    w += features[CharFeatures.Bigram(previous, c)];
                }

                learned += weight * w;
                previous = c;
            }
            else
            {
                previous = '\0';
            }

            if (i < matchEnd)
            {
                continue;
            }

            var length = terms.Match(s, i, out var entry);
            if (length > 0)
            {
                matchEnd = i + length;
                switch (entry.Kind)
                {
                    case TermKind.Sentiment:
                        double value = entry.Value;
                        if (modifierLeft > 0)
                        {
                            value *= modifier;
                        }

                        if (negationLeft > 0 && negated)
                        {
                            value = -value * negationScale;
                        }

                        lexicon += weight * value;
                        evidence |= value != 0;
                        negationLeft = modifierLeft = 0;
                        break;
                    case TermKind.Negator:
                        negated = negationLeft <= 0 || !negated;
                        negationScale = negationLeft > 0 ? negationScale * entry.Value : entry.Value;
                        negationLeft = Window;
                        break;
                    case TermKind.Modifier:
                        modifier = Math.Clamp((modifierLeft > 0 ? modifier : 1) * entry.Value, 0.3, 3);
                        modifierLeft = Window;
                        break;
                    case TermKind.Contrast:
                        leadingContrast |= !evidence && lexicon == 0;
                        lexicon *= BeforeContrast;
                        learned *= BeforeContrast;
                        weight = AfterContrast;
                        negationLeft = modifierLeft = 0;
                        break;
                    default:
                        negationLeft--;
                        modifierLeft--;
                        break;
                }

                continue;
            }

            if (c is ',' or ';' or ':' or '、' or '，' or '；' or '：')
            {
                negationLeft = modifierLeft = 0;
            }
            else if (c == '!')
            {
                exclamations++;
            }
            else if (CharFeatures.IsChinese(c) || (LexiconTrie.IsWordChar(c) && (i == 0 || !LexiconTrie.IsWordChar(s[i - 1]))))
            {
                negationLeft--;
                modifierLeft--;
            }
        }

        var z = (LexiconWeight * lexicon) + (ModelWeight * learned);
        return new ClauseEvidence(z * (1 + (0.1 * Math.Min(exclamations, 3))), leadingContrast);
    }
}
