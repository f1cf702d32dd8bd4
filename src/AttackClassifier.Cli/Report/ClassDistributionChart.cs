using System.Globalization;
using System.Xml.Linq;
using AttackClassifier.Data;
using static AttackClassifier.Cli.Report.Svg;

namespace AttackClassifier.Cli.Report;

/// <summary>
/// The class distribution as horizontal bars, one pair per class (largest observation share first): the class's share of
/// rows (unique command lines) and its share of observations (counts). The axis is log₁₀ because one class (T1082 in the
/// study's data) holds most observations while many hold a fraction of a percent.
/// </summary>
internal static class ClassDistributionChart
{
    private const string RowColour = "#9ecae1", ObservationColour = "#08519c";

    internal static XElement Render(IReadOnlyList<ClassSize> classes)
    {
        int totalRows = classes.Sum(c => c.Rows);
        double[] rowShare = classes.Select(c => totalRows > 0 ? (double)c.Rows / totalRows : 0).ToArray();
        double smallest = classes.Select(c => c.ObservationShare).Concat(rowShare).Where(v => v > 0).DefaultIfEmpty(1).Min();
        int lowDecade = (int)Math.Floor(Math.Log10(smallest * 100));   // axis in percent: 10^lowDecade % … 100 %
        lowDecade = Math.Min(lowDecade, 1);

        double labelWidth = classes.Select(c => TextWidth(c.Label)).DefaultIfEmpty(0).Max() + 8;
        double left = labelWidth + 10, top = 58, band = 20, plot = 560;
        double width = left + plot + 30, height = top + classes.Count * band + 40;
        double X(double share) => share <= 0 ? left : left + plot * (Math.Log10(100 * share) - lowDecade) / (2 - lowDecade);

        var content = new List<XElement>
        {
            TextAt(10, 20, "Class distribution (all rows; log scale)", size: 14, weight: "bold"),
            Rect(10, 30, 12, 10, RowColour), TextAt(26, 39, "share of rows (unique command lines)", size: 10),
            Rect(230, 30, 12, 10, ObservationColour), TextAt(246, 39, "share of observations (counts)", size: 10),
        };
        for (int d = lowDecade; d <= 2; d++)
        {
            double x = X(Math.Pow(10, d) / 100);
            content.Add(Line(x, top - 4, x, top + classes.Count * band, "#dddddd"));
            content.Add(TextAt(x, top + classes.Count * band + 16, FormatPercent(Math.Pow(10, d)), "middle", size: 10));
        }
        for (int i = 0; i < classes.Count; i++)
        {
            ClassSize c = classes[i];
            double y = top + i * band;
            content.Add(TextAt(left - 6, y + band / 2 + 4, c.Label, "end"));
            string rowTip = string.Create(CultureInfo.InvariantCulture, $"{c.Label}: {c.Rows} rows ({100 * rowShare[i]:G3} %)");
            string obsTip = string.Create(CultureInfo.InvariantCulture, $"{c.Label}: {c.Observations:G} observations ({100 * c.ObservationShare:G3} %)");
            content.Add(Rect(left, y + 2, Math.Max(0, X(rowShare[i]) - left), 7, RowColour, rowTip).Mark("bar"));
            content.Add(Rect(left, y + 10, Math.Max(0, X(c.ObservationShare) - left), 7, ObservationColour, obsTip).Mark("bar"));
        }
        content.Add(Line(left, top - 4, left, top + classes.Count * band, "#444444"));
        content.Add(TextAt(left + plot / 2, height - 6, "share of the data (%)", "middle", weight: "bold"));
        string description = classes.Count == 0 ? "No classes." : string.Create(CultureInfo.InvariantCulture,
            $"{classes.Count} classes, largest observation share first. {classes[0].Label} holds {100 * classes[0].ObservationShare:G3} % of the observations and {100 * rowShare[0]:G3} % of the rows; ") +
            string.Create(CultureInfo.InvariantCulture, $"{classes[^1].Label} holds {100 * classes[^1].ObservationShare:G3} % of the observations and {100 * rowShare[^1]:G3} % of the rows.");
        return Root(width, height, "Class distribution: share of rows and of observations per class", description, content);
    }

    private static string FormatPercent(double percent) => percent.ToString(percent >= 1 ? "0" : "0.####", CultureInfo.InvariantCulture) + " %";
}
