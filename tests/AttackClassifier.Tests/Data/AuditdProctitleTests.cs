using System.Text;
using AttackClassifier.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Data;

public class AuditdProctitleTests
{
    private static string Hex(params string[] argv) => Convert.ToHexString(Encoding.UTF8.GetBytes(string.Join('\0', argv)));

    [Fact]
    public void Hex_argv_is_joined_with_spaces()
    {
        string line = $"type=PROCTITLE msg=audit(1700000000.123:456): proctitle={Hex("/bin/bash", "-c", "cat /etc/shadow")}";
        Assert.True(AuditdProctitle.TryDecodeRecord(line, out string command));
        Assert.Equal("/bin/bash -c cat /etc/shadow", command);
    }

    [Fact]
    public void Quoted_value_and_node_prefix_are_accepted()
    {
        Assert.True(AuditdProctitle.TryDecodeRecord("node=web01 type=PROCTITLE msg=audit(1700000000.1:7): proctitle=\"whoami\"", out string command));
        Assert.Equal("whoami", command);
    }

    [Fact]
    public void Interpreted_text_from_ausearch_runs_to_the_end_of_the_line()
    {
        Assert.True(AuditdProctitle.TryDecodeRecord("type=PROCTITLE msg=audit(11/28/2026 10:00:00.123:456) : proctitle=nmap -sV 10.0.0.0/24", out string command));
        Assert.Equal("nmap -sV 10.0.0.0/24", command);
    }

    [Theory]
    [InlineData("df")]
    [InlineData("cc")]
    [InlineData("abc")]
    public void Interpreted_commands_that_look_like_hex_stay_text(string command)
    {
        Assert.True(AuditdProctitle.TryDecodeRecord($"type=PROCTITLE msg=audit(11/28/2026 10:00:00.123:456) : proctitle={command}", out string decoded));
        Assert.Equal(command, decoded);
    }

    [Theory]
    [InlineData("type=SYSCALL msg=audit(1700000000.123:456): arch=c000003e syscall=59 success=yes exe=\"/usr/bin/id\"")]
    [InlineData("type=EXECVE msg=audit(1700000000.123:456): argc=1 a0=\"id\"")]
    [InlineData("uname -a")]
    [InlineData("")]
    public void Other_records_are_skipped(string line) => Assert.False(AuditdProctitle.TryDecodeRecord(line, out _));

    [Theory]
    [InlineData("type=PROCTITLE msg=audit(1.1:1): proctitle=2F62696", "odd number")]
    [InlineData("type=PROCTITLE msg=audit(1.1:1): proctitle=\"unclosed", "not closed")]
    [InlineData("type=PROCTITLE msg=audit(1.1:1): no_field=1", "without a proctitle")]
    public void Malformed_proctitle_records_fail_clearly(string line, string problem) =>
        Assert.Contains(problem, Assert.Throws<FormatException>(() => AuditdProctitle.TryDecodeRecord(line, out _)).Message);

    [Property(MaxTest = 300)]
    public Property Hex_encoding_of_any_argv_decodes_to_the_space_joined_arguments()
    {
        var argument = Gen.Elements("ls", "-la", "/tmp/x y", "é", "$HOME", "\"q\"", "'", "10.0.0.1").ArrayOf().Select(string.Concat).Where(s => s.Length > 0);
        return Prop.ForAll(argument.NonEmptyListOf().ToArbitrary(), argv =>
        {
            string line = $"type=PROCTITLE msg=audit(1700000000.123:456): proctitle={Hex([.. argv])}";
            Assert.True(AuditdProctitle.TryDecodeRecord(line, out string command));
            Assert.Equal(string.Join(' ', argv), command);
        });
    }
}
