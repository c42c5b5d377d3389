namespace Triggers.Core.Analysis.Embedded;

/// <summary>Feature key → learned weight, as an open-addressing table sized to a power of two for fast lookup.</summary>
public sealed class FeatureWeights
{
    private readonly uint[] keys;
    private readonly float[] weights;
    private readonly int mask;
    private readonly int shift;

    public FeatureWeights(ReadOnlySpan<uint> keys, ReadOnlySpan<float> weights)
    {
        if (keys.Length != weights.Length)
        {
            throw new ArgumentException("keys and weights differ in length", nameof(weights));
        }

        // At least a third of the slots stay empty, so a probe ends quickly; the table is kept small for the cache.
        var size = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(keys.Length + (keys.Length / 2))));
        this.keys = new uint[size];
        this.weights = new float[size];
        mask = size - 1;
        shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0)
            {
                throw new ArgumentException("feature key 0 is reserved", nameof(keys));
            }

            var slot = Slot(keys[i]);
            while (this.keys[slot] != 0 && this.keys[slot] != keys[i])
            {
                slot = (slot + 1) & mask;
            }

            this.keys[slot] = keys[i];
            this.weights[slot] = weights[i];
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
                var k = keys[slot];
                if (k == key)
                {
                    return weights[slot];
                }

                if (k == 0)
                {
                    return 0f;
                }
            }
        }
    }

    // Fibonacci hashing: the high bits of key × 2^32/φ spread the structured keys evenly.
    private int Slot(uint key) => (int)((key * 2654435769u) >> shift);
}
