using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AttackClassifier.Text;

/// <summary>
/// A fixed vocabulary, term → column, looked up by a span of the document's text: no string is built per n-gram, and a
/// lookup of a term of at most 8 chars (every char_wb 2–5-gram, most word terms) touches one slot of the table and nothing
/// else.
/// </summary>
/// <remarks>
/// Open addressing with linear probing, capacity a power of two ≥ 2 × terms (load ≤ ½: about 1.5 probes per hit, 2.5 per miss).
/// A slot holds the term's first 8 UTF-16 chars packed into two 64-bit words (zero-filled), its length and its column; the
/// chars past the 8th are compared against the vocabulary's own string. Why not <c>Dictionary&lt;string, int&gt;</c> with an
/// alternate span lookup: each probe there reads a bucket, an entry and the key string's object — three scattered reads —
/// and hashes every char; here it is one 24-byte read and a few multiplies. Prediction looks up a few hundred n-grams per
/// command line, most of them misses, so this is its hot loop.
/// Hash: the 64-bit words of the packed chars (4 chars each) and the length, folded by multiply-xorshift and spread by
/// Fibonacci hashing (Knuth, TAOCP vol. 3, §6.4) into the index bits. Not randomised: the keys are the fitted vocabulary,
/// not attacker-chosen, and a probe sequence is bounded by the fixed table.
/// Tags: beside the slots, one byte per slot (0 empty, else 0x80 | 7 more bits of the hash) that a probe reads first, so a
/// miss — most lookups — usually touches only the tag array (capacity bytes, 24× smaller than the slots, mostly cache-resident)
/// and a hit compares one slot. <see cref="TryGetColumnUntagged"/> is the probe without them, kept as the reference.
/// </remarks>
internal sealed class TermTable
{
    private readonly Slot[] _slots;      // (capacity) Length 0 marks an empty slot
    private readonly byte[] _tags;       // (capacity) 0 for an empty slot, else Tag(hash) of its term
    private readonly string[] _terms;    // (D) the vocabulary in column order, for chars past the 8th
    private readonly int _shift;         // 64 − log₂ capacity

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public ulong Head0;   // chars 0–3
        public ulong Head1;   // chars 4–7
        public int Length;
        public int Column;
    }

    /// <summary>Builds the table; term j gets column j. Terms must be non-empty and distinct.</summary>
    /// <exception cref="ArgumentException">An empty or repeated term.</exception>
    public TermTable(string[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = terms;
        int bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, terms.Length)) + 2);   // capacity ≥ 2·D (between 2·D and 4·D)
        _slots = new Slot[1 << bits];
        _tags = new byte[1 << bits];
        _shift = 64 - bits;
        int mask = _slots.Length - 1;
        for (int j = 0; j < terms.Length; j++)
        {
            string term = terms[j];
            if (string.IsNullOrEmpty(term)) throw new ArgumentException($"Term {j} is null or empty.", nameof(terms));
            (ulong h0, ulong h1) = Heads(term);
            ulong h = Hash(term, h0, h1);
            int i = (int)(h >> _shift);
            while (_slots[i].Length != 0)
            {
                if (Matches(in _slots[i], term, h0, h1)) throw new ArgumentException($"Term '{term}' appears twice (columns {_slots[i].Column} and {j}).", nameof(terms));
                i = (i + 1) & mask;
            }
            _slots[i] = new Slot { Head0 = h0, Head1 = h1, Length = term.Length, Column = j };
            _tags[i] = Tag(h);
        }
    }

    /// <summary>The number of slots (a power of two, at least twice the number of terms).</summary>
    public int Capacity => _slots.Length;

    /// <summary>The column of <paramref name="term"/>, if it is in the vocabulary.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetColumn(ReadOnlySpan<char> term, out int column)
    {
        if (term.IsEmpty) { column = -1; return false; }
        (ulong h0, ulong h1) = Heads(term);
        ulong h = Hash(term, h0, h1);
        byte tag = Tag(h);
        int mask = _slots.Length - 1;
        ref byte tags = ref MemoryMarshal.GetArrayDataReference(_tags);
        for (int i = (int)(h >> _shift); ; i = (i + 1) & mask)
        {
            byte t = Unsafe.Add(ref tags, i);   // i ≤ mask: always inside the table
            if (t == 0) { column = -1; return false; }
            if (t == tag)
            {
                ref Slot slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), i);
                if (Matches(in slot, term, h0, h1)) { column = slot.Column; return true; }
            }
        }
    }

    /// <summary>The reference for <see cref="TryGetColumn"/>: the probe as first written, every slot compared, the heads read
    /// char by char. Same answers (tested).</summary>
    internal bool TryGetColumnUntagged(ReadOnlySpan<char> term, out int column)
    {
        if (term.IsEmpty) { column = -1; return false; }
        (ulong h0, ulong h1) = HeadsNaive(term);
        int mask = _slots.Length - 1;
        for (int i = (int)(Hash(term, h0, h1) >> _shift); ; i = (i + 1) & mask)
        {
            if (_slots[i].Length == 0) { column = -1; return false; }
            if (Matches(in _slots[i], term, h0, h1)) { column = _slots[i].Column; return true; }
        }
    }

    // 0x80 | the 7 hash bits just below the index bits: never 0, so 0 can mark an empty slot.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte Tag(ulong h) => (byte)(0x80 | ((h >> (_shift - 7)) & 0x7F));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Matches(in Slot slot, ReadOnlySpan<char> term, ulong h0, ulong h1) =>
        slot.Length == term.Length && slot.Head0 == h0 && slot.Head1 == h1
        && (term.Length <= 8 || term[8..].SequenceEqual(_terms[slot.Column].AsSpan(8)));

    // The first 8 chars as two little-endian 64-bit words, zero past the end of the term. Short terms (every char_wb
    // 2–5-gram) are read as whole words too: 4–7 chars as chars 0–3 and the last 4 chars shifted down past the overlap,
    // 2–3 chars as one 32-bit read plus the third char — the values of HeadsNaive's char-by-char loop, without its branches.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (ulong Head0, ulong Head1) Heads(ReadOnlySpan<char> term)
    {
        ref char c = ref MemoryMarshal.GetReference(term);
        ref byte b = ref Unsafe.As<char, byte>(ref c);
        int length = term.Length;
        if (length >= 8) return (Unsafe.ReadUnaligned<ulong>(ref b), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, 8)));
        if (length >= 4)
        {
            ulong head1 = length == 4 ? 0 : Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, 2 * (length - 4))) >> (16 * (8 - length));
            return (Unsafe.ReadUnaligned<ulong>(ref b), head1);
        }
        if (length < 2) return (length == 1 ? c : 0UL, 0);
        ulong head0 = Unsafe.ReadUnaligned<uint>(ref b);
        if (length == 3) head0 |= (ulong)Unsafe.Add(ref c, 2) << 32;
        return (head0, 0);
    }

    // The reference for Heads: char by char.
    internal static (ulong Head0, ulong Head1) HeadsNaive(ReadOnlySpan<char> term)
    {
        ref byte b = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(term));
        if (term.Length >= 8) return (Unsafe.ReadUnaligned<ulong>(ref b), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, 8)));
        ulong head0 = 0, head1 = 0;
        for (int c = 0; c < term.Length; c++)
        {
            if (c < 4) head0 |= (ulong)term[c] << (16 * c);
            else head1 |= (ulong)term[c] << (16 * (c - 4));
        }
        return (head0, head1);
    }

    // h = fold of (length, head words, then the rest 4 chars at a time), times 2⁶⁴/φ; the index is its top bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<char> term, ulong h0, ulong h1)
    {
        const ulong M = 0x9E3779B97F4A7C15;   // 2⁶⁴/φ
        ulong h = ((ulong)term.Length * M) ^ h0;
        h = (h ^ (h >> 29)) * M ^ h1;
        for (int at = 8; at < term.Length; at += 4)
        {
            ReadOnlySpan<char> rest = term.Slice(at, Math.Min(4, term.Length - at));
            ulong word = 0;
            for (int c = 0; c < rest.Length; c++) word |= (ulong)rest[c] << (16 * c);
            h = (h ^ (h >> 29)) * M ^ word;
        }
        return (h ^ (h >> 32)) * M;
    }
}
