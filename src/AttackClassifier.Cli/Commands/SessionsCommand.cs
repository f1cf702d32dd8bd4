using System.CommandLine;
using System.Globalization;
using AttackClassifier.Classification;
using AttackClassifier.Cli.Output;
using AttackClassifier.Cli.Report;
using AttackClassifier.Serialization;
using AttackClassifier.Sessions;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier sessions</c>: groups telemetry into sessions (<see cref="SessionReader"/>), tags every statement with a
/// tactic in context (<see cref="SessionTagger"/>), and writes per session its attack chain — JSONL or text, streaming, one record
/// per session (part) and one error record per input record without a command — or one HTML page with a timeline per session.
/// </summary>
internal static class SessionsCommand
{

    /// <summary>Sessions drawn in one HTML page; the rest are counted (the page is built in memory).</summary>
    internal const int MaxHtmlSessions = 500;

    internal static Command Create()
    {
        var defaults = new SessionOptions();
        var input = new Option<string?>("--input") { Description = "Read from this file instead of standard input." };
        var inputFormat = new Option<string>("--input-format") { Description = "As predict: plain, jsonl (with --field), ecs, sysmon, win4688, osquery or auditd.", DefaultValueFactory = _ => "plain" };
        inputFormat.AcceptOnlyFromAmong(ClassificationOptions.InputFormats);
        var field = new Option<string?>("--field") { Description = "Dot path of the command line in each JSON object (required for jsonl)." };
        var sessionField = new Option<string?>("--session-field")
        {
            Description = "The field naming a record's session: a JSON dot path (process.session_leader.entity_id) or, for auditd, ses, auid, uid, tty, pid, ppid, host or user. Default: host + user with --gap; without host and user, the whole input is one session.",
        };
        var gap = new Option<string>("--gap") { Description = "Host + user grouping: a pause longer than this starts a new session (e.g. 30m, 2h, 90s, 1h30m).", DefaultValueFactory = _ => "30m" };
        var model = new Option<string?>("--model") { Description = "A session tagger written by train-sessions, or builtin:linux-sessions / builtin:windows-sessions (default: the one for the input format)." };
        var commandModel = new Option<string?>("--command-model") { Description = "Command classifier that names each statement's technique within its tactic (default: the built-in model for the input format; 'none' to skip)." };
        var format = new Option<string>("--format") { Description = "Output: jsonl (one record per session), text, or html (one page with a timeline per session).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "text", "html");
        var maxStatements = new Option<int>("--max-statements") { Description = "Longest session tagged at once; a longer one is written in parts.", DefaultValueFactory = _ => defaults.MaxStatements };
        var overlap = new Option<int>("--overlap") { Description = "Statements of context each part borrows from its neighbours.", DefaultValueFactory = _ => defaults.Overlap };
        var command = new Command("sessions", "Group telemetry into sessions and tag each statement with its tactic in context: the attack chain per session.");
        foreach (Option o in new Option[] { input, inputFormat, field, sessionField, gap, model, commandModel, format, maxStatements, overlap }) command.Options.Add(o);
        command.SetAction(parsed =>
        {
            TelemetryFormat telemetry = Enum.Parse<TelemetryFormat>(parsed.GetValue(inputFormat)!, ignoreCase: true);
            bool jsonInput = telemetry is not (TelemetryFormat.Plain or TelemetryFormat.Auditd);
            string? fieldPath = parsed.GetValue(field);
            if (fieldPath is not null && !jsonInput) throw new CliException($"--field applies to JSON inputs, not {PredictionStream.Name(telemetry)}.");
            if (fieldPath is null && telemetry == TelemetryFormat.Jsonl) throw new CliException("--input-format jsonl needs --field: the dot path of the command line in each object.");
            var readerOptions = new TelemetryReaderOptions { Format = telemetry, FieldPath = fieldPath };
            var sessionOptions = defaults with
            {
                SessionField = parsed.GetValue(sessionField),
                IdleGap = ParseGap(parsed.GetValue(gap)!),
                MaxStatements = parsed.GetValue(maxStatements),
                Overlap = parsed.GetValue(overlap),
            };
            if (sessionOptions.MaxStatements is < 1 or > 1_000_000) throw new CliException("--max-statements must be in [1, 1000000].");
            if (sessionOptions.Overlap < 0 || sessionOptions.Overlap > sessionOptions.MaxStatements) throw new CliException("--overlap must be in [0, --max-statements].");
            string? inputPath = parsed.GetValue(input);
            if (inputPath is not null && !File.Exists(inputPath)) throw new CliException($"--input: file not found: {inputPath}");
            string source = inputPath is null ? "<stdin>" : Path.GetFileName(inputPath);

            string modelName = parsed.GetValue(model) ?? BuiltinModels.BuiltinModels.DefaultSessionsFor(telemetry);
            LoadedSessionTagger tagger = BuiltinModels.BuiltinModels.OpenSessionTagger(modelName);
            string techniqueModel = parsed.GetValue(commandModel) ?? BuiltinModels.BuiltinModels.DefaultFor(telemetry);
            IAttackClassifier? techniques = techniqueModel == "none" ? null : EvaluateCommand.LoadModel(techniqueModel);
            if (techniques is null && tagger.Tagger.NeedsCommandModel)
                throw new CliException($"--command-model none: the session model {modelName} weighs a command classifier's view of each statement; give that classifier (it was trained with {tagger.Info.Metadata?.Options.GetValueOrDefault("command_model") ?? "one"}).");
            OutputFormat output = parsed.GetValue(format) switch { "text" => OutputFormat.Text, _ => OutputFormat.Jsonl };
            bool html = parsed.GetValue(format) == "html";

            TextWriter stdout = parsed.InvocationConfiguration.Output;
            bool live = inputPath is null;
            using OutputBuffer buffer = ReferenceEquals(stdout, Console.Out)
                ? OutputBuffer.ForStream(Console.OpenStandardOutput(), live)
                : OutputBuffer.ForTextWriter(stdout, live);
            var writer = new SessionRecordWriter(buffer, output, source);
            var page = new List<TaggedSession>();
            long errors = 0, records = 0, sessions = 0;

            void Run(IEnumerable<TelemetryRecord> telemetryRecords)
            {
                foreach (SessionItem item in SessionReader.Read(telemetryRecords, sessionOptions, source))
                {
                    if (item.Error is { } error)
                    {
                        errors++;
                        records++;
                        if (!html) writer.WriteError(error);
                        continue;
                    }
                    sessions++;
                    TaggedSession tagged = tagger.Tagger.Tag(item.Window!, techniques);
                    if (!html) writer.Write(tagged);
                    else if (page.Count < MaxHtmlSessions) page.Add(tagged);
                }
                buffer.Flush();
            }

            if (inputPath is not null)
            {
                using var file = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                Run(TelemetryReader.Read(file, readerOptions));
            }
            else if (ReferenceEquals(CliApp.Input, Console.In))
            {
                using Stream stdin = Console.OpenStandardInput();
                Run(TelemetryReader.Read(stdin, readerOptions));
            }
            else
            {
                Run(TelemetryReader.Read(CliApp.Input, readerOptions));
            }
            if (html)
            {
                string name = tagger.Info.Metadata?.Name ?? Path.GetFileName(modelName);
                ReportWriter.WriteHtml(stdout, HtmlReport.Render(SessionTimeline.Build(page, source, name, (int)Math.Min(int.MaxValue, sessions - page.Count)), SessionTimeline.Title));
                stdout.Flush();
            }
            if (errors > 0)
                parsed.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sessions: {errors} input records held no command{(html ? "" : "; each has an error record naming its line")}."));
            return 0;
        });
        return command;
    }

    /// <summary>A duration such as <c>30m</c>, <c>2h</c>, <c>90s</c>, <c>1h30m</c> or <c>1d</c>: whole numbers with units d, h, m, s, in that order; positive.</summary>
    internal static TimeSpan ParseGap(string text)
    {
        string s = text.Trim();
        TimeSpan total = TimeSpan.Zero;
        int i = 0, lastUnit = -1;
        const string Units = "dhms";
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start || i == s.Length || i - start > 9) throw new CliException($"--gap: expected a duration such as 30m, 2h, 90s or 1h30m; got '{text}'.");
            int unit = Units.IndexOf(s[i]);
            if (unit <= lastUnit) throw new CliException($"--gap: expected a duration such as 30m, 2h, 90s or 1h30m; got '{text}'.");
            long value = long.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture);
            total += unit switch { 0 => TimeSpan.FromDays(value), 1 => TimeSpan.FromHours(value), 2 => TimeSpan.FromMinutes(value), _ => TimeSpan.FromSeconds(value) };
            lastUnit = unit;
            i++;
        }
        return total > TimeSpan.Zero ? total : throw new CliException($"--gap must be positive; got '{text}'.");
    }
}
