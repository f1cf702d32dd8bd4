using System.Collections.ObjectModel;

namespace AttackClassifier.Text;

/// <summary>How <see cref="SequenceEncoder"/> splits a command into words.</summary>
public enum SequenceSplit
{
    /// <summary>Keras's <c>text_to_word_sequence</c>: every filter character becomes a space, split on spaces, drop
    /// empties. This is what the study's LSTM used; it loses paths, IP addresses and flags to the filters.</summary>
    KerasFilters,

    /// <summary>The <see cref="CommandLineTokenizer"/> tokens, so <c>/etc/passwd</c>, <c>10.0.0.1</c> and <c>-la</c> stay whole.</summary>
    CyberTokenizer,
}

/// <summary>Which end of a sequence Keras's <c>pad_sequences</c> pads or truncates.</summary>
public enum SequenceEnd
{
    /// <summary>At the start (<c>'pre'</c>, Keras's default).</summary>
    Pre,

    /// <summary>At the end (<c>'post'</c>, the study's choice and our default).</summary>
    Post,
}

/// <summary>Options of <see cref="SequenceEncoder"/>: Keras <c>Tokenizer</c> and <c>pad_sequences</c> arguments.</summary>
public sealed record SequenceEncoderOptions
{
    /// <summary>Keras's default <c>filters</c>: <c>!"#$%&amp;()*+,-./:;&lt;=&gt;?@[\]^_`{|}~</c>, tab and newline.</summary>
    public const string KerasDefaultFilters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    /// <summary>Keep word indices below this (so NumWords − 2 real words with an OOV token); the rest map to the OOV
    /// index, or are dropped without one. Null keeps every word. Default 5000; must be ≥ 1 when set.</summary>
    public int? NumWords { get; init; } = 5000;

    /// <summary>Token for out-of-vocabulary words, index 1; null drops unknown words (Keras <c>oov_token=None</c>). Default "&lt;unk&gt;".</summary>
    public string? OovToken { get; init; } = "<unk>";

    /// <summary>Sequence length T after padding/truncation (Keras <c>maxlen</c>). Default 20; ≥ 1.</summary>
    public int MaxLength { get; init; } = 20;

    /// <summary>Where zeros go in a short sequence. Default <see cref="SequenceEnd.Post"/>.</summary>
    public SequenceEnd Padding { get; init; } = SequenceEnd.Post;

    /// <summary>Which words a long sequence loses. Default <see cref="SequenceEnd.Post"/> (keep the first MaxLength).</summary>
    public SequenceEnd Truncating { get; init; } = SequenceEnd.Post;

    /// <summary>Word splitting. Default <see cref="SequenceSplit.KerasFilters"/> (the study's).</summary>
    public SequenceSplit Split { get; init; } = SequenceSplit.KerasFilters;

    /// <summary>Characters turned into spaces with <see cref="SequenceSplit.KerasFilters"/>. Default <see cref="KerasDefaultFilters"/>.</summary>
    public string Filters { get; init; } = KerasDefaultFilters;

    /// <summary>Lowercase (invariant culture) first. Default true.</summary>
    public bool Lowercase { get; init; } = true;

    internal void Validate()
    {
        if (NumWords is < 1) throw new ArgumentException($"NumWords must be at least 1 (or null for all words), not {NumWords}.", nameof(NumWords));
        if (MaxLength < 1) throw new ArgumentException($"MaxLength must be at least 1, not {MaxLength}.", nameof(MaxLength));
        if (!Enum.IsDefined(Padding) || !Enum.IsDefined(Truncating) || !Enum.IsDefined(Split)) throw new ArgumentException("Unknown Padding, Truncating or Split value.");
        if (Filters is null) throw new ArgumentException("Filters must not be null (use \"\" for none).", nameof(Filters));
        if (OovToken is { Length: 0 }) throw new ArgumentException("OovToken must be null or non-empty.", nameof(OovToken));
    }
}

/// <summary>
/// Encodes commands as fixed-length index sequences for the LSTM, with Keras <c>Tokenizer</c> semantics
/// (<c>fit_on_texts</c>, <c>texts_to_sequences</c>) followed by <c>pad_sequences</c>:
/// <list type="bullet">
/// <item>words: lowercase, filter characters → spaces, split on " ", drop empty strings (or the cyber tokens);</item>
/// <item>index: 0 is padding; the OOV token (if any) is 1; words follow by descending count over the fitted texts,
/// ties in order of first appearance (Python's stable sort of an insertion-ordered dict);</item>
/// <item>a word with index ≥ NumWords, or unseen, becomes the OOV index, or is dropped without an OOV token;</item>
/// <item>the sequence is truncated and zero-padded to MaxLength at the chosen ends.</item>
/// </list>
/// Immutable and thread-safe once fitted.
/// </summary>
public sealed class SequenceEncoder
{
    /// <summary>The id of padding (Keras <c>pad_sequences</c>' value 0): never a word. Masking reads the state before it.</summary>
    public const int PaddingId = 0;

    /// <summary>The id of the out-of-vocabulary token when there is one (Keras gives <c>oov_token</c> index 1); words follow it.</summary>
    public const int OovId = 1;

    private readonly string[] _rankedWords;                                         // words by descending count
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _oovIndex;                                                 // OovId, or PaddingId (drop) without an OOV token
    private readonly bool[] _isFilter = new bool[128];                              // ASCII filter characters

    private SequenceEncoder(SequenceEncoderOptions options, string[] rankedWords)
    {
        Options = options;
        _rankedWords = rankedWords;
        // word_index = dict(zip([oov] + ranked, range(1, …))): a later duplicate overwrites an earlier key, as in Python.
        _index = new Dictionary<string, int>(rankedWords.Length + 1, StringComparer.Ordinal);
        int next = PaddingId + 1;
        if (options.OovToken is not null) _index[options.OovToken] = next++;   // = OovId
        foreach (string word in rankedWords) _index[word] = next++;
        _oovIndex = options.OovToken is null ? PaddingId : _index[options.OovToken];
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        WordIndex = new ReadOnlyDictionary<string, int>(_index);
        foreach (char c in options.Filters) if (c < 128) _isFilter[c] = true;
        int largest = next - 1;
        // Keras emits the OOV index even when it is ≥ num_words (NumWords = 1, or an OOV token that was also a word).
        VocabularySize = Math.Max(options.NumWords is int n ? Math.Min(n, largest + 1) : largest + 1, _oovIndex + 1);
    }

    /// <summary>The options this encoder was fitted with.</summary>
    public SequenceEncoderOptions Options { get; }

    /// <summary>Keras's <c>word_index</c>: every fitted word (and the OOV token) → index ≥ 1, including indices ≥ NumWords.</summary>
    public IReadOnlyDictionary<string, int> WordIndex { get; }

    /// <summary>V, the number of distinct indices an encoded sequence can contain (padding 0 included): the embedding's row count.</summary>
    public int VocabularySize { get; }

    /// <summary>The fitted words by rank (descending count, ties by first appearance), without the OOV token: the state a model file stores.</summary>
    internal IReadOnlyList<string> RankedWords => _rankedWords;

    /// <summary>Counts words over <paramref name="texts"/> (Keras <c>fit_on_texts</c>).</summary>
    /// <exception cref="ArgumentException">Invalid options or a null text.</exception>
    public static SequenceEncoder Fit(IReadOnlyList<string> texts, SequenceEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new SequenceEncoderOptions();
        options.Validate();
        var probe = new SequenceEncoder(options, []);   // for its word splitter
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var firstSeen = new List<string>();
        var s = new AnalyzerScratch();
        for (int d = 0; d < texts.Count; d++)
        {
            string text = texts[d] ?? throw new ArgumentException($"Text {d} is null.", nameof(texts));
            probe.SplitWords(text, s);
            for (int k = 0; k < s.TermCount; k++)
            {
                ReadOnlySpan<char> word = s.Term(k);
                if (lookup.TryGetValue(word, out int c)) lookup[word] = c + 1;
                else { string w = new(word); counts.Add(w, 1); firstSeen.Add(w); }
            }
        }
        // wcounts.sort(key=count, reverse=True): Python's sort is stable, so ties keep first-appearance order.
        string[] ranked = firstSeen.OrderByDescending(w => counts[w]).ToArray();
        return new SequenceEncoder(options, ranked);
    }

    /// <summary>Rebuilds an encoder from its state: options and the words by rank (see <see cref="RankedWords"/>).</summary>
    internal static SequenceEncoder FromState(SequenceEncoderOptions options, IReadOnlyList<string> rankedWords)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rankedWords);
        options.Validate();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string word in rankedWords)
            if (string.IsNullOrEmpty(word) || !seen.Add(word)) throw new ArgumentException($"Ranked words must be distinct and non-empty; '{word}' is not.", nameof(rankedWords));
        return new SequenceEncoder(options, rankedWords.ToArray());
    }

    /// <summary>Keras's <c>texts_to_sequences</c> for one text: word indices, before padding or truncation.</summary>
    public int[] ToSequence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        AnalyzerScratch s = AnalyzerScratch.ForCurrentThread;
        int T = Lookup(text, s);
        int[] sequence = s.Hits.AsSpan(0, T).ToArray();
        AnalyzerScratch.TrimCurrentThread();
        return sequence;
    }

    /// <summary>The padded, truncated sequence of one text: MaxLength indices in [0, VocabularySize).</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var indices = new int[Options.MaxLength];
        Encode(text, indices);
        return indices;
    }

    /// <summary>Encodes many texts into one (N, MaxLength) row-major array.</summary>
    public int[] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int T = Options.MaxLength;
        var indices = new int[texts.Count * T];   // (N, T)
        for (int n = 0; n < texts.Count; n++)
            Encode(texts[n] ?? throw new ArgumentException($"Text {n} is null.", nameof(texts)), indices.AsSpan(n * T, T));
        return indices;
    }

    /// <summary>Writes the padded, truncated sequence of <paramref name="command"/> into <paramref name="indices"/>
    /// (length MaxLength) without allocating.</summary>
    /// <exception cref="ArgumentException"><paramref name="indices"/> is not MaxLength long.</exception>
    public void Encode(ReadOnlySpan<char> command, Span<int> indices)
    {
        int T = Options.MaxLength;
        if (indices.Length != T) throw new ArgumentException($"The destination holds {indices.Length} indices; this encoder writes MaxLength = {T}.", nameof(indices));
        AnalyzerScratch s = AnalyzerScratch.ForCurrentThread;
        int length = Lookup(command, s);
        ReadOnlySpan<int> sequence = s.Hits.AsSpan(0, length);
        // pad_sequences: truncate to T at one end, then pad with PaddingId (0, so Clear) at one end.
        if (sequence.Length > T) sequence = Options.Truncating == SequenceEnd.Post ? sequence[..T] : sequence[^T..];
        indices.Clear();
        sequence.CopyTo(Options.Padding == SequenceEnd.Post ? indices : indices[(T - sequence.Length)..]);
        AnalyzerScratch.TrimCurrentThread();
    }

    // texts_to_sequences: each word → its index; index ≥ num_words or unknown → OOV index, or dropped without OOV.
    private int Lookup(ReadOnlySpan<char> text, AnalyzerScratch s)
    {
        SplitWords(text, s);
        AnalyzerScratch.Grow(ref s.Hits, s.TermCount);
        int length = 0;
        int limit = Options.NumWords ?? int.MaxValue;
        for (int k = 0; k < s.TermCount; k++)
        {
            int i = _lookup.TryGetValue(s.Term(k), out int found) ? found : PaddingId;   // PaddingId here: no index
            if (i >= limit) i = PaddingId;
            if (i == PaddingId) i = _oovIndex;
            if (i != PaddingId) s.Hits[length++] = i;
        }
        return length;
    }

    /// <summary>Splits <paramref name="text"/> into words (term slices of the scratch), lowercased if asked.</summary>
    private void SplitWords(ReadOnlySpan<char> text, AnalyzerScratch s)
    {
        AnalyzerScratch.Grow(ref s.Text, text.Length);
        Span<char> x = s.Text.AsSpan(0, text.Length);
        if (Options.Lowercase) text.ToLowerInvariant(x); else text.CopyTo(x);
        s.TextLength = text.Length;
        s.TermCount = 0;
        if (Options.Split == SequenceSplit.CyberTokenizer)
        {
            foreach (Range r in CommandLineTokenizer.EnumerateTokens(x))
            {
                var (start, length) = r.GetOffsetAndLength(x.Length);
                NGramAnalyzer.AddTerm(s, start, length);
            }
            return;
        }
        // text_to_word_sequence: translate each filter character to the split character " ", split on " ", drop "".
        int begin = 0;
        for (int i = 0; i <= x.Length; i++)
        {
            if (i < x.Length && !IsSeparator(x[i])) continue;
            if (i > begin) NGramAnalyzer.AddTerm(s, begin, i - begin);
            begin = i + 1;
        }
    }

    private bool IsSeparator(char c) => c == ' ' || (c < 128 ? _isFilter[c] : Options.Filters.Contains(c));
}
