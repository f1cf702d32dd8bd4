using AttackClassifier.Normalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Normalization;

public class StatementSplittingTests
{
    private static string[] Split(string line) => CommandNormalizer.Normalize(line).Statements.Select(s => s.Text).ToArray();

    public static TheoryData<string, string[]> Posix => new()
    {
        { "cat /etc/passwd; whoami", ["cat /etc/passwd", "whoami"] },
        { "a && b || c | d & e", ["a", "b", "c", "d", "e"] },
        { "a|&b", ["a", "b"] },                                          // bash: pipe stdout and stderr
        { "sleep 10 &", ["sleep 10"] },                                  // backgrounding; the empty rest is dropped
        { "ls 2>&1 | grep x", ["ls 2>&1", "grep x"] },                   // >& is a redirection
        { "ls &>/dev/null; id", ["ls &>/dev/null", "id"] },              // so is &>
        { "ls &>>log && id", ["ls &>>log", "id"] },
        { "cat <&3 ; id", ["cat <&3", "id"] },
        { "echo x >| f; id", ["echo x >| f", "id"] },                    // >| is clobber, not a pipe
        { "a\nb\r\nc", ["a", "b", "c"] },                                // newlines separate; \r is trimmed
        { ";;; ;  & ", [] },
        { "   ", [] },
        { "", [] },
        { "echo 'a; b && c' ; d", ["echo 'a; b && c'", "d"] },
        { "echo \"a; b\" | sh", ["echo \"a; b\"", "sh"] },
        { "echo \"a\\\"; b\"; c", ["echo \"a\\\"; b\"", "c"] },          // \" inside double quotes
        { "echo 'a\\'; b", ["echo 'a\\'", "b"] },                        // no escapes inside single quotes
        { "echo $'it\\'s; x'; y", ["echo $'it\\'s; x'", "y"] },          // ANSI-C quoting honours \'
        { "echo \\; a; b", ["echo \\; a", "b"] },                        // escaped separator
        { "echo a \\\nb; c", ["echo a \\\nb", "c"] },                    // backslash-newline continues the line
        { "echo $(id; whoami) | sh", ["echo $(id; whoami)", "sh"] },
        { "echo $(echo $(id; ls) ; pwd) ; x", ["echo $(echo $(id; ls) ; pwd)", "x"] },
        { "echo \"x $(id; echo \")\" ; ls) y\"; z", ["echo \"x $(id; echo \")\" ; ls) y\"", "z"] },   // quotes inside $( ) inside quotes
        { "echo $((1+2)); x", ["echo $((1+2))", "x"] },                  // arithmetic: ( ) counted inside $( )
        { "echo $( (a; b) | c ); d", ["echo $( (a; b) | c )", "d"] },
        { "echo `id; ls` ; c", ["echo `id; ls`", "c"] },
        { "echo `a \\` ; b` ; c", ["echo `a \\` ; b`", "c"] },           // \` inside backticks
        { "echo \"`id; ls`\"; c", ["echo \"`id; ls`\"", "c"] },
        { "echo ${x:-a;b}; c", ["echo ${x:-a;b}", "c"] },
        { "diff <(ls a; ls b) >(tee x; y); z", ["diff <(ls a; ls b) >(tee x; y)", "z"] },
        { "(a; b) && c", ["(a", "b)", "c"] },                            // plain grouping is not tracked (documented)
        { "echo 'unclosed; x", ["echo 'unclosed; x"] },                  // runs to the end
        { "echo $(unclosed; x", ["echo $(unclosed; x"] },
        { "echo @'\nx; y\n'@; z", ["echo @'\nx; y\n'@", "z"] },          // here-string recognised in POSIX text too
    };

    [Theory]
    [MemberData(nameof(Posix))]
    public void Posix_lines_split_at_top_level_separators_only(string line, string[] expected) => Assert.Equal(expected, Split(line));

    public static TheoryData<string, string[]> Cmd => new()
    {
        { "cmd /c whoami & net user && dir || echo x | find \"y\"", ["cmd /c whoami", "net user", "dir", "echo x", "find \"y\""] },
        { "cmd /c echo a^&b & whoami", ["cmd /c echo a^&b", "whoami"] },                // ^ escapes in cmd
        { "cmd /c echo ^\nx & y", ["cmd /c echo ^\nx", "y"] },                          // caret-newline continues
        { "cmd.exe /c \"whoami & net user\"", ["cmd.exe /c \"whoami & net user\""] },  // a quoted argument is one statement
        { "cmd /c \"a ^\" & b", ["cmd /c \"a ^\"", "b"] },                              // no escape inside quotes
        { "cmd /c echo it's & whoami", ["cmd /c echo it's", "whoami"] },                // ' is not a quote in cmd
        { "cmd /c echo a; b", ["cmd /c echo a; b"] },                                   // ; separates nothing in cmd
        { "cmd /c dir C:\\ & whoami", ["cmd /c dir C:\\", "whoami"] },                  // \ is not an escape in cmd
        { "cmd /c type \"C:\\temp\\\" & whoami", ["cmd /c type \"C:\\temp\\\"", "whoami"] },
        { "cmd /c type x 2>&1 | findstr y", ["cmd /c type x 2>&1", "findstr y"] },
        { "C:\\Windows\\System32\\net.exe user & echo $(x & y)", ["C:\\Windows\\System32\\net.exe user", "echo $(x", "y)"] },   // no $( ) in cmd
        { "\"C:\\Program Files\\x.exe\" -a & whoami", ["\"C:\\Program Files\\x.exe\" -a", "whoami"] },
    };

    [Theory]
    [MemberData(nameof(Cmd))]
    public void Cmd_lines_follow_cmd_exe_quoting_and_caret_escapes(string line, string[] expected) => Assert.Equal(expected, Split(line));

    public static TheoryData<string, string[]> PowerShell => new()
    {
        { "powershell -c Get-Process; whoami", ["powershell -c Get-Process", "whoami"] },
        { "& \"C:\\x.exe\" -a; whoami", ["& \"C:\\x.exe\" -a", "whoami"] },          // a lone & is the call operator
        { "Get-Item x && Remove-Item y || z | Out-Null", ["Get-Item x", "Remove-Item y", "z", "Out-Null"] },
        { "Write-Host \"a`\"; b\"; c", ["Write-Host \"a`\"; b\"", "c"] },              // backtick escapes inside "…"
        { "Write-Host a`; b", ["Write-Host a`; b"] },                                   // and outside
        { "$x = 'it''s; ok'; y", ["$x = 'it''s; ok'", "y"] },
        { "$x = \"a\\\"; b", ["$x = \"a\\\"", "b"] },                                  // \ is no escape in PowerShell
        { "$x = $(Get-Date; ls); y", ["$x = $(Get-Date; ls)", "y"] },
        { "$a = @(1; 2) | % { $_ }", ["$a = @(1; 2)", "% { $_ }"] },
        { "$s = @'\na; b | c\n'@; whoami", ["$s = @'\na; b | c\n'@", "whoami"] },        // here-strings are never split
        { "$s = @\"\na; $(b)\n\"@ | iex", ["$s = @\"\na; $(b)\n\"@", "iex"] },
        { "$s = @'  \r\na; b\r\n'@; c", ["$s = @'  \r\na; b\r\n'@", "c"] },             // blanks after @', CRLF lines
        { "$s = @'\na '@; b\n'@; c", ["$s = @'\na '@; b\n'@", "c"] },                    // '@ closes only at a line start
        { "$s = @'\nnever closed; x", ["$s = @'\nnever closed; x"] },
        { "$a = @'x'; b", ["$a = @'x'", "b"] },                                        // @' not followed by a newline: a plain quote
    };

    [Theory]
    [MemberData(nameof(PowerShell))]
    public void PowerShell_lines_follow_powershell_quoting(string line, string[] expected) => Assert.Equal(expected, Split(line));

    [Theory]
    [InlineData("ls -la", nameof(ShellDialect.Posix))]
    [InlineData("apt-get install x", nameof(ShellDialect.Posix))]
    [InlineData("$HOME/bin/x -a", nameof(ShellDialect.Posix))]
    [InlineData("[ -f /etc/shadow ] && cat /etc/shadow", nameof(ShellDialect.Posix))]
    [InlineData("[[ -n $x ]]", nameof(ShellDialect.Posix))]
    [InlineData("cmd /c x", nameof(ShellDialect.Cmd))]
    [InlineData("  C:\\Windows\\System32\\CMD.EXE /c x", nameof(ShellDialect.Cmd))]
    [InlineData("\"C:\\Program Files\\x.exe\" -a", nameof(ShellDialect.Cmd))]
    [InlineData("net.exe user", nameof(ShellDialect.Cmd))]
    [InlineData("\\\\srv\\share\\a b", nameof(ShellDialect.Cmd))]
    [InlineData("%APPDATA%\\x -a", nameof(ShellDialect.Cmd))]
    [InlineData("powershell -c x", nameof(ShellDialect.PowerShell))]
    [InlineData("\"C:\\Program Files\\PowerShell\\7\\pwsh.exe\" -c x", nameof(ShellDialect.PowerShell))]
    [InlineData("Invoke-WebRequest http://x", nameof(ShellDialect.PowerShell))]
    [InlineData("[Convert]::FromBase64String($x)", nameof(ShellDialect.PowerShell))]
    [InlineData("$x = 1", nameof(ShellDialect.PowerShell))]
    [InlineData("$x=1", nameof(ShellDialect.PowerShell))]
    [InlineData("$env:TEMP\\x.exe", nameof(ShellDialect.PowerShell))]
    [InlineData("& $cmd", nameof(ShellDialect.PowerShell))]
    public void The_dialect_is_guessed_from_the_first_word(string line, string expected) => Assert.Equal(Enum.Parse<ShellDialect>(expected), ShellDialects.Detect(line));

    [Fact]
    public void Statements_keep_their_offsets_in_the_original_line()
    {
        const string line = "  cat /etc/passwd ;\twhoami  && id";
        Assert.Equal(
            new[] { new CommandStatement("cat /etc/passwd", 2, 15), new CommandStatement("whoami", 20, 6), new CommandStatement("id", 31, 2) },
            CommandNormalizer.Normalize(line).Statements);
    }

    private static readonly string[] Fragments =
    [
        "a", "ls", "echo", "-la", "/tmp", " ", "  ", "\t", "\n", "\r\n", ";", "&", "&&", "|", "||", "|&", ">", "<", "2>&1", "&>",
        "'", "\"", "`", "\\", "^", "$(", "$((", "(", ")", "${", "{", "}", "$'", "<(", "@(", "@'\n", "\n'@", "@\"\n", "\n\"@", "cmd /c ",
        "powershell ", "$x = ", "C:\\", "é", "\0",
    ];

    internal static Arbitrary<string> Lines(IEnumerable<string> fragments) =>
        Gen.Elements(fragments.ToArray()).ArrayOf().Select(parts => string.Concat(parts.Take(30))).ToArbitrary();

    [Property(MaxTest = 3000)]
    public Property Every_statement_is_the_trimmed_substring_of_the_original_at_its_offset() =>
        Prop.ForAll(Lines(Fragments), line =>
        {
            NormalizedCommand n = CommandNormalizer.Normalize(line);
            AssertStatementsIndex(line, n.Statements);
            foreach (DecodedText d in n.Decoded) AssertStatementsIndex(d.Text, d.Statements);
        });

    internal static void AssertStatementsIndex(string source, IReadOnlyList<CommandStatement> statements)
    {
        int end = 0;
        foreach (CommandStatement s in statements)
        {
            Assert.True(s.Length > 0 && s.Start >= end, $"statements overlap or are empty at {s.Start}");
            Assert.Equal(source.Substring(s.Start, s.Length), s.Text);
            Assert.False(char.IsWhiteSpace(s.Text[0]) || char.IsWhiteSpace(s.Text[^1]), $"'{s.Text}' is not trimmed");
            end = s.Start + s.Length;
        }
    }

    [Property(MaxTest = 3000)]
    public Property A_line_without_separators_is_exactly_its_trimmed_self() =>
        Prop.ForAll(Lines(Fragments.Where(f => f.IndexOfAny([';', '&', '|', '\n']) < 0)), line =>
        {
            string trimmed = line.Trim();
            IReadOnlyList<CommandStatement> statements = CommandNormalizer.Normalize(line).Statements;
            if (trimmed.Length == 0) Assert.Empty(statements);
            else Assert.Equal(new CommandStatement(trimmed, line.IndexOf(trimmed, StringComparison.Ordinal), trimmed.Length), Assert.Single(statements));
        });
}
