using System.Globalization;
using System.Text;
using System.Text.Json;
using AttackClassifier.Sessions;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Output;

/// <summary>
/// Writes <c>sessions</c> output: one record per session (part) — its attack chain, summary and every statement's tag — and one
/// error record per input record that held no command, as JSON Lines or text.
/// </summary>
/// <remarks>
/// JSONL session record: <c>session_id</c>, <c>part</c>, <c>last_part</c>, <c>hosts</c>, <c>users</c>, <c>first_time</c>,
/// <c>last_time</c>, <c>summary</c>, <c>chain</c> (per span: <c>tactic</c> (shortname or benign), <c>tactic_id</c>, <c>tactic_name</c>,
/// <c>first</c>, <c>last</c> (statement indices), <c>statements</c>, <c>first_time</c>, <c>last_time</c>) and <c>statements</c> (per statement:
/// <c>index</c>, <c>line</c>, <c>command_index</c>, <c>statement_index</c>, <c>statement</c>, <c>command</c>, <c>host</c>, <c>user</c>,
/// <c>timestamp</c>, <c>tactic</c>, <c>tactic_id</c>, <c>probability</c> (in context), <c>technique_id</c>, <c>technique_name</c>,
/// <c>technique_probability</c>, <c>statement_tactic</c>, <c>statement_probability</c> (the statement model alone)). Error record:
/// <c>source</c>, <c>line</c>, <c>error</c>. Text: a header line per session (<c>#</c>, id, part, summary), then one tab-separated line per
/// statement (line, tactic, probability, technique, statement), every input value escaped; an error is one line
/// <c>source:line: error: message</c>.
/// </remarks>
internal sealed class SessionRecordWriter(OutputBuffer output, OutputFormat format, string source)
{
    private readonly StringBuilder _line = new(256);

    internal void WriteError(TelemetryRecord record)
    {
        if (format == OutputFormat.Text)
        {
            output.WriteText($"{TextEscaping.EscapeForText(source)}:{record.LineNumber.ToString(CultureInfo.InvariantCulture)}: error: {TextEscaping.EscapeForText(record.Error ?? "no command")}");
            output.EndRecord();
            return;
        }
        Utf8JsonWriter w = output.Json;
        w.WriteStartObject();
        w.WriteString("source", source);
        w.WriteNumber("line", record.LineNumber);
        w.WriteString("error", record.Error ?? "no command");
        w.WriteEndObject();
        output.EndRecord();
    }

    internal void Write(TaggedSession session)
    {
        if (format == OutputFormat.Text) WriteText(session);
        else WriteJson(session);
    }

    private void WriteText(TaggedSession session)
    {
        CultureInfo ci = CultureInfo.InvariantCulture;
        SessionWindow window = session.Window;
        output.WriteText($"# session {TextEscaping.EscapeForText(window.SessionId)} part {window.Part.ToString(ci)}{(window.IsLastPart ? "" : " (continues)")}: {TextEscaping.EscapeForText(session.Summary)}");
        output.EndRecord();
        foreach (TaggedStatement s in session.Statements)
        {
            _line.Clear();
            _line.Append(s.Statement.LineNumber.ToString(ci)).Append('\t')
                 .Append(s.State).Append('\t')
                 .Append(s.Probability.ToString("F3", ci)).Append('\t')
                 .Append(s.Technique?.Id ?? "-").Append('\t')
                 .Append(TextEscaping.EscapeForText(s.Statement.Text));
            output.WriteText(_line.ToString());
            output.EndRecord();
        }
    }

    private void WriteJson(TaggedSession session)
    {
        Utf8JsonWriter w = output.Json;
        SessionWindow window = session.Window;
        w.WriteStartObject();
        w.WriteString("session_id", window.SessionId);
        w.WriteNumber("part", window.Part);
        w.WriteBoolean("last_part", window.IsLastPart);
        Strings(w, "hosts", window.Hosts);
        Strings(w, "users", window.Users);
        OptionalString(w, "first_time", session.Chain.Select(c => c.FirstTimestamp).FirstOrDefault(t => t is not null));
        OptionalString(w, "last_time", session.Chain.Select(c => c.LastTimestamp).LastOrDefault(t => t is not null));
        w.WriteString("summary", session.Summary);
        w.WriteStartArray("chain");
        foreach (TacticSpan span in session.Chain)
        {
            w.WriteStartObject();
            w.WriteString("tactic", span.State);
            OptionalString(w, "tactic_id", span.Tactic?.Id);
            OptionalString(w, "tactic_name", span.Tactic?.Name);
            w.WriteNumber("first", span.First);
            w.WriteNumber("last", span.Last);
            w.WriteNumber("statements", span.Count);
            OptionalString(w, "first_time", span.FirstTimestamp);
            OptionalString(w, "last_time", span.LastTimestamp);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("statements");
        for (int i = 0; i < session.Statements.Count; i++)
        {
            TaggedStatement s = session.Statements[i];
            w.WriteStartObject();
            w.WriteNumber("index", i);
            w.WriteNumber("line", s.Statement.LineNumber);
            w.WriteNumber("command_index", s.Statement.CommandIndex);
            w.WriteNumber("statement_index", s.Statement.StatementIndex);
            w.WriteString("statement", s.Statement.Text);
            w.WriteString("command", s.Statement.Command);
            OptionalString(w, "host", s.Statement.Host);
            OptionalString(w, "user", s.Statement.User);
            OptionalString(w, "timestamp", s.Statement.Timestamp);
            w.WriteString("tactic", s.State);
            OptionalString(w, "tactic_id", s.Tactic?.Id);
            w.WriteNumber("probability", Math.Round(s.Probability, 6));
            OptionalString(w, "technique_id", s.Technique?.Id);
            OptionalString(w, "technique_name", s.Technique?.Name);
            if (s.Technique is not null) w.WriteNumber("technique_probability", Math.Round(s.TechniqueProbability, 6));
            w.WriteString("statement_tactic", s.StatementState);
            w.WriteNumber("statement_probability", Math.Round(s.StatementProbability, 6));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        output.EndRecord();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
