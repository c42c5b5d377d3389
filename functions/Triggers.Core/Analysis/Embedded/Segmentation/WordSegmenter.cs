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

    private readonly long[] _edgeKeys;
    private readonly int[] _edgeNodes;
    private readonly int _mask;
    private readonly int _shift;
    private readonly int[] _wordOfNode;
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
        var edges = new Dictionary<long, int>();
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

        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, edges.Count * 2));
        _edgeKeys = new long[size];
        _edgeNodes = new int[size];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        foreach (var (key, node) in edges.OrderBy(e => e.Key))
        {
            var slot = Slot(key);
            while (_edgeNodes[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _edgeKeys[slot] = key;
            _edgeNodes[slot] = node;
        }

        _roots = new int['\u9FFF' - FirstChinese + 1];
        for (var c = FirstChinese; c <= '\u9FFF'; c++)
        {
            _roots[c - FirstChinese] = edges.GetValueOrDefault(Key(0, c));
        }

        _wordOfNode = [.. wordOfNode];
        _logP = [.. logP];
        _lengths = [.. lengths];

        // A lone character is less likely than any listed word (all occur at least 50 times in jieba's counts).
        _single = (float)Math.Log(10.0 / total);
        Count = logP.Count;
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
            var node = 0;
            for (var j = i; j < n && j - i < MaxWord; j++)
            {
                node = j == i ? _roots[run[j] - FirstChinese] : Next(node, run[j]);
                if (node == 0)
                {
                    break;
                }

                var id = _wordOfNode[node];
                if (id >= 0 && _logP[id] + best[j + 1] > best[i])
                {
                    best[i] = _logP[id] + best[j + 1];
                    length[i] = j - i + 1;
                    word[i] = id;
                }
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

    private int Next(int node, char c)
    {
        var key = Key(node, c);
        for (var slot = Slot(key); ; slot = (slot + 1) & _mask)
        {
            var found = _edgeNodes[slot];
            if (found == 0 || _edgeKeys[slot] == key)
            {
                return found;
            }
        }
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;

    // Fibonacci hashing: the high bits of key × 2^64/φ.
    private int Slot(long key) => (int)(((ulong)key * 11400714819323198485UL) >> _shift);

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
