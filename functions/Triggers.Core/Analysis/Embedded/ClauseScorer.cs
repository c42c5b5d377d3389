using Triggers.Core.Analysis.Embedded.Lexicon;
using Triggers.Core.Analysis.Embedded.Segmentation;

namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// Scores one normalised span in a single pass: the learned model adds log-odds for every Chinese character and
/// bigram, every word on the segmenter's path (<see cref="WordFeatures"/>) and, in text without Chinese, every English
/// word and pair (<see cref="EnglishFeatures"/>); lexicon terms add their valence after the rules — a negator flips the next
/// sentiment term within <see cref="Window"/> tokens, modifiers scale it, a contrast word halves what came
/// before and lifts what follows, clause punctuation ends pending windows, and '!' amplifies the span.
/// A post-modifier (极了, 透顶) scales the term just before it, 好 before another sentiment word means "very",
/// and a question without any sentiment term keeps only a fifth of the learned evidence.
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

    /// <summary>How much of the learned evidence a question without sentiment terms keeps.</summary>
    public const double QuestionModelShare = 0.2;

    /// <summary>How many characters may sit between a sentiment term and its post-modifier (开心得不行, 好看到爆).</summary>
    private const int PostModifierReach = 1;

    private const double GoodAsVery = 1.5;

    /// <summary>Clauses up to this long keep their word positions on the stack.</summary>
    private const int StackWords = 256;

    /// <summary>What an irony marker (呵呵, [微笑]) counts by itself, on the AFINN scale.</summary>
    private const double IronyValence = -1;

    private const double BeforeContrast = 0.5;
    private const double AfterContrast = 1.5;

    /// <summary>Scores normalised <paramref name="s"/>; <paramref name="readEnglish"/> is <see cref="EnglishFeatures.Applies"/> of its whole text.</summary>
    public ClauseEvidence Score(ReadOnlySpan<char> s, bool readEnglish)
    {
        var features = model.Features;
        var segmenter = features.HasWords ? WordSegmenter.Embedded : null;
        Span<int> wordEnds = segmenter is null ? default : s.Length <= StackWords ? stackalloc int[s.Length] : new int[s.Length];
        Span<int> wordIds = segmenter is null ? default : s.Length <= StackWords ? stackalloc int[s.Length] : new int[s.Length];
        var words = new WordFeatures.Cursor(s, segmenter, wordEnds, wordIds);
        var english = default(EnglishFeatures.State);
        double lexicon = 0, learned = 0, weight = 1;
        var evidence = false;
        var leadingContrast = false;
        int negationLeft = 0, modifierLeft = 0, exclamations = 0, matchEnd = 0, markupEnd = 0;
        var negated = false;
        double irony = 0;
        double negationScale = 1, modifier = 1;
        var previous = '\0';
        double lastTerm = 0;
        var lastTermEnd = int.MinValue;

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (SocialMarkup.Enter(s, i, ref markupEnd) is > 0 and var markup)
            {
                // Emoticon codes count by the emoticon list only; hashtags, mentions and unknown codes not at all.
                if (c != '[' || terms.Match(s, i, out _) != markup)
                {
                    matchEnd = Math.Max(matchEnd, markupEnd);
                }
            }

            if (i < markupEnd)
            {
                words.At(s, i, inMarkup: true, out _, out _);
                previous = '\0';
                EnglishFeatures.Break(ref english);
            }
            else if (readEnglish && EnglishFeatures.Step(s, i, ref english, out var englishWord, out var pair) > 0)
            {
                learned += weight * (features[englishWord] + (pair == 0 ? 0 : features[pair]));
                previous = '\0';
            }
            else if (CharFeatures.IsChinese(c))
            {
                var w = features[CharFeatures.Unigram(c)];
                if (previous != '\0')
                {
                    w += features[CharFeatures.Bigram(previous, c)];
                }

                words.At(s, i, inMarkup: false, out var wordKey, out var negatedKey);
                w += (wordKey == 0 ? 0 : features[wordKey]) + (negatedKey == 0 ? 0 : features[negatedKey]);

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
                    case TermKind.Sentiment when length == 1 && c == '好' && i + 1 < s.Length && s[i + 1] != '好' && terms.Match(s, i + 1, out var next) > 0 && next.Kind == TermKind.Sentiment:
                        // Before another sentiment word 好 is an adverb, "very": 好难过 is very sad, not good and sad.
                        modifier = Math.Clamp((modifierLeft > 0 ? modifier : 1) * GoodAsVery, 0.3, 3);
                        modifierLeft = Window;
                        break;
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
                        lastTerm = weight * value;
                        lastTermEnd = matchEnd;
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
                    case TermKind.Irony:
                        irony = Math.Max(irony, entry.Value);
                        lexicon += weight * IronyValence;
                        evidence = true;
                        break;
                    case TermKind.PostModifier:
                        if (i - lastTermEnd <= PostModifierReach)
                        {
                            lexicon += lastTerm * (entry.Value - 1);
                            lastTerm *= entry.Value;
                            lastTermEnd = matchEnd;
                        }

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
            else if (c == '!' || (c == '?' && i > 0 && s[i - 1] == '?'))
            {
                // ?? and ??? ask nothing: they press, as ! does.
                exclamations++;
            }
            else if (CharFeatures.IsChinese(c) || (LexiconTrie.IsWordChar(c) && (i == 0 || !LexiconTrie.IsWordChar(s[i - 1]))))
            {
                negationLeft--;
                modifierLeft--;
            }
        }

        if (!evidence && IsQuestion(s))
        {
            // A question with no sentiment term (请问什么时候发货) asks; the learned weights of its topic words came
            // from complaints about the same topic and would read it as one.
            learned *= QuestionModelShare;
        }

        if (irony > 0)
        {
            // 真是太好了呢[微笑]: the praise is the complaint, and no learned warmth (the characters of 呵呵) survives it.
            lexicon = lexicon > 0 ? -lexicon * irony : lexicon;
            learned = Math.Min(learned, 0);
        }

        var z = (LexiconWeight * lexicon) + (ModelWeight * learned);
        return new ClauseEvidence(z * (1 + (0.1 * Math.Min(exclamations, 3))), leadingContrast);
    }

    private static bool IsQuestion(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd(' ');
        if (s.StartsWith("请问") || s.StartsWith("想问") || s.StartsWith("问下") || s.StartsWith("问一下") || s.StartsWith("咨询"))
        {
            return true;
        }

        s = s.TrimEnd("!~. ");
        return s.Length > 0 && s[^1] is '?' or '吗' or '呢' or '么' && !s.EndsWith("??");
    }
}
