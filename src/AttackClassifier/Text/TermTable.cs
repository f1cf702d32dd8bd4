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
/// </remarks>
internal sealed class TermTable
{
    private readonly Slot[] _slots;      // (capacity) Length 0 marks an empty slot
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
        _shift = 64 - bits;
        int mask = _slots.Length - 1;
        for (int j = 0; j < terms.Length; j++)
        {
            string term = terms[j];
            if (string.IsNullOrEmpty(term)) throw new ArgumentException($"Term {j} is null or empty.", nameof(terms));
            (ulong h0, ulong h1) = Heads(term);
            int i = Index(term, h0, h1);
            while (_slots[i].Length != 0)
            {
                if (Matches(in _slots[i], term, h0, h1)) throw new ArgumentException($"Term '{term}' appears twice (columns {_slots[i].Column} and {j}).", nameof(terms));
                i = (i + 1) & mask;
            }
            _slots[i] = new Slot { Head0 = h0, Head1 = h1, Length = term.Length, Column = j };
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
        int mask = _slots.Length - 1;
        ref Slot slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        for (int i = Index(term, h0, h1); ; i = (i + 1) & mask)
        {
            ref Slot slot = ref Unsafe.Add(ref slots, i);   // i ≤ mask: always inside the table
            if (slot.Length == 0) { column = -1; return false; }
            if (Matches(in slot, term, h0, h1)) { column = slot.Column; return true; }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Matches(in Slot slot, ReadOnlySpan<char> term, ulong h0, ulong h1) =>
        slot.Length == term.Length && slot.Head0 == h0 && slot.Head1 == h1
        && (term.Length <= 8 || term[8..].SequenceEqual(_terms[slot.Column].AsSpan(8)));

    // The first 8 chars as two little-endian 64-bit words, zero past the end of the term.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Head0, ulong Head1) Heads(ReadOnlySpan<char> term)
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

    // h = fold of (length, head words, then the rest 4 chars at a time); index = the top bits of h · 2⁶⁴/φ.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Index(ReadOnlySpan<char> term, ulong h0, ulong h1)
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
        h = (h ^ (h >> 32)) * M;
        return (int)(h >> _shift);
    }
}
