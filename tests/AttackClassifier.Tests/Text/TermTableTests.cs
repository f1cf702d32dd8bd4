using AttackClassifier.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Text;

public class TermTableTests
{
    [Property(MaxTest = 300)]
    public Property Finds_every_term_at_its_column_and_nothing_else()
    {
        // Terms of 1–20 chars over a small alphabet (many shared 8-char heads, so the tail comparison is exercised), plus
        // non-ASCII chars; probes are the terms, their prefixes and extensions, and random strings.
        var alphabet = Gen.Elements('a', 'b', ' ', '-', 'é', '\u4e2d', '\0');
        var term = Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(alphabet, n)).Select(cs => new string(cs));
        var cases = from terms in Gen.ListOf(term) from probes in Gen.ListOf(term) select (terms, probes);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            string[] vocabulary = c.terms.Distinct(StringComparer.Ordinal).ToArray();
            var table = new TermTable(vocabulary);
            Assert.True(table.Capacity >= 2 * vocabulary.Length);
            var expected = vocabulary.Select((t, j) => (t, j)).ToDictionary(e => e.t, e => e.j, StringComparer.Ordinal);
            IEnumerable<string> probes = c.probes.Concat(vocabulary).Concat(vocabulary.Select(t => t[..^1])).Concat(vocabulary.Select(t => t + "a"));
            foreach (string probe in probes)
            {
                bool found = table.TryGetColumn(probe, out int column);
                Assert.Equal(expected.TryGetValue(probe, out int j), found);
                if (found) Assert.Equal(j, column);
                Assert.Equal(found, table.TryGetColumnUntagged(probe, out int untagged));   // the reference probe agrees
                Assert.Equal(column, untagged);
            }
        });
    }

    [Fact]
    public void Looks_up_slices_of_a_longer_text()
    {
        var table = new TermTable(["cat", "/etc/passwd", "cat /etc/passwd", " c", "ca", "at "]);
        string text = " cat /etc/passwd ";
        Assert.True(table.TryGetColumn(text.AsSpan(1, 3), out int cat));
        Assert.Equal(0, cat);
        Assert.True(table.TryGetColumn(text.AsSpan(1, 15), out int both));
        Assert.Equal(2, both);
        Assert.True(table.TryGetColumn(text.AsSpan(0, 2), out int c));
        Assert.Equal(3, c);
        Assert.False(table.TryGetColumn(text.AsSpan(1, 14), out _));   // "cat /etc/passw": same head, shorter
        Assert.False(table.TryGetColumn(ReadOnlySpan<char>.Empty, out _));
    }

    [Fact]
    public void Rejects_empty_and_repeated_terms()
    {
        Assert.Throws<ArgumentException>(() => new TermTable(["a", ""]));
        Assert.Contains("columns 0 and 2", Assert.Throws<ArgumentException>(() => new TermTable(["abcdefghij", "b", "abcdefghij"])).Message);
    }

    [Fact]
    public void Heads_read_as_words_equal_the_char_by_char_reference()
    {
        // Every length 0–12 at every offset inside a longer text, with chars whose high bytes are set.
        string text = "aé\u4e2d-\0Zq~\uffff" + new string('x', 3) + "b\u00ff/c:\\w";
        for (int start = 0; start < text.Length; start++)
            for (int length = 0; start + length <= text.Length && length <= 12; length++)
            {
                ReadOnlySpan<char> term = text.AsSpan(start, length);
                Assert.Equal(TermTable.HeadsNaive(term), TermTable.Heads(term));
            }
    }
}
