using System.Globalization;

namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>One term of the lexicon, in normalised form.</summary>
public readonly record struct LexiconEntry(string Term, TermKind Kind, float Value)
{
    /// <summary>
    /// Reads a hand-written list: one entry a line, "term value", split at the last space (so English phrases
    /// keep theirs); a line without a trailing number is all term, valued 1. Terms are normalised like texts.
    /// </summary>
    public static IEnumerable<LexiconEntry> Parse(IEnumerable<string> lines, TermKind kind)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var raw in lines)
        {
            var split = raw.LastIndexOf(' ');
            if (split < 0 || !float.TryParse(raw.AsSpan(split + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                (split, value) = (raw.Length, 1f);
            }

            yield return new LexiconEntry(TextNormalizer.Normalize(raw[..split]), kind, value);
        }
    }
}
