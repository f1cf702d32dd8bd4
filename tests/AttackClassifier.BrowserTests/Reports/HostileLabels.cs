using System.Globalization;
using System.Text;

namespace AttackClassifier.BrowserTests.Reports;

/// <summary>
/// A generated dataset that stresses the report's layout and escaping: 40 classes whose labels are 80 characters long and full
/// of markup (<c>&lt;script&gt;</c>, <c>&amp;</c>, quotes, <c>]]&gt;</c>, <c>&lt;/svg&gt;</c>), in the sample data's schema. Each class has
/// its own vocabulary plus words shared with its neighbour, so the models confuse some pairs and the heatmaps have off-diagonal cells.
/// </summary>
internal static class HostileLabels
{
    internal const int Classes = 40, LabelLength = 80, RowsPerClass = 10;

    private static readonly string[] Markup =
    [
        "<script>alert(\"x\")</script>", "Tom & Jerry's \"quoted\" <b>bold</b>", "</svg></figure><p>escape", "]]> <!-- comment --> &amp; &lt;",
        "a > b && c < d || 'e'", "<img src=x onerror=alert(1)>", "path C:\\Windows\\System32\\ & /etc/passwd", "\"double\" 'single' `back`",
    ];

    /// <summary>The label of class <paramref name="k"/>: "T9kkk: " + markup, padded with words or cut to exactly <see cref="LabelLength"/> characters.</summary>
    internal static string Label(int k)
    {
        var label = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"T9{k:000}: {Markup[k % Markup.Length]} "));
        string[] filler = ["lateral", "movement", "via", "remote", "services", "and", "credential", "access"];
        for (int i = 0; label.Length < LabelLength; i++) label.Append(filler[(k + i) % filler.Length]).Append(' ');
        return label.ToString(0, LabelLength);
    }

    /// <summary>Writes the CSV (RFC 4180 quoting, LF line ends) and returns its path.</summary>
    internal static string Write(string path)
    {
        var rng = new Random(40);
        var csv = new StringBuilder("proctitle,technique,technique_grouped,count\n");
        for (int k = 0; k < Classes; k++)
        {
            string label = Quote(Label(k));
            for (int row = 0; row < RowsPerClass; row++)
            {
                // Own words (tool{k}, --opt{k}) and, for every third row, the next class's tool: a plausible confusion.
                string command = string.Create(CultureInfo.InvariantCulture,
                    $"tool{k} --opt{k}={row} /srv/c{k}/file{row}.dat {(row % 3 == 0 ? $"tool{(k + 1) % Classes}" : "")}").TrimEnd();
                int count = 1 + (int)Math.Pow(10, rng.NextDouble() * (k % 5 == 0 ? 4 : 2));   // a long tail of counts
                csv.Append(string.Create(CultureInfo.InvariantCulture, $"{Quote(command)},{label},{label},{count}\n"));
            }
        }
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
