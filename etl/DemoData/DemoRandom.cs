namespace Analytics.Etl.DemoData;

/// <summary>
/// SplitMix64: a small seeded generator whose sequence is fixed by the seed on every machine and runtime
/// (System.Random's algorithm is not a documented contract). Each concern forks its own stream by name,
/// so adding draws to one concern does not shift the others.
/// </summary>
internal sealed class DemoRandom(ulong seed)
{
    private ulong _state = seed;

    public static DemoRandom For(int seed, string purpose) => new(Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ StableHash(purpose)));

    public DemoRandom Fork(string purpose) => new(Mix(NextUInt64() ^ StableHash(purpose)));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>0 ≤ result &lt; maxExclusive.</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>min ≤ result ≤ maxInclusive.</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A date in [first, last], both inclusive.</summary>
    public DateOnly DateBetween(DateOnly first, DateOnly last) =>
        last <= first ? first : first.AddDays(Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>Picks an index by weight (weights need not sum to 1).</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across runs (string.GetHashCode is randomised).</summary>
    private static ulong StableHash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }
}
