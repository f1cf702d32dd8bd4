using System.Text.Json;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Tests.Telemetry;

public class CommandTextTests
{
    [Theory]
    [InlineData(new[] { "ls", "-la" }, "ls -la")]
    [InlineData(new[] { "echo", "" }, "echo ''")]
    [InlineData(new[] { "sh", "-c", "a b" }, "sh -c 'a b'")]
    [InlineData(new[] { "echo", "it's" }, "echo 'it'\"'\"'s'")]
    [InlineData(new[] { "curl", "http://x/a?b=1&c=2" }, "curl 'http://x/a?b=1&c=2'")]
    [InlineData(new[] { "cp", "a_b@c%d+e=f:g,h./-", "$HOME", "é" }, "cp a_b@c%d+e=f:g,h./- '$HOME' 'é'")]   // shlex.quote's safe set is ASCII
    public void Shell_join_matches_python_shlex_join(string[] argv, string expected) => Assert.Equal(expected, CommandText.ShellJoin(argv));

    [Theory]
    [InlineData("abcdef", 3, "abc", true)]
    [InlineData("abc", 3, "abc", false)]
    [InlineData("ab\U0001F600", 3, "ab", true)]
    [InlineData("\U0001F600", 1, "", true)]
    public void Cut_never_splits_a_surrogate_pair(string text, int max, string expected, bool truncated)
    {
        Assert.Equal(expected, CommandText.Cut(text, max, out bool cut));
        Assert.Equal(truncated, cut);
    }
}

public class JsonFieldPathTests
{
    [Theory]
    [InlineData("""{"a":{"b":{"c":"nested"}}}""", "nested")]
    [InlineData("""{"a.b.c":"flat"}""", "flat")]
    [InlineData("""{"a":{"b.c":"mixed"}}""", "mixed")]
    [InlineData("""{"a.b":{"c":"mixed2"}}""", "mixed2")]
    [InlineData("""{"a.b":{"x":1},"a":{"b":{"c":"backtracks"}}}""", "backtracks")]
    [InlineData("""{"a":{"b":{"c":"first"},"b":{"c":"last"}}}""", "last")]
    public void Paths_resolve_nested_dotted_and_mixed_keys(string json, string expected)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.True(JsonFieldPath.TryResolve(document.RootElement, JsonFieldPath.Split("a.b.c"), out JsonElement value));
        Assert.Equal(expected, value.GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".a")]
    [InlineData("a..b")]
    [InlineData("a.")]
    public void Empty_segments_are_rejected(string path) => Assert.ThrowsAny<ArgumentException>(() => JsonFieldPath.Split(path));
}
