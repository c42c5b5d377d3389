using System.Buffers;
using System.Collections.Frozen;

namespace Triggers.Core.Topics;

/// <summary>
/// One tenant's topics, compiled for matching. Keywords are folded (Latin case, full-width letters,
/// traditional characters) and indexed by their first character; a scan tries the longest keyword first, so
/// 售后服务 (after_sales) wins over 服务 (service). A keyword that starts or ends with a Latin letter or digit
/// matches whole words only, with a plural "s"/"es" allowed (price → prices). Immutable and thread-safe.
/// </summary>
public sealed partial class TopicLexicon
{
    private readonly FrozenDictionary<char, KeywordEntry[]> _byFirstChar;

    private TopicLexicon(IReadOnlyList<TopicDefinition> topics, FrozenDictionary<char, KeywordEntry[]> byFirstChar)
    {
        Topics = topics;
        _byFirstChar = byFirstChar;
    }

    public static TopicLexicon Empty { get; } = new([], FrozenDictionary<char, KeywordEntry[]>.Empty);

    /// <summary>The topics compiled in, keywords trimmed and de-duplicated, in the order given.</summary>
    public IReadOnlyList<TopicDefinition> Topics { get; }

    /// <summary>Every keyword occurrence, in text order, one hit per topic the keyword belongs to.</summary>
    public IReadOnlyList<TopicHit> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || _byFirstChar.Count == 0)
        {
            return [];
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var folded = buffer.AsSpan(0, text.Length);
            TextFolding.Fold(text, folded);
            return Scan(text, folded);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private IReadOnlyList<TopicHit> Scan(string text, ReadOnlySpan<char> folded)
    {
        List<TopicHit>? hits = null;
        IReadOnlyList<(int Start, int Length)>? clauses = null;
        for (var i = 0; i < folded.Length;)
        {
            var end = Match(folded, i, out var entry);
            if (entry is null)
            {
                i++;
                continue;
            }

            clauses ??= Clauses.Split(text);
            var (start, length) = ClauseAt(clauses, i, end);
            hits ??= [];
            foreach (var owner in entry.Topics)
            {
                hits.Add(new TopicHit(owner.Topic, owner.Keyword, start, length, owner.NegativeOnly));
            }

            i = end;
        }

        return (IReadOnlyList<TopicHit>?)hits ?? [];
    }

    private int Match(ReadOnlySpan<char> folded, int i, out KeywordEntry? match)
    {
        match = null;
        var first = folded[i];
        if (!_byFirstChar.TryGetValue(first, out var candidates)
            || (TextFolding.IsAsciiWordChar(first) && i > 0 && TextFolding.IsAsciiWordChar(folded[i - 1])))
        {
            return i;
        }

        foreach (var candidate in candidates)
        {
            var keyword = candidate.Folded;
            if (!folded[i..].StartsWith(keyword, StringComparison.Ordinal))
            {
                continue;
            }

            var end = i + keyword.Length;
            if (TextFolding.IsAsciiWordChar(keyword[^1]))
            {
                end = WordEnd(folded, end);
                if (end < 0)
                {
                    continue;
                }
            }

            match = candidate;
            return end;
        }

        return i;
    }

    // Where a Latin keyword ending at end really ends (allowing a plural s/es), or -1 when it is part of a longer word.
    private static int WordEnd(ReadOnlySpan<char> folded, int end)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["", "s", "es"])
        {
            var after = end + suffix.Length;
            if (after <= folded.Length
                && folded[end..].StartsWith(suffix, StringComparison.Ordinal)
                && (after == folded.Length || !TextFolding.IsAsciiWordChar(folded[after])))
            {
                return after;
            }
        }

        return -1;
    }

    private static (int Start, int Length) ClauseAt(IReadOnlyList<(int Start, int Length)> clauses, int position, int end)
    {
        int low = 0, high = clauses.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var (start, length) = clauses[middle];
            if (position < start)
            {
                high = middle - 1;
            }
            else if (position >= start + length)
            {
                low = middle + 1;
            }
            else
            {
                return (start, length);
            }
        }

        // Only a keyword that itself holds a clause boundary gets here; its own span is the best clause we have.
        return (position, end - position);
    }
}
