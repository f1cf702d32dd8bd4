using System.Diagnostics;
using System.Text;
using AttackClassifier.Normalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Normalization;

/// <summary>Megabyte lines built to trip quadratic rescans or deep recursion: exact results, and a wall-clock bound that
/// only guards against a hang (the work is linear; see the CommandNormalizer remarks).</summary>
public class HostileInputTests
{
    private const int Megabyte = 1 << 20;

    private static NormalizedCommand Timed(string line)
    {
        var watch = Stopwatch.StartNew();
        NormalizedCommand n = CommandNormalizer.Normalize(line);
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed} — a hang, not a slow machine");
        return n;
    }

    private static string Repeat(string unit, int totalLength) => new StringBuilder(totalLength).Insert(0, unit, totalLength / unit.Length).ToString();

    [Theory]
    [InlineData("$(")]        // 512 Ki nested substitutions, never closed
    [InlineData("'")]         // 512 Ki empty single-quoted strings
    [InlineData("\"")]
    [InlineData("`")]
    [InlineData("${")]
    [InlineData("$'")]
    [InlineData("\\")]        // every character escaped
    [InlineData("^")]
    [InlineData("@'\n")]      // a here-string opened, then text; closing lines never come
    [InlineData("<(")]
    [InlineData("a")]
    public void A_megabyte_without_a_top_level_separator_is_one_statement(string unit)
    {
        string line = Repeat(unit, Megabyte);
        NormalizedCommand n = Timed(line);
        string trimmed = line.Trim();
        Assert.Equal(new CommandStatement(trimmed, line.IndexOf(trimmed, StringComparison.Ordinal), trimmed.Length), Assert.Single(n.Statements));
        Assert.Empty(n.Decoded);
        Assert.Equal(new[] { line }, n.Segments);
    }

    [Theory]
    [InlineData(";")]
    [InlineData("&")]
    [InlineData("|")]
    [InlineData("&&")]
    [InlineData("||")]
    [InlineData("\n")]
    [InlineData(" ; ")]
    public void A_megabyte_of_separators_has_no_statements(string unit)
    {
        NormalizedCommand n = Timed(Repeat(unit, Megabyte));
        Assert.Empty(n.Statements);
        Assert.Empty(n.Decoded);
        Assert.Single(n.Segments);
    }

    [Fact]
    public void A_megabyte_of_short_statements_is_split_exactly()
    {
        string line = Repeat("id;", Megabyte);
        NormalizedCommand n = Timed(line);
        Assert.Equal(Megabyte / 3, n.Statements.Count);
        Assert.All(n.Statements.Select((s, k) => (s, k)), x => Assert.Equal(new CommandStatement("id", 3 * x.k, 2), x.s));
        Assert.Equal(1 + Megabyte / 3, n.Segments.Count);
    }

    [Fact]
    public void Substitutions_nested_100k_deep_close_and_the_next_statement_splits()
    {
        const int depth = 100_000;
        string first = "echo " + string.Concat(Enumerable.Repeat("$(", depth)) + "id; ls" + new string(')', depth);
        NormalizedCommand n = Timed(first + " ; whoami");
        Assert.Equal(new[] { new CommandStatement(first, 0, first.Length), new CommandStatement("whoami", first.Length + 3, 6) }, n.Statements);
    }

    [Fact]
    public void A_megabyte_encoded_command_is_over_the_cap_and_left_alone()
    {
        // 1 MiB of Base64 decodes to 384 Ki UTF-16 characters, beyond 64 KiB: rejected before decoding.
        string line = "powershell -enc " + Repeat("SQBFAFgA", Megabyte);
        NormalizedCommand n = Timed(line);
        Assert.Equal(line, Assert.Single(n.Statements).Text);
        Assert.Empty(n.Decoded);
    }

    [Fact]
    public void A_megabyte_of_base64_characters_after_base64_decode_is_left_alone()
    {
        Assert.Empty(Timed("echo " + Repeat("QUFB", Megabyte) + " | base64 -d").Decoded);   // "AAA…", 768 KiB of text
        Assert.Empty(Timed("powershell -enc " + Repeat("A", Megabyte + 1)).Decoded);          // invalid length
    }

    [Fact]
    public void A_megabyte_of_hex_escapes_is_over_the_cap_and_left_alone_and_a_fitting_one_is_decoded()
    {
        Assert.Empty(Timed("printf '" + Repeat("\\x41", Megabyte) + "'").Decoded);
        string fits = "printf '" + Repeat("\\x41", 4 * 65536) + "'";
        Assert.Equal(new string('A', 65536), Assert.Single(Timed(fits).Decoded).Text);
    }

    [Fact]
    public void A_megabyte_of_quoted_windows_paths_is_cleaned_exactly()
    {
        string line = Repeat("\"C:\\", Megabyte);
        Assert.Equal(line.Replace("\"", ""), Timed(line).Segments[0]);
        string unpaired = "\"" + Repeat("'C:\\x ", Megabyte);   // one double quote with no partner, then paired single quotes
        Assert.Equal(unpaired.Replace("'", ""), Timed(unpaired).Segments[0]);
    }

    [Fact]
    public void A_megabyte_of_payloads_stops_at_the_cap()
    {
        // 13-character decoded texts: 5041 fit in 65536; the rest are dropped, and the scan still ends in linear time.
        string unit = "echo " + Convert.ToBase64String(Encoding.UTF8.GetBytes("cat /etc/pass")) + "|base64 -d;";
        NormalizedCommand n = Timed(Repeat(unit, Megabyte));
        Assert.Equal(65536 / 13, n.Decoded.Count);
        Assert.All(n.Decoded, d => Assert.Equal("cat /etc/pass", d.Text));
    }

    private static readonly string[] Fragments =
    [
        "echo ", "printf ", "base64", " -d", " --decode", " <<< ", " | ", "|", ";", "&", "\"", "'", "$(", ")", "`", "powershell", " -enc ",
        " -e ", " /ec ", "aWQ=", "aWQ", "d2hvYW1p", "dwBoAG8AYQBtAGkA", "ZWNobyBhV1E9IHwgYmFzZTY0IC1k", "\\x69\\x64", "\\x", "$'", "C:\\", "\n",
        " ", "==", "AAAA", "@'\n", "\n'@", "cmd /c ", "^",
    ];

    [Property(MaxTest = 2000)]
    public Property Any_mix_of_payload_fragments_normalises_consistently() =>
        Prop.ForAll(StatementSplittingTests.Lines(Fragments), line =>
        {
            NormalizedCommand n = CommandNormalizer.Normalize(line, new CommandNormalizerOptions { MaxDecodedChars = 40 });
            StatementSplittingTests.AssertStatementsIndex(line, n.Statements);
            Assert.True(n.Decoded.Sum(d => d.Text.Length) <= 40);
            int segments = 1 + (n.Statements.Count > 1 ? n.Statements.Count : 0);
            for (int k = 0; k < n.Decoded.Count; k++)
            {
                DecodedText d = n.Decoded[k];
                StatementSplittingTests.AssertStatementsIndex(d.Text, d.Statements);
                Assert.InRange(d.Depth, 1, 3);
                Assert.InRange(d.ParentIndex, -1, k - 1);
                Assert.Equal(d.ParentIndex < 0 ? 1 : n.Decoded[d.ParentIndex].Depth + 1, d.Depth);
                Assert.InRange(d.StatementIndex, 0, (d.ParentIndex < 0 ? n.Statements.Count : n.Decoded[d.ParentIndex].Statements.Count) - 1);
                if (k > 0) Assert.True(n.Decoded[k - 1].Depth <= d.Depth, "breadth first");
                segments += 1 + (d.Statements.Count > 1 ? d.Statements.Count : 0);
            }
            Assert.Equal(segments, n.Segments.Count);
        });
}
