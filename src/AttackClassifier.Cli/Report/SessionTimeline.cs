using System.Globalization;
using System.Xml.Linq;
using AttackClassifier.Sessions;
using static AttackClassifier.Cli.Report.Svg;

namespace AttackClassifier.Cli.Report;

/// <summary>
/// The <c>sessions --format html</c> page: per session its summary, a timeline of its tactic spans (SVG: one row per tactic in
/// kill-chain order, benign last; x = statement position in the session, so a burst of commands in one second stays readable)
/// with the spans as its data table, and the tagged statements. Rendered by <see cref="HtmlReport"/>: self-contained, escaped.
/// </summary>
internal static class SessionTimeline
{
    internal const string Title = "Attack chains";

    /// <summary>Statement rows listed per session in the page (the JSONL output has them all).</summary>
    internal const int MaxStatementRows = 200;

    private const string BenignColour = "#9e9e9e";

    // One hue per kill-chain position (1 … 14); fills carry no text, so only their difference matters.
    private static readonly string[] TacticColours =
    [
        "#6baed6", "#9ecae1", "#fd8d3c", "#d62728", "#8c564b", "#e377c2", "#c49c94",
        "#bcbd22", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#17becf", "#393b79",
    ];

    internal static IReadOnlyList<Block> Build(IReadOnlyList<TaggedSession> sessions, string source, string modelName, int notShown)
    {
        var ci = CultureInfo.InvariantCulture;
        var blocks = new List<Block>
        {
            new Heading(1, Title),
            new Paragraph(string.Create(ci, $"{sessions.Count} session{(sessions.Count == 1 ? "" : "s")} from {source}, tagged by {modelName}. ") +
                          "Each timeline has a row per tactic; a bar is a run of consecutive statements with that tag, placed by the statements' positions in the session. Hover a bar for its statements and times."),
        };
        if (notShown > 0) blocks.Add(new Paragraph(string.Create(ci, $"{notShown} more sessions are not shown here; --format jsonl writes every session.")));
        for (int i = 0; i < sessions.Count; i++)
        {
            TaggedSession s = sessions[i];
            string part = s.Window.Part > 1 || !s.Window.IsLastPart ? string.Create(ci, $", part {s.Window.Part}") : "";
            blocks.Add(new Heading(2, $"Session {s.Window.SessionId}{part}"));
            blocks.Add(new Paragraph(s.Summary));
            blocks.Add(new Figure(string.Create(ci, $"session-{i + 1}.svg"), "Tactic spans along the session (statement positions).", Render(s), SpanTable(s), Saved: false));
            blocks.Add(StatementTable(s));
            if (s.Statements.Count > MaxStatementRows)
                blocks.Add(new Paragraph(string.Create(ci, $"The first {MaxStatementRows} of {s.Statements.Count} statements are listed.")));
        }
        return blocks;
    }

    private static string TacticLabel(TacticSpan span) => span.Tactic?.Name ?? "Benign";

    private static string Colour(TacticSpan span) => span.Tactic is { } t ? TacticColours[(t.Order - 1) % TacticColours.Length] : BenignColour;

    internal static XElement Render(TaggedSession session)
    {
        var ci = CultureInfo.InvariantCulture;
        IReadOnlyList<TacticSpan> chain = session.Chain;
        // Rows: the tactics present in kill-chain order, then benign.
        var rows = chain.Select(c => (Label: TacticLabel(c), Order: c.Tactic?.Order ?? int.MaxValue)).Distinct().OrderBy(r => r.Order).Select(r => r.Label).ToList();
        int n = Math.Max(1, session.Statements.Count);
        double labelWidth = rows.Select(r => TextWidth(r)).DefaultIfEmpty(40).Max();
        double left = labelWidth + 18, top = 12, band = 24, plot = 640, unit = plot / n;
        double width = left + plot + 24, height = top + Math.Max(1, rows.Count) * band + 44;
        var content = new List<XElement>();
        for (int r = 0; r < rows.Count; r++)
        {
            double y = top + r * band;
            content.Add(TextAt(left - 8, y + band / 2 + 4, rows[r], "end"));
            content.Add(Line(left, y + band, left + plot, y + band, "#eeeeee"));
        }
        foreach (TacticSpan span in chain)
        {
            int r = rows.IndexOf(TacticLabel(span));
            double x = left + span.First * unit, w = Math.Max(2, span.Count * unit);
            string when = span.FirstTimestamp is null ? "" : span.FirstTimestamp == span.LastTimestamp ? $", {span.FirstTimestamp}" : $", {span.FirstTimestamp} – {span.LastTimestamp}";
            string tip = string.Create(ci, $"{TacticLabel(span)}: statements {span.First + 1}–{span.Last + 1} ({span.Count}){when}");
            content.Add(Rect(x, top + r * band + 4, w, band - 8, Colour(span), tip).Mark("span"));
        }
        double axis = top + Math.Max(1, rows.Count) * band;
        content.Add(Line(left, axis, left + plot, axis, "#444444"));
        foreach (double tick in Ticks(n, 6).Where(t => t >= 1 && t <= n).Prepend(1).Distinct())
        {
            double x = left + (tick - 0.5) * unit;
            content.Add(Line(x, axis, x, axis + 4, "#444444"));
            content.Add(TextAt(x, axis + 16, tick.ToString("0", ci), "middle", size: 10));
        }
        content.Add(TextAt(left + plot / 2, height - 6, "statement in the session", "middle"));
        string description = chain.Count == 0 ? "No statements." :
            string.Create(ci, $"{session.Statements.Count} statements in {chain.Count} spans: ") + string.Join(", ", chain.Take(12).Select(c => string.Create(ci, $"{TacticLabel(c)} ({c.Count})"))) + (chain.Count > 12 ? ", …" : ".");
        return Root(width, height, $"Attack chain of session {session.Window.SessionId}", description, content);
    }

    private static Table SpanTable(TaggedSession s) => new(
        [["tactic", "first statement", "last statement", "statements", "first time", "last time"],
         .. s.Chain.Select(c => new[]
         {
             TacticLabel(c), (c.First + 1).ToString(CultureInfo.InvariantCulture), (c.Last + 1).ToString(CultureInfo.InvariantCulture),
             c.Count.ToString(CultureInfo.InvariantCulture), c.FirstTimestamp ?? "", c.LastTimestamp ?? "",
         })],
        new HashSet<int> { 1, 2, 3 });

    private static Table StatementTable(TaggedSession s) => new(
        [["#", "line", "time", "tactic", "probability", "technique", "statement"],
         .. s.Statements.Take(MaxStatementRows).Select((t, i) => new[]
         {
             (i + 1).ToString(CultureInfo.InvariantCulture), t.Statement.LineNumber.ToString(CultureInfo.InvariantCulture), t.Statement.Timestamp ?? "",
             t.Tactic?.Name ?? "Benign", t.Probability.ToString("F3", CultureInfo.InvariantCulture),
             t.Technique is { } tech ? $"{tech.Id}: {tech.Name}" : "", t.Statement.Text,
         })],
        new HashSet<int> { 0, 1, 4 });
}
