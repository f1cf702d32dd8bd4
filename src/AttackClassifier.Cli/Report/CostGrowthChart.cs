using System.Globalization;
using System.Xml.Linq;
using static AttackClassifier.Cli.Report.Svg;

namespace AttackClassifier.Cli.Report;

/// <summary>
/// Fit time and peak memory against training rows, log–log, in two panels side by side, one colour per model, with each line's
/// least-squares slope (the exponent of rows) in the panel's legend: benchmarks/scaling.svg's design.
/// </summary>
internal static class CostGrowthChart
{
    private const double Left = 80, Top = 62, PanelWidth = 340, PanelHeight = 240, Gap = 110;

    /// <param name="growth">The measured fits.</param>
    /// <param name="colours">Each model's colour (the comparison's, so a model has one colour throughout the report).</param>
    internal static XElement Render(CostGrowth growth, IReadOnlyDictionary<string, string> colours)
    {
        IReadOnlyList<string> models = growth.Models;
        double legendTop = Top + PanelHeight + 58;
        double width = Left + 2 * PanelWidth + Gap + 30;
        double height = legendTop + 16 * models.Count + 8;
        var content = new List<XElement> { TextAt(Left, 24, "Cost growth with training rows (log–log)", size: 14, weight: "bold") };
        content.AddRange(Panel(growth, colours, f => f.Seconds, growth.TimeSlope, "Fit time", "seconds", "s", Left, legendTop));
        content.AddRange(Panel(growth, colours, f => f.PeakMiB, growth.MemorySlope, "Peak memory growth", "MiB", "MiB", Left + PanelWidth + Gap, legendTop));

        var ci = CultureInfo.InvariantCulture;
        string description = string.Join(" ", models.Select(m =>
        {
            CostGrowthFit[] fits = growth.Fits.Where(f => f.Model == m).ToArray();
            return string.Create(ci, $"{m}: {fits[0].Rows:N0} → {fits[^1].Rows:N0} rows, fit time {fits[0].Seconds:G3} → {fits[^1].Seconds:G3} s (slope {SlopeText(growth.TimeSlope(m))}), peak memory {fits[0].PeakMiB:G3} → {fits[^1].PeakMiB:G3} MiB (slope {SlopeText(growth.MemorySlope(m))}).");
        }));
        return Root(width, height, "Fit time and peak memory against training rows, log–log; slope = exponent of rows", description, content);
    }

    /// <summary>A slope as the legend and the tables write it: two decimals, or "n/a" with fewer than two measurable sizes.</summary>
    internal static string SlopeText(double slope) => double.IsNaN(slope) ? "n/a" : slope.ToString("F2", CultureInfo.InvariantCulture);

    private static IEnumerable<XElement> Panel(CostGrowth growth, IReadOnlyDictionary<string, string> colours, Func<CostGrowthFit, double> cost,
                                               Func<string, double> slope, string title, string unit, string shortUnit, double x0, double legendTop)
    {
        var ci = CultureInfo.InvariantCulture;
        // Log axes span whole decades around the drawn points; a cost ≤ 0 (too small to measure) has no place on them.
        CostGrowthFit[] drawn = growth.Fits.Where(f => f.Rows > 0 && cost(f) > 0 && double.IsFinite(cost(f))).ToArray();
        int lx0 = drawn.Length == 0 ? 2 : (int)Math.Floor(Math.Log10(drawn.Min(f => f.Rows)));
        int lx1 = Math.Max(lx0 + 1, drawn.Length == 0 ? 3 : (int)Math.Ceiling(Math.Log10(drawn.Max(f => f.Rows))));
        int ly0 = drawn.Length == 0 ? 0 : (int)Math.Floor(Math.Log10(drawn.Min(cost)));
        int ly1 = Math.Max(ly0 + 1, drawn.Length == 0 ? 1 : (int)Math.Ceiling(Math.Log10(drawn.Max(cost))));
        double X(double rows) => x0 + (Math.Log10(rows) - lx0) / (lx1 - lx0) * PanelWidth;
        double Y(double value) => Top + PanelHeight - (Math.Log10(value) - ly0) / (ly1 - ly0) * PanelHeight;

        yield return TextAt(x0 + PanelWidth / 2, Top - 12, title, "middle", weight: "bold");
        for (int d = lx0; d <= lx1; d++)
        {
            yield return Line(X(Math.Pow(10, d)), Top, X(Math.Pow(10, d)), Top + PanelHeight, "#e5e5e5");
            yield return TextAt(X(Math.Pow(10, d)), Top + PanelHeight + 16, Math.Pow(10, d).ToString("N0", ci), "middle", size: 10);
        }
        for (int d = ly0; d <= ly1; d++)
        {
            yield return Line(x0, Y(Math.Pow(10, d)), x0 + PanelWidth, Y(Math.Pow(10, d)), "#e5e5e5");
            yield return TextAt(x0 - 6, Y(Math.Pow(10, d)) + 4, Math.Pow(10, d).ToString("G4", ci), "end", size: 10);
        }
        yield return E("rect", A("x", x0), A("y", Top), A("width", PanelWidth), A("height", PanelHeight), A("fill", "none"), A("stroke", "#444444"));
        yield return TextAt(x0 + PanelWidth / 2, Top + PanelHeight + 36, "training rows (log scale)", "middle", weight: "bold");
        yield return TextAt(x0 - 52, Top + PanelHeight / 2, $"{unit} (log scale)", "middle", rotate: -90, weight: "bold");

        IReadOnlyList<string> models = growth.Models;
        for (int m = 0; m < models.Count; m++)
        {
            string name = models[m], colour = colours[name];
            CostGrowthFit[] points = drawn.Where(f => f.Model == name).ToArray();
            if (points.Length > 1)
                yield return E("polyline", A("fill", "none"), A("stroke", colour), A("stroke-width", 2),
                               A("points", string.Join(" ", points.Select(f => $"{Num(X(f.Rows))},{Num(Y(cost(f)))}"))));
            foreach (CostGrowthFit f in points)
                yield return E("circle", A("cx", X(f.Rows)), A("cy", Y(cost(f))), A("r", 3), A("fill", colour),
                               E("title", string.Create(ci, $"{name}: {f.Rows:N0} rows, {cost(f):G3} {shortUnit}"))).Mark("point");
            double ly = legendTop + 16 * m;
            yield return Line(x0, ly - 4, x0 + 24, ly - 4, colour, 2);
            yield return TextAt(x0 + 30, ly, $"{name}: slope {SlopeText(slope(name))}", size: 10);
        }
    }
}
