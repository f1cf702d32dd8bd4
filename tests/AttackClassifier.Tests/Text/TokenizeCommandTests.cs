using System.CommandLine;
using System.Text.Json;
using AttackClassifier.Cli.Commands;

namespace AttackClassifier.Tests.Text;

public class TokenizeCommandTests
{
    [Fact]
    public void Json_output_is_one_object_with_tokens_and_ngrams()
    {
        var output = new StringWriter();
        Assert.Equal(0, TokenizeCommand.Run("ssh user@10.35.108.10:22", json: true, TextReader.Null, output));
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using var doc = JsonDocument.Parse(lines[0]);
        Assert.Equal(new[] { "ssh", "user", "10.35.108.10", "22" }, doc.RootElement.GetProperty("tokens").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "ssh", "user", "10.35.108.10", "22", "ssh user", "user 10.35.108.10", "10.35.108.10 22" },
            doc.RootElement.GetProperty("ngrams").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Without_a_command_each_stdin_line_gives_one_object()
    {
        var output = new StringWriter();
        TokenizeCommand.Run(null, json: true, new StringReader("cat /etc/passwd\n\nC:\\Windows\\x.exe -Enc AAA\n"), output);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var last = JsonDocument.Parse(lines[2]);
        Assert.Equal(new[] { "c:\\windows\\x.exe", "-enc", "aaa" }, last.RootElement.GetProperty("tokens").EnumerateArray().Select(e => e.GetString()));
        using var empty = JsonDocument.Parse(lines[1]);
        Assert.Equal(0, empty.RootElement.GetProperty("tokens").GetArrayLength());
    }

    [Fact]
    public void Text_output_is_tab_separated_and_the_command_parses_its_arguments()
    {
        var output = new StringWriter();
        var root = new RootCommand { TokenizeCommand.Create() };
        int exit = root.Parse(["tokenize", "ls -la /tmp"]).Invoke(new InvocationConfiguration { Output = output });
        Assert.Equal(0, exit);
        Assert.Equal("tokens:\tls\t-la\t/tmp\nngrams:\tls\t-la\t/tmp\tls -la\t-la /tmp\n", output.ToString().ReplaceLineEndings("\n"));
    }
}
