using System.Globalization;
using System.Xml.Linq;
using AttackClassifier.Models.Lstm;
using static AttackClassifier.Cli.Report.Svg;

namespace AttackClassifier.Cli.Report;

/// <summary>The LSTM models' training loss (solid) and validation loss (dashed) per epoch, one colour per model.</summary>
internal static class LossCurveChart
{
    /// <param name="curves">Each model's name, colour and epoch history (at least one epoch among them).</param>
    internal static XElement Render(IReadOnlyList<(string Name, string Colour, IReadOnlyList<LstmEpochRecord> History)> curves)
    {
        const double left = 60, top = 40, plotWidth = 560, plotHeight = 300;
        int epochs = Math.Max(1, curves.SelectMany(c => c.History).Select(e => e.Epoch).DefaultIfEmpty(1).Max());
        double maxLoss = curves.SelectMany(c => c.History)
            .SelectMany(e => e.ValidationLoss is double v ? new[] { e.TrainingLoss, v } : [e.TrainingLoss])
            .Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double[] ticks = Ticks(maxLoss);
        double yMax = ticks[^1];
        double X(double epoch) => left + (epochs == 1 ? plotWidth / 2 : plotWidth * (epoch - 1) / (epochs - 1));
        double Y(double loss) => top + plotHeight * (1 - loss / yMax);
        double legendX = left + plotWidth + 20;
        double width = legendX + curves.Select(c => TextWidth(c.Name + " validation")).DefaultIfEmpty(0).Max() + 50;
        double height = top + plotHeight + 50;

        var content = new List<XElement> { TextAt(left, 22, "LSTM loss per epoch (weighted cross-entropy)", size: 14, weight: "bold") };
        foreach (double t in ticks)
        {
            content.Add(Line(left, Y(t), left + plotWidth, Y(t), "#e5e5e5"));
            content.Add(TextAt(left - 6, Y(t) + 4, t.ToString("G4", CultureInfo.InvariantCulture), "end", size: 10));
        }
        int epochStep = Math.Max(1, (int)Math.Ceiling(epochs / 15.0));
        for (int e = 1; e <= epochs; e += epochStep)
            content.Add(TextAt(X(e), top + plotHeight + 16, e.ToString(CultureInfo.InvariantCulture), "middle", size: 10));
        content.Add(Line(left, top, left, top + plotHeight, "#444444"));
        content.Add(Line(left, top + plotHeight, left + plotWidth, top + plotHeight, "#444444"));
        content.Add(TextAt(left + plotWidth / 2, height - 8, "epoch", "middle", weight: "bold"));
        content.Add(TextAt(16, top + plotHeight / 2, "loss", "middle", rotate: -90, weight: "bold"));

        for (int m = 0; m < curves.Count; m++)
        {
            var (name, colour, history) = curves[m];
            AddSeries(content, history.Select(e => (e.Epoch, (double?)e.TrainingLoss)), colour, null, $"{name} train", X, Y);
            AddSeries(content, history.Select(e => (e.Epoch, e.ValidationLoss)), colour, "6 4", $"{name} validation", X, Y);
            double ly = top + 10 + m * 36;
            content.Add(Line(legendX, ly, legendX + 24, ly, colour, 2));
            content.Add(TextAt(legendX + 30, ly + 4, $"{name} train", size: 10));
            content.Add(Line(legendX, ly + 16, legendX + 24, ly + 16, colour, 2, "6 4"));
            content.Add(TextAt(legendX + 30, ly + 20, $"{name} validation", size: 10));
        }
        string description = string.Join(" ", curves.Where(c => c.History.Count > 0).Select(c =>
        {
            LstmEpochRecord last = c.History[^1];
            string validation = c.History.Where(e => e.ValidationLoss is double v && double.IsFinite(v)).MinBy(e => e.ValidationLoss) is { } best
                ? string.Create(CultureInfo.InvariantCulture, $", lowest validation loss {best.ValidationLoss:G4} at epoch {best.Epoch}") : "";
            return string.Create(CultureInfo.InvariantCulture, $"{c.Name}: {c.History.Count} epochs, training loss {c.History[0].TrainingLoss:G4} → {last.TrainingLoss:G4}{validation}.");
        }));
        return Root(width, height, "LSTM training and validation loss per epoch", description, content);
    }

    private static void AddSeries(List<XElement> content, IEnumerable<(int Epoch, double? Loss)> points, string colour, string? dash, string name,
                                  Func<double, double> x, Func<double, double> y)
    {
        var finite = points.Where(p => p.Loss is double v && double.IsFinite(v)).Select(p => (p.Epoch, Loss: p.Loss!.Value)).ToArray();
        if (finite.Length == 0) return;
        var line = E("polyline", A("fill", "none"), A("stroke", colour), A("stroke-width", 2),
                     A("points", string.Join(" ", finite.Select(p => $"{Num(x(p.Epoch))},{Num(y(p.Loss))}"))));
        if (dash is not null) line.Add(A("stroke-dasharray", dash));
        content.Add(line);
        foreach (var (epoch, loss) in finite)
            content.Add(E("circle", A("cx", x(epoch)), A("cy", y(loss)), A("r", 3), A("fill", colour),
                          E("title", string.Create(CultureInfo.InvariantCulture, $"{name}, epoch {epoch}: {loss:G5}"))).Mark("point"));
    }
}
