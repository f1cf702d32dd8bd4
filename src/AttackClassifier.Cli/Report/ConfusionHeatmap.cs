using System.Globalization;
using System.Xml.Linq;
using AttackClassifier.Metrics;
using static AttackClassifier.Cli.Report.Svg;

namespace AttackClassifier.Cli.Report;

/// <summary>
/// A confusion matrix as a heatmap: true class down the left, predicted class along the bottom (labels rotated),
/// each cell shaded by the share of its true class's observations, C[t, p] / Σⱼ C[t, j] — row-normalised, so a class
/// seen 20,000 times and one seen twice are equally readable (a recall view: the diagonal is each class's recall).
/// Only classes present in the test labels or predictions are drawn. Every cell, empty ones included, carries a tooltip with the
/// count-weighted value, and large cells print the share. The ramp is one hue from <see cref="Low"/> to <see cref="High"/>, blended
/// in sRGB: every channel falls from one end to the other, so luminance falls monotonically and the chart reads in greyscale.
/// </summary>
internal static class ConfusionHeatmap
{
    internal const string Low = "#f7fbff", High = "#08306b";

    internal static XElement Render(string modelName, ClassificationReport report)
    {
        IReadOnlyList<int> shown = report.PresentClasses;
        int k = shown.Count;
        string[] labels = shown.Select(i => report.Classes[i].Label).ToArray();
        string title = $"Confusion matrix — {modelName} (test rows, share of each true class)";
        double cell = Math.Clamp(640.0 / Math.Max(k, 1), 12, 32);
        double labelWidth = labels.Select(l => TextWidth(l)).DefaultIfEmpty(0).Max() + 8;
        double left = labelWidth + 28, top = 48, size = k * cell;
        double legendX = left + size + 24;
        double width = Math.Max(legendX + TextWidth("share of true class", 10) + 12, 10 + TextWidth(title, 14) + 10), height = top + size + labelWidth + 36;

        var content = new List<XElement>
        {
            TextAt(10, 22, title, size: 14, weight: "bold"),
            Rect(left, top, size, size, Low),
        };
        double diagonal = 0, total = 0;
        (double Share, int R, int C) worst = (0, -1, -1);
        for (int r = 0; r < k; r++)
        {
            double rowTotal = 0;
            for (int c = 0; c < k; c++) rowTotal += report.Confusion(shown[r], shown[c]);
            total += rowTotal;
            for (int c = 0; c < k; c++)
            {
                double value = report.Confusion(shown[r], shown[c]);
                double share = rowTotal > 0 ? value / rowTotal : 0;
                if (r == c) diagonal += value;
                else if (share > worst.Share) worst = (share, r, c);
                string fill = Blend(Low, High, share);
                string tip = string.Create(CultureInfo.InvariantCulture, $"true {labels[r]} → predicted {labels[c]}: {value:G6} observations ({100 * share:F1} % of the true class)");
                content.Add(Rect(left + c * cell, top + r * cell, cell, cell, fill, tip).Mark("cell")
                    .Also(e => e.Add(new XAttribute("data-share", share.ToString("R", CultureInfo.InvariantCulture)))));
                if (cell >= 24 && value > 0)   // a figure only fits in larger cells
                    content.Add(TextAt(left + (c + 0.5) * cell, top + (r + 0.5) * cell + 4, $"{Math.Round(100 * share):0}", "middle", size: 9)
                        .Also(t => t.Add(A("fill", InkOn(fill)))));
            }
        }
        for (int i = 0; i < k; i++)
        {
            content.Add(Rect(left + i * cell, top + i * cell, cell, cell, "none").Also(d => d.Add(A("stroke", "#d62728"), A("stroke-width", 0.8))));
            content.Add(TextAt(left - 6, top + (i + 0.5) * cell + 4, labels[i], "end"));
            content.Add(TextAt(left + (i + 0.5) * cell + 4, top + size + 6, labels[i], "end", rotate: -90));
        }
        for (int i = 0; i <= k; i++)   // grid
        {
            content.Add(Line(left, top + i * cell, left + size, top + i * cell, "#cccccc", 0.5));
            content.Add(Line(left + i * cell, top, left + i * cell, top + size, "#cccccc", 0.5));
        }
        content.Add(TextAt(12, top + size / 2, "true class", "middle", rotate: -90, weight: "bold"));
        content.Add(TextAt(left + size / 2, height - 10, "predicted class", "middle", weight: "bold"));

        // Legend: ten steps of the colour scale with 0 %, 50 %, 100 % marks.
        content.Add(TextAt(legendX, top - 10, "share of true class", size: 10));   // clear of the "100 %" mark below it
        const int steps = 10;
        double step = Math.Min(200, size) / steps;
        for (int s = 0; s < steps; s++)
            content.Add(Rect(legendX, top + (steps - 1 - s) * step, 16, step, Blend(Low, High, (s + 0.5) / steps)));
        content.Add(Rect(legendX, top, 16, steps * step, "none").Also(d => d.Add(A("stroke", "#888888"))));
        foreach (var (f, text) in new[] { (0.0, "0 %"), (0.5, "50 %"), (1.0, "100 %") })
            content.Add(TextAt(legendX + 22, top + (1 - f) * steps * step + 4, text, size: 10));
        content.Add(Rect(legendX, top + steps * step + 14, 16, 10, "none").Also(d => d.Add(A("stroke", "#d62728"))));
        content.Add(TextAt(legendX + 22, top + steps * step + 23, "diagonal", size: 10));

        string description = k == 0 ? "No test rows." : string.Create(CultureInfo.InvariantCulture,
            $"{k} classes. {100 * (total > 0 ? diagonal / total : 0):F1} % of the test observations lie on the diagonal (predicted as their true class).") +
            (worst.R < 0 ? "" : string.Create(CultureInfo.InvariantCulture,
                $" The largest confusion: {100 * worst.Share:F1} % of true {labels[worst.R]} is predicted as {labels[worst.C]}."));
        return Root(width, height, $"Confusion matrix of {modelName} on the test rows", description, content);
    }
}
