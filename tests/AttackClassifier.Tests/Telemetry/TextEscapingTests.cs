using AttackClassifier.Telemetry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Telemetry;

public class TextEscapingTests
{
    [Theory]
    [InlineData("cat /etc/passwd", "cat /etc/passwd")]
    [InlineData("a\nb\r\tc", @"a\nb\r\tc")]
    [InlineData(@"C:\Windows\x", @"C:\\Windows\\x")]
    [InlineData("\u001b[2J\u001b]0;pwned\u0007", @"\x1b[2J\x1b]0;pwned\x07")]
    [InlineData("\u0000\u007f\u0080\u0085\u009f", @"\x00\x7f\x80\x85\x9f")]
    [InlineData("evil\u202Etxt.exe", @"evil\u202etxt.exe")]
    [InlineData("\u2028\u2029\u200e\u200f\u061c\u202a\u2066\u2069", @"\u2028\u2029\u200e\u200f\u061c\u202a\u2066\u2069")]
    [InlineData("café 😀 Ω", "café 😀 Ω")]
    public void Known_escapes(string text, string escaped)
    {
        Assert.Equal(escaped, TextEscaping.EscapeForText(text));
        Assert.Equal(text, TextEscaping.Unescape(escaped));
    }

    [Fact]
    public void Lone_surrogates_are_escaped_because_they_would_not_survive_utf8_output()
    {
        // (Not InlineData: xunit turns lone surrogates in attribute strings into U+FFFD.)
        string text = "x\ud800y\udc00\U0001F600";
        Assert.Equal(@"x\ud800y\udc00" + "\U0001F600", TextEscaping.EscapeForText(text));
        Assert.Equal(text, TextEscaping.Unescape(TextEscaping.EscapeForText(text)));
    }

    [Fact]
    public void Clean_text_is_returned_as_is()
    {
        string text = string.Concat("ls -la ", "/tmp café 😀");
        Assert.Same(text, TextEscaping.EscapeForText(text));
    }

    [Theory]
    [InlineData(@"a\")]
    [InlineData(@"\q")]
    [InlineData(@"\x1")]
    [InlineData(@"\u20zz")]
    public void Unescape_rejects_what_escape_never_writes(string text) => Assert.Throws<FormatException>(() => TextEscaping.Unescape(text));

    // Any UTF-16 string: arbitrary code units (lone surrogates included) mixed with the characters that matter.
    private static readonly Gen<string> AnyString =
        Gen.OneOf(
                Gen.Choose(0, 0xFFFF).Select(c => (char)c),
                Gen.Elements('\n', '\r', '\t', '\\', '\u001b', '\u007f', '\u0085', '\u2028', '\u202e', '\u2066', '\u200f', '\u061c', 'x', 'x', 'x', 'x'),
                Gen.Elements('\ud83d', '\ude00'))
            .ArrayOf().Select(c => new string(c));

    private static bool Forbidden(char c) =>
        c is '\n' or '\r' or '\t' or '\u2028' or '\u2029' or '\u061c' or '\u200e' or '\u200f'
        || c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';

    [Property(MaxTest = 1000)]
    public Property Escaped_text_is_one_safe_line_and_unescapes_to_the_original()
    {
        return Prop.ForAll(AnyString.ToArbitrary(), s =>
        {
            string escaped = TextEscaping.EscapeForText(s);
            Assert.DoesNotContain(escaped, Forbidden);
            for (int i = 0; i < escaped.Length; i++)   // only whole surrogate pairs remain
            {
                if (char.IsHighSurrogate(escaped[i])) Assert.True(i + 1 < escaped.Length && char.IsLowSurrogate(escaped[++i]));
                else Assert.False(char.IsLowSurrogate(escaped[i]));
            }
            Assert.Equal(s, TextEscaping.Unescape(escaped));
        });
    }
}
