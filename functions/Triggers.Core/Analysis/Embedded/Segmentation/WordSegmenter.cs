using System.Globalization;

namespace Triggers.Core.Analysis.Embedded.Segmentation;

/// <summary>
/// Splits runs of Chinese characters into words as jieba does: every dictionary word that fits at each position is a
/// candidate, and the path whose words are most probable together wins (log frequency, dynamic programming from the
/// end). A character no word covers stands alone. The dictionary is jieba's (Segmentation/Data/jieba-words.txt).
/// Allocation-free: the trie is one open-addressed table of (node, character) edges.
/// </summary>
public sealed class WordSegmenter
{
    /// <summary>The longest word the dictionary holds.</summary>
    public const int MaxWord = 8;

    /// <summary>Runs longer than this are segmented in pieces (a paragraph without punctuation).</summary>
    public const int MaxRun = 256;

    // One open-addressed table of (node, character) → (child node, the word ending there or -1 shifted left by one,
    // with bit 0 set when the child has children): a probe reads one entry, not three arrays.
    private readonly Edge[] _edges;
    private readonly int _mask;
    private readonly int _shift;
    private readonly float[] _logP;
    private readonly byte[] _lengths;
    private readonly float _single;

    // The root's children by character: every walk starts here, so the first step is an array read, not a probe.
    private readonly int[] _roots;

    private const char FirstChinese = '\u4E00';

    public WordSegmenter(IEnumerable<(string Word, long Frequency)> words, long total)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        var edges = new Dictionary<uint, int>();
        var wordOfNode = new List<int> { -1 };
        var logP = new List<float>();
        var lengths = new List<byte>();
        var nodes = 1;
        foreach (var (raw, frequency) in words)
        {
            var word = TextNormalizer.Normalize(raw);
            if (word.Length is < 2 or > MaxWord || !word.All(CharFeatures.IsChinese) || frequency < 1)
            {
                continue;
            }

            var node = 0;
            foreach (var c in word)
            {
                var key = Key(node, c);
                if (!edges.TryGetValue(key, out var next))
                {
                    next = nodes++;
                    edges[key] = next;
                    wordOfNode.Add(-1);
                }

                node = next;
            }

            if (wordOfNode[node] < 0)
            {
                wordOfNode[node] = logP.Count;
                logP.Add((float)Math.Log((double)frequency / total));
                lengths.Add((byte)word.Length);
            }
        }

        if (nodes > MaxNodes)
        {
            throw new ArgumentException($"The word list makes {nodes} trie nodes; at most {MaxNodes} fit the 32-bit edge keys.", nameof(words));
        }

        var parents = edges.Keys.Select(k => (int)(k / Span)).ToHashSet();
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, edges.Count * 2));
        _edges = new Edge[size];
        _mask = size - 1;
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        foreach (var (key, node) in edges.OrderBy(e => e.Key))
        {
            var slot = Slot(key);
            while (_edges[slot].Node != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _edges[slot] = new Edge(key, node, (wordOfNode[node] << 1) | (parents.Contains(node) ? 1 : 0));
        }

        _roots = new int['\u9FFF' - FirstChinese + 1];
        for (var c = FirstChinese; c <= '\u9FFF'; c++)
        {
            _roots[c - FirstChinese] = edges.GetValueOrDefault(Key(0, c));
        }

        _logP = [.. logP];
        _lengths = [.. lengths];

        // A lone character is less likely than any listed word (all occur at least 50 times in jieba's counts).
        _single = (float)Math.Log(10.0 / total);
        Count = logP.Count;

        // Word features key a word by its id in the low 16 bits (WordFeatures); the byte-for-byte model test catches a
        // changed list, which shifts the ids and needs the model retrained.
        if (Count > ushort.MaxValue)
        {
            throw new ArgumentException($"{Count} words do not fit the model's 16-bit word ids; keep at most {ushort.MaxValue}.", nameof(words));
        }
    }

    /// <summary>How many words the dictionary holds.</summary>
    public int Count { get; }

    /// <summary>How many characters the word <paramref name="id"/> has.</summary>
    public int LengthOf(int id) => _lengths[id];

    /// <summary>jieba's words, embedded in Triggers.Core.</summary>
    public static WordSegmenter Embedded => Lazy.Value;

    private static readonly Lazy<WordSegmenter> Lazy = new(Load);

    /// <summary>
    /// The words of two or more characters on the most probable path through the Chinese runs of normalised text:
    /// each word's end (exclusive) and id. Returns how many were written (at most the spans' length).
    /// </summary>
    public int Words(ReadOnlySpan<char> s, Span<int> ends, Span<int> ids)
    {
        var found = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (!CharFeatures.IsChinese(s[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && CharFeatures.IsChinese(s[i]) && i - start < MaxRun)
            {
                i++;
            }

            found += Run(s[start..i], start, ends[found..], ids[found..]);
        }

        return found;
    }

    private int Run(ReadOnlySpan<char> run, int offset, Span<int> ends, Span<int> ids)
    {
        var n = run.Length;
        Span<float> best = stackalloc float[n + 1];
        Span<int> length = stackalloc int[n + 1];
        Span<int> word = stackalloc int[n + 1];
        best[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            best[i] = _single + best[i + 1];
            length[i] = 1;
            word[i] = -1;
            var node = _roots[run[i] - FirstChinese];
            for (var j = i + 1; node != 0 && j < n && j - i < MaxWord; j++)
            {
                ref readonly var edge = ref Next(node, run[j]);
                if (edge.Node == 0)
                {
                    break;
                }

                var id = edge.Word >> 1;
                if (id >= 0 && _logP[id] + best[j + 1] > best[i])
                {
                    best[i] = _logP[id] + best[j + 1];
                    length[i] = j - i + 1;
                    word[i] = id;
                }

                // A node no longer word continues needs no further probe.
                node = (edge.Word & 1) != 0 ? edge.Node : 0;
            }
        }

        var found = 0;
        for (var i = 0; i < n; i += length[i])
        {
            if (word[i] >= 0)
            {
                ends[found] = offset + i + length[i];
                ids[found] = word[i];
                found++;
            }
        }

        return found;
    }

    /// <summary>The edge from <paramref name="node"/> by <paramref name="c"/>, or an empty one (node 0, word -1 never read).</summary>
    private ref readonly Edge Next(int node, char c)
    {
        var key = Key(node, c);
        for (var slot = Slot(key); ; slot = (slot + 1) & _mask)
        {
            ref readonly var edge = ref _edges[slot];
            if (edge.Node == 0 || edge.Key == key)
            {
                return ref edge;
            }
        }
    }

    // Every walked character is Chinese (U+4E00-U+9FFF), so node × 0x5200 + offset fits 32 bits below MaxNodes nodes.
    private const int Span = '\u9FFF' - FirstChinese + 1;
    private const int MaxNodes = (int)(uint.MaxValue / Span);

    private static uint Key(int node, char c) => ((uint)node * Span) + (uint)(c - FirstChinese);

    // Fibonacci hashing: the high bits of key × 2^32/φ.
    private int Slot(uint key) => (int)((key * 2654435769u) >> _shift);

    private readonly record struct Edge(uint Key, int Node, int Word);

    private static WordSegmenter Load()
    {
        using var stream = typeof(WordSegmenter).Assembly.GetManifestResourceStream("Triggers.Core.Analysis.Embedded.Segmentation.jieba-words.txt")
            ?? throw new InvalidOperationException("The embedded word list jieba-words.txt is missing from Triggers.Core; rebuild the project.");
        using var reader = new StreamReader(stream);
        long total = 0;
        var words = new List<(string, long)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("# total ", StringComparison.Ordinal))
            {
                total = long.Parse(line.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture);
            }
            else if (line.Length > 0 && line[0] != '#' && line.LastIndexOf(' ') is > 0 and var space)
            {
                words.Add((line[..space], long.Parse(line.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture)));
            }
        }

        return new WordSegmenter(words, total);
    }
}
