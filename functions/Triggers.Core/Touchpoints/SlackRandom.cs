namespace Triggers.Core.Touchpoints;

/// <summary>
/// SplitMix64: tiny, fast, and fully specified, so a seed gives the same sequence on every runtime version
/// (System.Random makes no such promise).
/// </summary>
internal struct SlackRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
