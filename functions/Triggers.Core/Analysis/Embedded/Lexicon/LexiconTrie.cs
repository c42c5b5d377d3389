namespace Triggers.Core.Analysis.Embedded.Lexicon;

/// <summary>
/// Longest-match lookup of lexicon terms in normalised text. The root fans out through a flat table (most
/// positions fail there); deeper steps go through one dictionary keyed by (node, character).
/// Terms that start with an ASCII letter or digit match whole words only.
/// </summary>
public sealed class LexiconTrie
{
    private readonly int[] root = new int[char.MaxValue + 1];
    private readonly Dictionary<long, int> edges = [];
    private readonly List<int> terminal = [-1];
    private readonly List<LexiconEntry> entries = [];

    /// <param name="entries">Later entries for the same term replace earlier ones.</param>
    public LexiconTrie(IEnumerable<LexiconEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (entry.Term.Length > 0)
            {
                Add(entry);
            }
        }
    }

    public int Count => entries.Count;

    public LexiconEntry this[int index] => entries[index];

    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '\'';

    /// <summary>The longest term starting at <paramref name="start"/>: its length, or 0 with <paramref name="entry"/> default.</summary>
    public int Match(ReadOnlySpan<char> text, int start, out LexiconEntry entry)
    {
        entry = default;
        var node = root[text[start]];
        if (node == 0)
        {
            return 0;
        }

        var wholeWord = IsWordChar(text[start]);
        if (wholeWord && start > 0 && IsWordChar(text[start - 1]))
        {
            return 0;
        }

        var best = 0;
        for (var i = start + 1; ; i++)
        {
            var index = terminal[node];
            if (index >= 0 && (!wholeWord || i == text.Length || !IsWordChar(text[i]) || !IsWordChar(text[i - 1])))
            {
                best = i - start;
                entry = entries[index];
            }

            if (i == text.Length || !edges.TryGetValue(((long)node << 16) | text[i], out node))
            {
                return best;
            }
        }
    }

    private void Add(LexiconEntry entry)
    {
        var term = entry.Term;
        var node = root[term[0]];
        if (node == 0)
        {
            node = root[term[0]] = NewNode();
        }

        for (var i = 1; i < term.Length; i++)
        {
            var key = ((long)node << 16) | term[i];
            if (!edges.TryGetValue(key, out var next))
            {
                next = NewNode();
                edges[key] = next;
            }

            node = next;
        }

        if (terminal[node] >= 0)
        {
            entries[terminal[node]] = entry;
        }
        else
        {
            terminal[node] = entries.Count;
            entries.Add(entry);
        }
    }

    private int NewNode()
    {
        terminal.Add(-1);
        return terminal.Count - 1;
    }
}
