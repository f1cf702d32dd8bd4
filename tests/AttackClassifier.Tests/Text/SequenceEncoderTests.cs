using AttackClassifier.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Text;

/// <summary>Expected values worked out by hand from Keras's documented algorithm (keras_preprocessing/text.py:
/// fit_on_texts, texts_to_sequences; sequence.py: pad_sequences), as Keras is not available here.</summary>
public class SequenceEncoderTests
{
    private static readonly string[] Texts = ["The cat sat on the mat.", "The dog ate my homework!", "cat-and-dog: the end"];

    // Counts in first-appearance order: the 4, cat 2, sat 1, on 1, mat 1, dog 2, ate 1, my 1, homework 1, and 1, end 1.
    // Stable sort by count, descending: the, cat, dog, sat, on, mat, ate, my, homework, and, end; "<unk>" is 1.
    private static readonly string[] Ranked = ["the", "cat", "dog", "sat", "on", "mat", "ate", "my", "homework", "and", "end"];

    [Fact]
    public void Word_index_is_by_descending_count_with_ties_in_first_appearance_order_and_oov_at_one()
    {
        var e = SequenceEncoder.Fit(Texts, new SequenceEncoderOptions { NumWords = null });
        Assert.Equal(1, e.WordIndex["<unk>"]);
        for (int r = 0; r < Ranked.Length; r++) Assert.Equal(r + 2, e.WordIndex[Ranked[r]]);
        Assert.Equal(Ranked.Length + 1, e.WordIndex.Count);
        Assert.Equal(13, e.VocabularySize);   // indices 0 … 12
    }

    [Fact]
    public void Sequences_are_padded_and_truncated_at_the_chosen_ends()
    {
        var options = new SequenceEncoderOptions { NumWords = null, MaxLength = 8 };
        var post = SequenceEncoder.Fit(Texts, options);
        Assert.Equal(new[] { 2, 3, 5, 6, 2, 7 }, post.ToSequence("The cat sat on the mat."));
        Assert.Equal(new[] { 2, 3, 5, 6, 2, 7, 0, 0 }, post.Encode("The cat sat on the mat."));
        Assert.Equal(new[] { 0, 0, 2, 3, 5, 6, 2, 7 }, SequenceEncoder.Fit(Texts, options with { Padding = SequenceEnd.Pre }).Encode("The cat sat on the mat."));
        Assert.Equal(new[] { 2, 3, 5 }, SequenceEncoder.Fit(Texts, options with { MaxLength = 3 }).Encode("The cat sat on the mat."));
        Assert.Equal(new[] { 6, 2, 7 }, SequenceEncoder.Fit(Texts, options with { MaxLength = 3, Truncating = SequenceEnd.Pre }).Encode("The cat sat on the mat."));
        Assert.Equal(new[] { 1, 2, 0, 0, 0, 0, 0, 0 }, post.Encode("zebra THE"));
        Assert.Equal(new int[8], post.Encode("!!! ..."));
    }

    [Fact]
    public void Num_words_keeps_indices_below_it_and_maps_the_rest_to_oov_or_drops_them()
    {
        var withOov = SequenceEncoder.Fit(Texts, new SequenceEncoderOptions { NumWords = 5 });
        Assert.Equal(new[] { 2, 4, 1, 1, 1 }, withOov.ToSequence("the dog ate my homework"));   // ate = 8 ≥ 5
        Assert.Equal(5, withOov.VocabularySize);
        Assert.Equal(13, withOov.WordIndex.Count + 1);                                          // word_index keeps every word

        var noOov = SequenceEncoder.Fit(Texts, new SequenceEncoderOptions { NumWords = 3, OovToken = null });
        Assert.Equal(1, noOov.WordIndex["the"]);
        Assert.Equal(new[] { 1, 2 }, noOov.ToSequence("the cat dog sat zebra"));               // dog = 3 and sat dropped
    }

    [Fact]
    public void Keras_filters_split_only_on_space_and_filter_characters()
    {
        var e = SequenceEncoder.Fit(["a\rb c\td\ne\u00a0f"], new SequenceEncoderOptions { NumWords = null });
        // \t and \n are filters; \r and U+00A0 are not, so they stay inside words.
        Assert.Equal(new[] { "<unk>", "a\rb", "c", "d", "e\u00a0f" }, e.WordIndex.OrderBy(p => p.Value).Select(p => p.Key));
    }

    [Fact]
    public void Cyber_tokenizer_split_keeps_paths_addresses_and_flags()
    {
        string[] texts = ["cat /etc/passwd -la 10.0.0.1", "cat /etc/passwd"];
        var keras = SequenceEncoder.Fit(texts, new SequenceEncoderOptions { NumWords = null });
        var cyber = SequenceEncoder.Fit(texts, new SequenceEncoderOptions { NumWords = null, Split = SequenceSplit.CyberTokenizer });
        // "0" occurs twice (10.0.0.1 → 10, 0, 0, 1), so it ranks with cat, etc and passwd.
        Assert.Equal(new[] { "cat", "etc", "passwd", "0", "la", "10", "1" }, keras.WordIndex.Where(p => p.Value > 1).OrderBy(p => p.Value).Select(p => p.Key));
        Assert.Equal(new[] { "cat", "/etc/passwd", "-la", "10.0.0.1" }, cyber.WordIndex.Where(p => p.Value > 1).OrderBy(p => p.Value).Select(p => p.Key));
        Assert.Equal(new[] { 2, 3, 4, 5, 0 }, cyber.Encode("CAT /etc/passwd -LA 10.0.0.1 x").Take(5));
    }

    [Fact]
    public void An_oov_token_that_is_also_a_word_takes_its_later_index_as_in_python()
    {
        // dict(zip(["unk", "unk", "zz"], [1, 2, 3])) == {"unk": 2, "zz": 3}: index 1 is then never emitted.
        var e = SequenceEncoder.Fit(["unk unk zz"], new SequenceEncoderOptions { NumWords = null, OovToken = "unk" });
        Assert.Equal(2, e.WordIndex["unk"]);
        Assert.Equal(new[] { 3, 2 }, e.ToSequence("zz qq"));
    }

    [Fact]
    public void Bad_input_raises_specific_errors()
    {
        Assert.Throws<ArgumentException>(() => SequenceEncoder.Fit(Texts, new SequenceEncoderOptions { NumWords = 0 }));
        Assert.Throws<ArgumentException>(() => SequenceEncoder.Fit(Texts, new SequenceEncoderOptions { MaxLength = 0 }));
        Assert.Throws<ArgumentException>(() => SequenceEncoder.Fit(Texts, new SequenceEncoderOptions { OovToken = "" }));
        Assert.Throws<ArgumentException>(() => SequenceEncoder.Fit(["ok", null!]));
        var e = SequenceEncoder.Fit(Texts);
        Assert.Contains("MaxLength", Assert.Throws<ArgumentException>(() => e.Encode("the", new int[5])).Message);
        Assert.Throws<ArgumentException>(() => SequenceEncoder.FromState(e.Options, ["a", "a"]));
    }

    private static Arbitrary<string[]> Corpora() =>
        Gen.Elements("cat", "/etc/passwd", "-la", "ls", "10.0.0.1", "$HOME", "C:\\Temp\\x.exe", "whoami", "a", "!", " ", "Bash")
            .ArrayOf().Select(ws => string.Concat(ws.Take(10).Select(w => w + " "))).ArrayOf().ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Encoded_indices_are_in_range_and_state_round_trips() =>
        Prop.ForAll(Corpora(), texts =>
        {
            var options = new SequenceEncoderOptions { NumWords = 6, MaxLength = 5, Split = (SequenceSplit)(texts.Length % 2) };
            var e = SequenceEncoder.Fit(texts, options);
            var rebuilt = SequenceEncoder.FromState(e.Options, e.RankedWords);
            int[] all = e.Encode(texts);
            Assert.Equal(texts.Length * 5, all.Length);
            Assert.All(all, i => Assert.InRange(i, 0, e.VocabularySize - 1));
            Assert.Equal(all, rebuilt.Encode(texts));
            Assert.Equal(e.WordIndex.OrderBy(p => p.Value), rebuilt.WordIndex.OrderBy(p => p.Value));
        });

    [Fact]
    public void Encoding_into_a_buffer_does_not_allocate()
    {
        var e = SequenceEncoder.Fit(["cat /etc/passwd -la", "ls -la /tmp"], new SequenceEncoderOptions { Split = SequenceSplit.CyberTokenizer });
        var buffer = new int[20];
        e.Encode("cat /etc/passwd -la /tmp", buffer);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) e.Encode("cat /etc/passwd -la /tmp", buffer);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        // -la (count 2) is 2; then cat 3, /etc/passwd 4, ls 5, /tmp 6 in first-appearance order.
        Assert.Equal(new[] { 3, 4, 2, 6, 0 }, buffer.Take(5));
    }
}
