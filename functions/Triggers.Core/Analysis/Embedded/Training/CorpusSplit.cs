namespace Triggers.Core.Analysis.Embedded.Training;

/// <summary>
/// The deterministic held-out split: a text is held out when a seeded 64-bit hash of it (FNV-1a over its UTF-16
/// code units, then the SplitMix64 finaliser with the seed) falls in the first <c>fraction</c> of the range.
/// Identical lines land on the same side, so duplicates never leak from training into the held-out set.
/// </summary>
public static class CorpusSplit
{
    public const double DefaultHoldout = 0.15;
    public const ulong DefaultSeed = 42;

    public static bool IsHeldOut(string text, double fraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (Mix(hash ^ seed) >> 11) * (1.0 / (1UL << 53)) < fraction;
    }

    /// <summary>
    /// The development split, for making choices: texts outside the held-out split that a second hash (the seed mixed
    /// once more) puts in the first <paramref name="dev"/> of its range. Disjoint from the held-out split by construction,
    /// so the held-out split stays for reporting only.
    /// </summary>
    public static bool IsDev(string text, double holdout, ulong seed, double dev) =>
        dev > 0 && !IsHeldOut(text, holdout, seed) && IsHeldOut(text, dev, Mix(seed));

    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
