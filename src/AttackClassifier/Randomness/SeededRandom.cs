using System.Numerics;

namespace AttackClassifier.Randomness;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021), seeded by
/// expanding a 64-bit seed through SplitMix64 (Steele, Lea &amp; Flood, OOPSLA 2014) as the authors recommend.
/// </summary>
/// <remarks>
/// Only integer shifts, rotations, multiplications and XORs on <see cref="ulong"/>: the same seed gives the same stream on
/// every platform, runtime and language (unlike <see cref="Random"/>, whose algorithm is an implementation detail), so a
/// split written to disk can be regenerated anywhere. Not cryptographic. Not thread-safe: one instance per consumer.
/// <code>
///   SplitMix64:    z = (x += 0x9E3779B97F4A7C15); z = (z ⊕ z≫30)·0xBF58476D1CE4E5B9; z = (z ⊕ z≫27)·0x94D049BB133111EB; z ⊕ z≫31
///   xoshiro256**:  result = rotl(s1·5, 7)·9;  t = s1≪17;  s2 ⊕= s0; s3 ⊕= s1; s1 ⊕= s2; s0 ⊕= s3; s2 ⊕= t; s3 = rotl(s3, 45)
/// </code>
/// </remarks>
internal sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the four state words with the first four SplitMix64 outputs of <paramref name="seed"/>.</summary>
    internal SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);   // never all zero: SplitMix64 is a bijection of a counter that takes four distinct values
    }

    /// <summary>Seeds from a signed seed, reinterpreting its two's-complement bits (so −1 and ulong.MaxValue agree).</summary>
    internal SeededRandom(int seed) : this(unchecked((ulong)(long)seed)) { }

    /// <summary>Starts from an explicit state (for reference test vectors); the state must not be all zero.</summary>
    internal SeededRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) throw new ArgumentException("The xoshiro256** state must not be all zero.");
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>One SplitMix64 step: advances <paramref name="x"/> by the golden-ratio increment and returns the mixed value.</summary>
    internal static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    internal ulong NextUInt64()
    {
        unchecked
        {
            ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A double uniform on [0, 1) with 53 random bits: (x ≫ 11)·2⁻⁵³.</summary>
    internal double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer uniform on [0, <paramref name="exclusiveMax"/>), exactly unbiased.</summary>
    /// <remarks>Lemire, "Fast random integer generation in an interval" (ACM TOMS 2019): the high word of x·n is the
    /// candidate; candidates whose low word falls below 2⁶⁴ mod n are rejected, which removes the bias of x·n ≫ 64.</remarks>
    internal int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        ulong n = (ulong)exclusiveMax;
        ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
        if (low < n)
        {
            ulong threshold = unchecked(0UL - n) % n;   // 2⁶⁴ mod n
            while (low < threshold) high = Math.BigMul(NextUInt64(), n, out low);
        }
        return (int)high;
    }

    /// <summary>Shuffles <paramref name="items"/> in place, every permutation equally likely.</summary>
    /// <remarks>Fisher–Yates as Durstenfeld wrote it (Knuth TAOCP vol. 2, Algorithm 3.4.2 P): for i = n−1 … 1, swap item i
    /// with item j, j uniform on [0, i].</remarks>
    internal void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
