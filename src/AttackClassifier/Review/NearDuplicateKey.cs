using System.Text.RegularExpressions;
using AttackClassifier.Normalization;

namespace AttackClassifier.Review;

/// <summary>
/// The key under which <see cref="ReviewQueue"/> collapses near-duplicate commands: two commands with the same key are one
/// queue row, counted as occurrences. The key is the command's cleaned form (quotes around Windows paths removed, as
/// <see cref="CommandNormalizer"/> cleans its segments; runs of white space as one space) with the parts that vary from run
/// to run replaced by placeholders, in this order:
/// <code>
/// name under a temp folder             → &lt;name&gt;    /tmp/x8Yz, /var/tmp/…, /dev/shm/…, \Temp\…, mktemp's tmp.XXXXXXXX
/// user name in a home folder           → &lt;user&gt;    /home/alice, C:\Users\bob
/// GUID / UUID                          → &lt;hex&gt;     0f8fad5b-d9cb-469f-a165-70867728950e
/// IPv4 address                         → &lt;ip&gt;      10.0.0.5 (a port or prefix after it is a number)
/// 0x… literal, or ≥ 8 hex digits with
///   at least one decimal digit         → &lt;hex&gt;     0x7ffe, 3f2a9c01d4e5
/// run of decimal digits                → &lt;n&gt;       PIDs, ports, sizes, counters
/// </code>
/// Letters are kept as written (Linux commands are case-sensitive); a name that is random but has no digit and is not in a
/// temp or home folder stays distinct (telling it from a word would need a dictionary).
/// </summary>
internal static partial class NearDuplicateKey
{
    /// <summary>The near-duplicate key of <paramref name="commandLine"/> (see the class summary for every rule).</summary>
    internal static string Of(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        string s = WhiteSpace().Replace(WindowsPathQuotes.Strip(commandLine), " ").Trim();
        s = TempName().Replace(s, "${dir}<name>");
        s = MktempName().Replace(s, "tmp.<name>");
        s = HomeUser().Replace(s, "${dir}<user>");
        s = Guid().Replace(s, "<hex>");
        s = Ipv4().Replace(s, "<ip>");
        s = HexLiteral().Replace(s, "<hex>");
        s = LongHex().Replace(s, "<hex>");
        return Digits().Replace(s, "<n>");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]*\d)")]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"\b0[xX][0-9A-Fa-f]+\b")]
    private static partial Regex HexLiteral();

    // At least 8 hex digits and at least one decimal digit among them, so words such as "deadbeef" or "facade" stay words.
    [GeneratedRegex(@"\b(?=[0-9A-Fa-f]*\d)[0-9A-Fa-f]{8,}\b")]
    private static partial Regex LongHex();

    [GeneratedRegex(@"(?<dir>(?:/tmp|/var/tmp|/dev/shm)/|\\(?:Temp|Tmp)\\)[^/\\\s""';|&<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex TempName();

    [GeneratedRegex(@"\btmp\.[A-Za-z0-9]{6,}\b")]
    private static partial Regex MktempName();

    [GeneratedRegex(@"(?<dir>/home/|/Users/|\\Users\\)(?!<)[^/\\\s""';|&<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex HomeUser();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
