using System.Globalization;
using System.Xml.Linq;
using AttackClassifier.Metrics;

namespace AttackClassifier.Cli.Report;

/// <summary>A piece of a report, rendered the same way to Markdown and to HTML.</summary>
internal abstract record Block;

/// <summary>A heading of <paramref name="Level"/> 1–3.</summary>
internal sealed record Heading(int Level, string Text) : Block;

/// <summary>A paragraph of plain text.</summary>
internal sealed record Paragraph(string Text) : Block;

/// <summary>A table: <paramref name="Cells"/> header row first; columns whose index is in <paramref name="NumericColumns"/> align right.</summary>
internal sealed record Table(IReadOnlyList<string[]> Cells, IReadOnlySet<int> NumericColumns) : Block;

/// <summary>
/// A chart: inlined in HTML, linked from Markdown as <paramref name="FileName"/> (saved beside the report). <paramref name="Data"/> holds
/// the numbers it draws as a table — the chart's text alternative for screen readers and for copying (HTML shows it in a
/// <c>&lt;details&gt;</c> under the chart, Markdown after the image). <paramref name="Saved"/> is false for a chart that lives only in the
/// page (the caption then names no file).
/// </summary>
internal sealed record Figure(string FileName, string Caption, XElement Svg, Table Data, bool Saved = true) : Block
{
    /// <summary>The file name without ".svg": the figure's id in the HTML page and the prefix of its chart's ids.</summary>
    internal string Id => Path.GetFileNameWithoutExtension(FileName);
}

/// <summary>
/// The comparison report's content, written once as a list of <see cref="Block"/>s: the comparison table, the class
/// distribution, the LSTM loss curves, the cost growth with rows (when measured), and per model the confusion heatmap and per-class
/// precision / recall / F1.
/// </summary>
internal static class ReportDocument
{
    internal const string Title = "Command-line classifier comparison";

    internal static IReadOnlyList<Block> Build(Comparison c)
    {
        var ci = CultureInfo.InvariantCulture;
        var warnings = c.Warnings().Select(w => (Block)new Paragraph(w));
        var blocks = new List<Block>
        {
            new Heading(1, Title),
            new Paragraph($"Data: {c.DataDescription}. Rows (unique command line, label): {c.TrainRows} train, {c.ValidationRows} validation, {c.TestRows} test. " +
                          "Metrics are count-weighted (observation counts are sample weights) on the test rows."),
            new Heading(2, "Comparison"),
            new Table(c.TableCells(), new HashSet<int> { 1, 2, 3, 4, 5 }),
            new Paragraph(c.Verdict()),
            new Paragraph(string.Create(ci, $"Training seconds are wall-clock and include fitting the features. {PredictionThroughput.Description} Macro F1 averages the classes present in the test labels or predictions.")),
            new Heading(2, "Calibration"),
            new Paragraph("Probabilities are temperature-scaled on the validation rows. The reliability diagram plots, per bin of the top probability, the share of right answers against the mean probability (a calibrated model follows the dashed diagonal); the risk–coverage curve shows the error rate of the rows a model answers as its abstention threshold is lowered."),
            new Figure("reliability.svg", "Reliability diagram: accuracy against mean top probability, 15 equal-width bins, count-weighted test rows.",
                       CalibrationCharts.Reliability(Coloured(c)), ReliabilityTable(c)),
            new Figure("risk-coverage.svg", "Risk–coverage: error rate of the answered test rows against the share answered.",
                       CalibrationCharts.RiskCoverage(Coloured(c)), RiskCoverageTable(c)),
            CalibrationTable(c),
            new Heading(2, "Class distribution"),
            new Figure("class-distribution.svg", "Share of rows and of observations per class (log scale).", ClassDistributionChart.Render(c.Classes), DistributionTable(c)),
        };

        blocks.InsertRange(blocks.FindIndex(b => b is Paragraph p && p.Text.StartsWith("Verdict:", StringComparison.Ordinal)) + 1, warnings);
        var lstms = c.Models.Select((m, i) => (m.Name, Colour: Svg.Palette[i % Svg.Palette.Length], m.History)).Where(m => m.History.Count > 0).ToArray();
        if (lstms.Length > 0)
        {
            blocks.Add(new Heading(2, "LSTM loss per epoch"));
            // One row per epoch, a train and a validation column per model: the curves' numbers side by side.
            int epochs = lstms.Max(m => m.History.Count == 0 ? 0 : m.History.Max(e => e.Epoch));
            var cells = new List<string[]> { lstms.SelectMany(m => new[] { $"{m.Name} train", $"{m.Name} validation" }).Prepend("epoch").ToArray() };
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                int e = epoch;
                cells.Add(lstms.SelectMany(m => m.History.FirstOrDefault(r => r.Epoch == e) is { } r
                        ? new[] { r.TrainingLoss.ToString("F4", ci), r.ValidationLoss?.ToString("F4", ci) ?? "n/a" }
                        : ["", ""]).Prepend(e.ToString(ci)).ToArray());
            }
            blocks.Add(new Figure("lstm-loss.svg", "Training (solid) and validation (dashed) loss per epoch.", LossCurveChart.Render(lstms),
                                  new Table(cells, Enumerable.Range(0, cells[0].Length).ToHashSet())));
        }

        if (c.CostGrowth is { } growth) blocks.AddRange(CostGrowthSection(c, growth));

        blocks.Add(new Heading(2, "Per-class precision, recall and F1 (test rows)"));
        foreach (ModelResult m in c.Models)
        {
            blocks.Add(new Heading(3, m.Name));
            blocks.Add(new Paragraph(m.Summary));
            blocks.Add(new Figure($"confusion-{Svg.FileSafe(m.Name)}.svg", $"Confusion matrix of {m.Name}: rows are true classes, columns predicted classes, shaded by share of the true class.",
                                  ConfusionHeatmap.Render(m.Name, m.Test), HeatmapTable(m.Test)));
            blocks.Add(PerClassTable(m.Test));
            if (m.TopConfusions.Count > 0) blocks.Add(ConfusionTable(m.TopConfusions));
        }
        return blocks;
    }

    /// <summary>The "Cost growth" section: how the fits were made, the log–log chart with its data table, and the slopes.</summary>
    private static IEnumerable<Block> CostGrowthSection(Comparison c, CostGrowth growth)
    {
        var ci = CultureInfo.InvariantCulture;
        var colours = c.Models.Select((m, i) => (m.Name, Colour: Svg.Palette[i % Svg.Palette.Length])).ToDictionary(m => m.Name, m => m.Colour, StringComparer.Ordinal);
        string sizes = string.Join(", ", growth.Fits.Select(f => f.Rows).Distinct().Order().Select(n => n.ToString("N0", ci)));
        yield return new Heading(2, "Cost growth with training rows");
        yield return new Paragraph(
            $"Each model is fitted again on nested subsamples of the training rows ({sizes} rows: the first rows of one seeded shuffle, so each lies inside the next; " +
            $"sizes are the powers of ten from {CostGrowth.MinimumRows.ToString(ci)} below the training rows, then all of them; a subsample holding a single class is skipped), one fit at a time in this process: " +
            "LR to convergence with its preset and options, without calibration; the LSTM for one epoch of its network (no validation). " +
            $"Seconds are wall-clock. {growth.MemoryMeasure} The slope is the least-squares exponent of rows on the log–log scale (1 = linear, 2 = quadratic); " +
            "fixed costs flatten it at the small sizes. benchmarks/scaling.svg draws the same picture for the library's training-cost corpus.");
        var cells = new List<string[]> { new[] { "rows", "model", "seconds", "peak MiB" } };
        cells.AddRange(growth.Fits.Select(f => new[] { f.Rows.ToString("N0", ci), f.Model, f.Seconds.ToString("F3", ci), f.PeakMiB.ToString("F1", ci) }));
        yield return new Figure("cost-growth.svg", "Fit time and peak memory growth against training rows, log–log, with each line's slope.",
                                CostGrowthChart.Render(growth, colours), new Table(cells, new HashSet<int> { 0, 2, 3 }));
        var slopes = new List<string[]> { new[] { "model", "time slope", "memory slope" } };
        slopes.AddRange(growth.Models.Select(m => new[] { m, CostGrowthChart.SlopeText(growth.TimeSlope(m)), CostGrowthChart.SlopeText(growth.MemorySlope(m)) }));
        yield return new Table(slopes, new HashSet<int> { 1, 2 });
    }

    private static (string Name, string Colour, CalibrationReport Report)[] Coloured(Comparison c)
        => c.Models.Select((m, i) => (m.Name, Svg.Palette[i % Svg.Palette.Length], m.Calibration)).ToArray();

    private static Table CalibrationTable(Comparison c)
    {
        var ci = CultureInfo.InvariantCulture;
        var cells = new List<string[]> { new[] { "model", "ECE", "Brier", "AUROC", "accuracy at 50 % coverage", "threshold", "coverage at threshold", "accuracy at threshold" } };
        cells.AddRange(c.Models.Select(m => new[]
        {
            m.Name, m.Calibration.ExpectedCalibrationError.ToString("F4", ci), m.Calibration.BrierScore.ToString("F4", ci), m.Calibration.Auroc.ToString("F3", ci),
            Comparison.Percent(m.Calibration.AccuracyAt50PercentCoverage), m.Calibration.Threshold.ToString("F3", ci),
            Comparison.Percent(m.Calibration.CoverageAtThreshold), Comparison.Percent(m.Calibration.AccuracyAtThreshold),
        }));
        return new Table(cells, new HashSet<int> { 1, 2, 3, 4, 5, 6, 7 });
    }

    /// <summary>The reliability diagram's points: per model, each non-empty bin of the top probability.</summary>
    private static Table ReliabilityTable(Comparison c)
    {
        var ci = CultureInfo.InvariantCulture;
        var cells = new List<string[]> { new[] { "model", "top probability in", "mean top probability", "accuracy", "weight" } };
        cells.AddRange(c.Models.SelectMany(m => m.Calibration.Bins.Where(b => b.Weight > 0).Select(b => new[]
        {
            m.Name, string.Create(ci, $"({b.Lower:F2}, {b.Upper:F2}]"), b.MeanConfidence.ToString("F3", ci), Comparison.Percent(b.Accuracy), b.Weight.ToString("G6", ci),
        })));
        return new Table(cells, new HashSet<int> { 2, 3, 4 });
    }

    /// <summary>The risk–coverage curve's marked points, per model (the same thinned points the chart draws).</summary>
    private static Table RiskCoverageTable(Comparison c)
    {
        var ci = CultureInfo.InvariantCulture;
        var cells = new List<string[]> { new[] { "model", "threshold", "coverage", "risk" } };
        cells.AddRange(c.Models.SelectMany(m => CalibrationCharts.Thin(m.Calibration.RiskCoverage).Select(p => new[]
        {
            m.Name, p.Threshold.ToString("F3", ci), Comparison.Percent(p.Coverage), Comparison.Percent(p.Risk),
        })));
        return new Table(cells, new HashSet<int> { 1, 2, 3 });
    }

    /// <summary>The model's largest mistakes (count-weighted) with two example command lines each.</summary>
    private static Table ConfusionTable(IReadOnlyList<Confusion> confusions)
    {
        var ci = CultureInfo.InvariantCulture;
        var cells = new List<string[]> { new[] { "true class", "predicted", "weight", "examples" } };
        cells.AddRange(confusions.Select(x => new[] { x.TrueLabel, x.PredictedLabel, x.Weight.ToString("G", ci), string.Join("  ·  ", x.Examples) }));
        return new Table(cells, new HashSet<int> { 2 });
    }

    private static Table DistributionTable(Comparison c)
    {
        var ci = CultureInfo.InvariantCulture;
        int totalRows = c.Classes.Sum(s => s.Rows);
        var cells = new List<string[]> { new[] { "class", "rows", "rows %", "observations", "observations %" } };
        cells.AddRange(c.Classes.Select(s => new[]
        {
            s.Label, s.Rows.ToString(ci), (100.0 * s.Rows / Math.Max(totalRows, 1)).ToString("F2", ci), s.Observations.ToString("G", ci), (100 * s.ObservationShare).ToString("F2", ci),
        }));
        return new Table(cells, new HashSet<int> { 1, 2, 3, 4 });
    }

    /// <summary>The heatmap's numbers: per true class (row) its observations and the share of them predicted as each class (columns).</summary>
    private static Table HeatmapTable(ClassificationReport report)
    {
        var ci = CultureInfo.InvariantCulture;
        IReadOnlyList<int> shown = report.PresentClasses;
        var cells = new List<string[]> { shown.Select(i => $"% predicted {report.Classes[i].Label}").Prepend("observations").Prepend("true class").ToArray() };
        foreach (int t in shown)
        {
            double rowTotal = shown.Sum(p => report.Confusion(t, p));
            cells.Add(shown.Select(p => rowTotal > 0 ? (100 * report.Confusion(t, p) / rowTotal).ToString("F1", ci) : "")
                .Prepend(rowTotal.ToString("G6", ci)).Prepend(report.Classes[t].Label).ToArray());
        }
        return new Table(cells, Enumerable.Range(1, shown.Count + 1).ToHashSet());
    }

    /// <summary>Present classes and the three averages, as scikit-learn's classification_report lists them.</summary>
    private static Table PerClassTable(ClassificationReport report)
    {
        var ci = CultureInfo.InvariantCulture;
        var cells = new List<string[]> { new[] { "class", "precision", "recall", "F1", "support" } };
        string[] Row(MetricsRow r) => [r.Label, r.Precision.ToString("F3", ci), r.Recall.ToString("F3", ci), r.F1.ToString("F3", ci), r.Support.ToString("G", ci)];
        cells.AddRange(report.PresentClasses.Select(i => Row(report.Classes[i])));
        cells.Add(Row(report.MacroAverage with { Label = "macro average" }));
        cells.Add(Row(report.WeightedAverage with { Label = "weighted average" }));
        return new Table(cells, new HashSet<int> { 1, 2, 3, 4 });
    }
}
