using System.Text;
using System.Text.Json;

namespace AttackClassifier.Tests.Cli;

/// <summary><c>tokenize</c> shows what the command normaliser makes of a line: statements, decoded payloads, segments.</summary>
public class TokenizeNormalizationTests
{
    private static JsonElement Json(string command)
    {
        var (exit, output, error) = CliRunner.Run("tokenize", command, "--json");
        Assert.True(exit == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var doc = JsonDocument.Parse(Assert.Single(lines));
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Json_lists_statements_with_offsets_decoded_payloads_and_segments()
    {
        string payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("id; whoami"));
        string line = $"echo {payload} | base64 -d | sh";
        JsonElement root = Json(line);

        var statements = root.GetProperty("statements").EnumerateArray()
            .Select(s => (s.GetProperty("text").GetString()!, s.GetProperty("start").GetInt32(), s.GetProperty("length").GetInt32())).ToArray();
        Assert.Equal(new[] { ($"echo {payload}", 0, 5 + payload.Length), ("base64 -d", 8 + payload.Length, 9), ("sh", 20 + payload.Length, 2) }, statements);
        Assert.All(statements, s => Assert.Equal(s.Item1, line.Substring(s.Item2, s.Item3)));

        JsonElement decoded = Assert.Single(root.GetProperty("decoded").EnumerateArray().ToArray());
        Assert.Equal("Base64", decoded.GetProperty("kind").GetString());
        Assert.Equal(1, decoded.GetProperty("depth").GetInt32());
        Assert.Equal("id; whoami", decoded.GetProperty("text").GetString());
        Assert.Equal(-1, decoded.GetProperty("parent").GetInt32());
        Assert.Equal(0, decoded.GetProperty("statement").GetInt32());

        Assert.Equal(new[] { line, $"echo {payload}", "base64 -d", "sh", "id; whoami", "id", "whoami" },
            root.GetProperty("segments").EnumerateArray().Select(e => e.GetString()));
        // tokens and n-grams are still those of the raw line.
        Assert.Equal(new[] { "echo", payload.ToLowerInvariant().TrimEnd('='), "base64", "-d", "sh" },
            root.GetProperty("tokens").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Json_shows_powershell_decoding_and_windows_path_cleaning()
    {
        string payload = Convert.ToBase64String(Encoding.Unicode.GetBytes("Get-Process"));
        JsonElement root = Json($"\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -enc {payload}");
        JsonElement decoded = Assert.Single(root.GetProperty("decoded").EnumerateArray().ToArray());
        Assert.Equal(("PowerShellEncoded", "Get-Process"), (decoded.GetProperty("kind").GetString(), decoded.GetProperty("text").GetString()));
        Assert.Equal(new[] { $"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -enc {payload}", "Get-Process" },
            root.GetProperty("segments").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_plain_command_has_one_statement_no_decoded_text_and_one_segment()
    {
        JsonElement root = Json("ls -la /tmp");
        JsonElement statement = Assert.Single(root.GetProperty("statements").EnumerateArray().ToArray());
        Assert.Equal(("ls -la /tmp", 0, 11), (statement.GetProperty("text").GetString(), statement.GetProperty("start").GetInt32(), statement.GetProperty("length").GetInt32()));
        Assert.Equal(0, root.GetProperty("decoded").GetArrayLength());
        Assert.Equal(new[] { "ls -la /tmp" }, root.GetProperty("segments").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Text_output_adds_statement_and_decoded_lines_only_when_there_are_some()
    {
        var (exit, output, _) = CliRunner.Run("tokenize", "printf '\\x69\\x64\\x0a\\x6c\\x73' | sh; whoami");
        Assert.Equal(0, exit);
        string[] lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("tokens:\t", lines[0]);
        Assert.StartsWith("ngrams:\t", lines[1]);
        Assert.Equal("statements:\tprintf '\\x69\\x64\\x0a\\x6c\\x73'\tsh\twhoami", lines[2]);
        Assert.Equal("decoded:\tHexEscape\t1\tid\\nls", lines[3]);   // the decoded newline is shown escaped

        var (_, plain, _) = CliRunner.Run("tokenize", "ls -la /tmp");
        Assert.Equal(2, plain.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
