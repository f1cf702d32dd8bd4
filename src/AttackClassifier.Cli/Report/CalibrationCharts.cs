using System.Globalization;
using System.Xml.Linq;
using AttackClassifier.Metrics;
using static AttackClassifier.Cli.Report.Svg;

namespace AttackClassifier.Cli.Report;

/// <summary>
/// The two calibration pictures of a comparison, on the unit square: the reliability diagram (accuracy against mean top
/// probability per bin; a calibrated model lies on the diagonal) and the risk–coverage curve (error rate of the answered
/// rows as the threshold lowers; lower is better). One colour per model, as in the other charts.
/// </summary>
internal static class CalibrationCharts
{
    internal static XElement Reliability(IReadOnlyList<(string Name, string Colour, CalibrationReport Report)> models) =>
        UnitSquare("Reliability diagram (test rows)", "mean top probability in bin", "accuracy in bin", diagonal: true,
            string.Join(" ", models.Select(m => string.Create(CultureInfo.InvariantCulture,
                $"{m.Name}: expected calibration error {m.Report.ExpectedCalibrationError:F4} over {m.Report.Bins.Count(b => b.Weight > 0)} non-empty bins."))),
            models.Select(m => (m.Name, m.Colour, m.Report.Bins.Where(b => b.Weight > 0)
                .Select(b => (b.MeanConfidence, b.Accuracy, string.Create(CultureInfo.InvariantCulture,
                    $"{m.Name}, top probability in ({b.Lower:F2}, {b.Upper:F2}]: accuracy {b.Accuracy:P1} at mean confidence {b.MeanConfidence:F3}, weight {b.Weight:G4}")))
                .ToArray())).ToArray());

    internal static XElement RiskCoverage(IReadOnlyList<(string Name, string Colour, CalibrationReport Report)> models) =>
        UnitSquare("Risk–coverage (test rows)", "coverage (share of rows answered)", "risk (error rate of answered rows)", diagonal: false,
            string.Join(" ", models.Select(m => string.Create(CultureInfo.InvariantCulture,
                $"{m.Name}: accuracy {m.Report.AccuracyAt50PercentCoverage:P1} when answering the most confident half of the rows") +
                (m.Report.RiskCoverage.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", error rate {m.Report.RiskCoverage[^1].Risk:P1} when answering all.") : "."))),
            models.Select(m => (m.Name, m.Colour, Thin(m.Report.RiskCoverage)
                .Select(p => (p.Coverage, p.Risk, string.Create(CultureInfo.InvariantCulture,
                    $"{m.Name}, threshold {p.Threshold:F3}: coverage {p.Coverage:P1}, risk {p.Risk:P1}")))
                .ToArray())).ToArray());

    /// <summary>At most ~60 marked points per curve: a test set of thousands of distinct probabilities would bloat the SVG.
    /// The chart's data table lists the same points.</summary>
    internal static IEnumerable<RiskCoveragePoint> Thin(IReadOnlyList<RiskCoveragePoint> points)
    {
        int step = Math.Max(1, points.Count / 60);
        for (int i = 0; i < points.Count; i++)
            if (i % step == 0 || i == points.Count - 1) yield return points[i];
    }

    private static XElement UnitSquare(string title, string xLabel, string yLabel, bool diagonal, string description,
                                       IReadOnlyList<(string Name, string Colour, (double X, double Y, string Tip)[] Points)> series)
    {
        const double left = 60, top = 40, side = 320;
        double legendX = left + side + 24;
        double width = legendX + series.Select(s => TextWidth(s.Name, 10)).DefaultIfEmpty(0).Max() + 40;
        double height = top + side + 50;
        double Px(double x) => left + side * x;
        double Py(double y) => top + side * (1 - y);
        var content = new List<XElement> { TextAt(left, 22, title, size: 14, weight: "bold") };
        foreach (double t in new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 })
        {
            content.Add(Line(left, Py(t), left + side, Py(t), "#e5e5e5"));
            content.Add(TextAt(left - 6, Py(t) + 4, t.ToString("0.0", CultureInfo.InvariantCulture), "end", size: 10));
            content.Add(TextAt(Px(t), top + side + 16, t.ToString("0.0", CultureInfo.InvariantCulture), "middle", size: 10));
        }
        if (diagonal) content.Add(Line(Px(0), Py(0), Px(1), Py(1), "#888888", 1, "4 4"));
        content.Add(Line(left, top, left, top + side, "#444444"));
        content.Add(Line(left, top + side, left + side, top + side, "#444444"));
        content.Add(TextAt(left + side / 2, height - 8, xLabel, "middle", weight: "bold"));
        content.Add(TextAt(16, top + side / 2, yLabel, "middle", rotate: -90, weight: "bold"));
        for (int m = 0; m < series.Count; m++)
        {
            var (name, colour, points) = series[m];
            if (points.Length > 0)
                content.Add(E("polyline", A("fill", "none"), A("stroke", colour), A("stroke-width", 2),
                              A("points", string.Join(" ", points.Select(p => $"{Num(Px(p.X))},{Num(Py(p.Y))}")))));
            foreach (var (x, y, tip) in points)
                content.Add(E("circle", A("cx", Px(x)), A("cy", Py(y)), A("r", 3), A("fill", colour), E("title", tip)).Mark("point"));
            double ly = top + 10 + m * 18;
            content.Add(Line(legendX, ly, legendX + 24, ly, colour, 2));
            content.Add(TextAt(legendX + 30, ly + 4, name, size: 10));
        }
        return Root(width, height, title, description, content);
    }
}
