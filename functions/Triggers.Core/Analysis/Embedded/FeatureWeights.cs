namespace Triggers.Core.Analysis.Embedded;

/// <summary>Feature key → learned weight, as an open-addressing table sized to a power of two for fast lookup.</summary>
public sealed class FeatureWeights
{
    // Key and weight side by side: a hit costs one cache line, not two.
    private readonly Entry[] entries;
    private readonly int mask;
    private readonly int shift;

    public FeatureWeights(ReadOnlySpan<uint> keys, ReadOnlySpan<float> weights)
    {
        if (keys.Length != weights.Length)
        {
            throw new ArgumentException("keys and weights differ in length", nameof(weights));
        }

        // At most half full: most lookups are misses (characters and pairs the model never kept), and a miss probes
        // until an empty slot.
        var size = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys.Length * 2));
        entries = new Entry[size];
        mask = size - 1;
        shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0)
            {
                throw new ArgumentException("feature key 0 is reserved", nameof(keys));
            }

            var slot = Slot(keys[i]);
            while (entries[slot].Key != 0 && entries[slot].Key != keys[i])
            {
                slot = (slot + 1) & mask;
            }

            entries[slot] = new Entry(keys[i], weights[i]);
            HasWords |= WordFeatures.IsWordKey(keys[i]);
        }

        Count = keys.Length;
    }

    public int Count { get; }

    /// <summary>Whether any key is a <see cref="WordFeatures"/> key, so scoring has to segment.</summary>
    public bool HasWords { get; }

    public float this[uint key]
    {
        get
        {
            for (var slot = Slot(key); ; slot = (slot + 1) & mask)
            {
                ref readonly var entry = ref entries[slot];
                if (entry.Key == key)
                {
                    return entry.Weight;
                }

                if (entry.Key == 0)
                {
                    return 0f;
                }
            }
        }
    }

    private readonly record struct Entry(uint Key, float Weight);

    // Fibonacci hashing: the high bits of key × 2^32/φ spread the structured keys evenly.
    private int Slot(uint key) => (int)((key * 2654435769u) >> shift);
}
