using System.Text.Json;

namespace AttackClassifier.Telemetry;

/// <summary>
/// A source's field mapping, as Elastic's ingest pipelines and Sigma's processing pipelines keep one per source: where
/// the command line is, which fields identify the event, and (for osquery) how one input object holds several events.
/// </summary>
internal abstract class JsonPreset
{
    internal static JsonPreset For(TelemetryFormat format) => format switch
    {
        TelemetryFormat.Jsonl => new Jsonl(),
        TelemetryFormat.Ecs => new Ecs(),
        TelemetryFormat.Sysmon => new Sysmon(),
        TelemetryFormat.Win4688 => new Win4688(),
        TelemetryFormat.Osquery => new Osquery(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a JSON format."),
    };

    /// <summary>The events one input object holds: the object itself, except for osquery's batch and snapshot lines.</summary>
    internal virtual bool TryExpand(JsonElement root, List<JsonElement> events, out string? error)
    {
        events.Add(root);
        error = null;
        return true;
    }

    /// <summary>The event's command line, or null with the reason.</summary>
    internal abstract string? Command(JsonElement ev, out string? error);

    /// <summary><paramref name="record"/> with the event's identity fields set.</summary>
    internal abstract TelemetryRecord Identify(JsonElement ev, TelemetryRecord record);

    /// <summary>The string at a path, or null with a message naming the path and what was found instead.</summary>
    internal static string? StringAt(JsonElement ev, string[] path, out string? error)
    {
        string name = string.Join('.', path);
        if (!JsonFieldPath.TryResolve(ev, path, out JsonElement value))
        {
            error = $"field '{name}' is missing.";
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            error = $"field '{name}' is {JsonFieldPath.Describe(value.ValueKind)}, not a string.";
            return null;
        }
        error = null;
        return value.GetString();
    }

    private static string[] P(string path) => path.Split('.');

    private static string? Text(JsonElement ev, string[] path) => JsonFieldPath.Text(ev, path);

    private sealed class Jsonl : JsonPreset
    {
        internal override string? Command(JsonElement ev, out string? error) =>
            throw new InvalidOperationException("jsonl reads its command from FieldPath.");

        internal override TelemetryRecord Identify(JsonElement ev, TelemetryRecord record) => record;
    }

    /// <summary>
    /// ECS process events (Elastic Endpoint, Auditbeat, Winlogbeat's ECS fields). Command: <c>process.command_line</c>;
    /// when it is absent or empty, <c>process.args</c> joined by <see cref="CommandText.ShellJoin"/>. Carried:
    /// event.id, host.name (else host.hostname), user.name, @timestamp, process.pid, process.parent.pid,
    /// process.executable, process.working_directory, user.id, user.audit.id.
    /// </summary>
    private sealed class Ecs : JsonPreset
    {
        private static readonly string[] CommandLine = P("process.command_line"), Args = P("process.args");
        private static readonly string[] EventId = P("event.id"), HostName = P("host.name"), HostHostname = P("host.hostname"),
            UserName = P("user.name"), Timestamp = ["@timestamp"], Pid = P("process.pid"), ParentPid = P("process.parent.pid"),
            Executable = P("process.executable"), WorkingDirectory = P("process.working_directory"), UserId = P("user.id"),
            AuditUserId = P("user.audit.id");

        internal override string? Command(JsonElement ev, out string? error)
        {
            if (JsonFieldPath.TryResolve(ev, CommandLine, out JsonElement line) && !(line.ValueKind == JsonValueKind.String && line.GetString() is ""))
                return StringAt(ev, CommandLine, out error);
            if (!JsonFieldPath.TryResolve(ev, Args, out JsonElement args))
            {
                error = "no process.command_line or process.args.";
                return null;
            }
            if (args.ValueKind != JsonValueKind.Array || args.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
            {
                error = "field 'process.args' is not an array of strings.";
                return null;
            }
            error = null;
            return CommandText.ShellJoin([.. args.EnumerateArray().Select(a => a.GetString()!)]);
        }

        internal override TelemetryRecord Identify(JsonElement ev, TelemetryRecord record) => record with
        {
            EventId = Text(ev, EventId),
            Host = Text(ev, HostName) ?? Text(ev, HostHostname),
            User = Text(ev, UserName),
            Timestamp = Text(ev, Timestamp),
            ProcessId = Text(ev, Pid),
            ParentProcessId = Text(ev, ParentPid),
            Executable = Text(ev, Executable),
            WorkingDirectory = Text(ev, WorkingDirectory),
            UserId = Text(ev, UserId),
            AuditUserId = Text(ev, AuditUserId),
        };
    }

    /// <summary>
    /// A Windows event as Winlogbeat writes it (<c>winlog.event_data.NAME</c>, <c>winlog.record_id</c>,
    /// <c>winlog.computer_name</c>, <c>winlog.event_id</c>) or as an exported event rendered to JSON, with or without an
    /// <c>Event</c> wrapper: <c>System</c> (<c>EventID</c>, <c>EventRecordID</c>, <c>Computer</c>,
    /// <c>TimeCreated.@SystemTime</c>) and <c>EventData</c> either as xmltodict writes it
    /// (<c>{"Data":[{"@Name":"CommandLine","#text":"…"}]}</c>) or as a name → value map (evtx_dump).
    /// </summary>
    private abstract class WindowsEvent : JsonPreset
    {
        private static readonly string[] WinlogEventData = P("winlog.event_data"), WinlogEventId = P("winlog.event_id"),
            WinlogRecordId = P("winlog.record_id"), WinlogComputer = P("winlog.computer_name"), HostName = P("host.name"),
            Timestamp = ["@timestamp"];

        /// <summary>The event ID this preset reads (1 for Sysmon, 4688 for Security).</summary>
        protected abstract string ExpectedEventId { get; }

        /// <summary>The error for a different event ID.</summary>
        protected abstract string NotProcessCreation(string eventId);

        /// <summary>Checks the event ID when the event has one, then reads the command.</summary>
        internal sealed override string? Command(JsonElement ev, out string? error)
        {
            string? id = EventIdOf(ev);
            if (id is not null && id != ExpectedEventId)
            {
                error = NotProcessCreation(id);
                return null;
            }
            return CommandOf(ev, out error);
        }

        protected abstract string? CommandOf(JsonElement ev, out string? error);

        /// <summary>An EventData value: Winlogbeat's first, then the exported shapes. An empty exported <c>&lt;Data/&gt;</c>
        /// gives true with an undefined (default) element.</summary>
        protected static bool TryData(JsonElement ev, string name, out JsonElement value)
        {
            if (JsonFieldPath.TryResolve(ev, WinlogEventData, out JsonElement data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty(name, out value))
                return true;
            if (TryExported(ev, "EventData", out data) && data.ValueKind == JsonValueKind.Object)
            {
                if (data.TryGetProperty("Data", out JsonElement items))
                {
                    // xmltodict writes one <Data> element as an object and several as an array.
                    foreach (JsonElement item in items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : Enumerable.Repeat(items, 1))
                    {
                        if (item.ValueKind != JsonValueKind.Object) continue;
                        if ((item.TryGetProperty("@Name", out JsonElement n) || item.TryGetProperty("Name", out n))
                            && n.ValueKind == JsonValueKind.String && n.GetString() == name)
                        {
                            // An empty <Data Name="X"/> has no #text.
                            if (!item.TryGetProperty("#text", out value)) value = default;
                            return true;
                        }
                    }
                }
                if (data.TryGetProperty(name, out value)) return true;
            }
            value = default;
            return false;
        }

        protected static string? DataText(JsonElement ev, string name) =>
            TryData(ev, name, out JsonElement v) ? (v.ValueKind == JsonValueKind.Undefined ? "" : JsonFieldPath.Text(v)) : null;

        /// <summary>A string EventData value for the command, or null with the reason.</summary>
        protected static string? DataString(JsonElement ev, string name, out string? error)
        {
            error = null;
            if (!TryData(ev, name, out JsonElement v))
            {
                error = $"no {name} in winlog.event_data or EventData.";
                return null;
            }
            if (v.ValueKind == JsonValueKind.Undefined) return "";
            if (v.ValueKind != JsonValueKind.String)
            {
                error = $"{name} is {JsonFieldPath.Describe(v.ValueKind)}, not a string.";
                return null;
            }
            return v.GetString();
        }

        // Event.X or X at the top.
        private static bool TryExported(JsonElement ev, string name, out JsonElement value) =>
            (ev.TryGetProperty("Event", out JsonElement wrapped) && wrapped.ValueKind == JsonValueKind.Object && wrapped.TryGetProperty(name, out value))
            || ev.TryGetProperty(name, out value);

        private static string? SystemText(JsonElement ev, string name)
        {
            if (!TryExported(ev, "System", out JsonElement system) || system.ValueKind != JsonValueKind.Object || !system.TryGetProperty(name, out JsonElement v))
                return null;
            // xmltodict writes an element with attributes as {"@Qualifiers": …, "#text": "1"}; evtx_dump puts attributes
            // under "#attributes" (TimeCreated's SystemTime).
            if (v.ValueKind == JsonValueKind.Object)
            {
                foreach (string inner in new[] { "#text", "@SystemTime" })
                    if (v.TryGetProperty(inner, out JsonElement t)) return JsonFieldPath.Text(t);
                if (v.TryGetProperty("#attributes", out JsonElement attributes) && attributes.ValueKind == JsonValueKind.Object
                    && attributes.TryGetProperty("SystemTime", out JsonElement time))
                    return JsonFieldPath.Text(time);
                return null;
            }
            return JsonFieldPath.Text(v);
        }

        private static string? EventIdOf(JsonElement ev) => Text(ev, WinlogEventId) ?? SystemText(ev, "EventID");

        /// <summary>Record id, host and time, common to both Windows presets.</summary>
        protected static TelemetryRecord IdentifyWindows(JsonElement ev, TelemetryRecord record, string? timestamp) => record with
        {
            EventId = Text(ev, WinlogRecordId) ?? SystemText(ev, "EventRecordID"),
            Host = Text(ev, WinlogComputer) ?? Text(ev, HostName) ?? SystemText(ev, "Computer"),
            Timestamp = timestamp ?? Text(ev, Timestamp) ?? SystemText(ev, "TimeCreated"),
        };
    }

    /// <summary>
    /// Sysmon event ID 1 (process creation). Command: <c>CommandLine</c>. Carried: record id, computer name (else
    /// host.name), <c>User</c>, <c>UtcTime</c> (else @timestamp, else System TimeCreated), <c>ProcessId</c>,
    /// <c>ParentProcessId</c>, <c>Image</c>, <c>CurrentDirectory</c>. Another Sysmon event ID is an error record.
    /// </summary>
    private sealed class Sysmon : WindowsEvent
    {
        protected override string ExpectedEventId => "1";

        protected override string NotProcessCreation(string eventId) => $"Sysmon event ID {eventId} is not process creation (event ID 1).";

        protected override string? CommandOf(JsonElement ev, out string? error) => DataString(ev, "CommandLine", out error);

        internal override TelemetryRecord Identify(JsonElement ev, TelemetryRecord record) => IdentifyWindows(ev, record, DataText(ev, "UtcTime")) with
        {
            User = DataText(ev, "User"),
            ProcessId = DataText(ev, "ProcessId"),
            ParentProcessId = DataText(ev, "ParentProcessId"),
            Executable = DataText(ev, "Image"),
            WorkingDirectory = DataText(ev, "CurrentDirectory"),
        };
    }

    /// <summary>
    /// Security event 4688 (a new process has been created). Command: <c>CommandLine</c> when present and not empty
    /// (only with "Include command line in process creation events" enabled), else <c>NewProcessName</c>. Carried:
    /// record id, computer name, <c>SubjectDomainName\SubjectUserName</c>, @timestamp (else System TimeCreated),
    /// <c>NewProcessId</c> and the creator's <c>ProcessId</c> (both hex, as Windows writes them), <c>NewProcessName</c>.
    /// </summary>
    private sealed class Win4688 : WindowsEvent
    {
        protected override string ExpectedEventId => "4688";

        protected override string NotProcessCreation(string eventId) => $"event ID {eventId} is not process creation (event ID 4688).";

        protected override string? CommandOf(JsonElement ev, out string? error)
        {
            if (TryData(ev, "CommandLine", out _))
            {
                string? command = DataString(ev, "CommandLine", out error);
                if (command is not "") return command;   // a command line, or null with the reason
            }
            if (!TryData(ev, "NewProcessName", out _))
            {
                error = "no CommandLine or NewProcessName in winlog.event_data or EventData.";
                return null;
            }
            return DataString(ev, "NewProcessName", out error);
        }

        internal override TelemetryRecord Identify(JsonElement ev, TelemetryRecord record)
        {
            string? user = DataText(ev, "SubjectUserName");
            string? domain = DataText(ev, "SubjectDomainName");
            return IdentifyWindows(ev, record, null) with
            {
                User = string.IsNullOrEmpty(domain) || user is null ? user : $"{domain}\\{user}",
                ProcessId = DataText(ev, "NewProcessId"),
                ParentProcessId = DataText(ev, "ProcessId"),
                Executable = DataText(ev, "NewProcessName"),
            };
        }
    }

    /// <summary>
    /// osquery scheduled-query results of <c>process_events</c> or <c>processes</c>, one row per record, in every log
    /// format: event (one row in <c>columns</c>, with <c>action</c>), batch (<c>diffResults.added</c> rows) and snapshot
    /// (<c>snapshot</c> rows). A batch or snapshot row's record carries, as <see cref="TelemetryRecord.Original"/>, the
    /// row as event format would have logged it: the line's other fields, <c>columns</c> = the row, <c>action</c>.
    /// Removed rows (a process that left the <c>processes</c> table) are not executions and give no record, so a line
    /// gives as many records as it has added or snapshot rows — possibly none. Command: <c>columns.cmdline</c>.
    /// Carried: hostIdentifier, columns.eid, columns.time (else unixTime), pid, parent, path, cwd, uid, auid (osquery
    /// gives uids, not user names: <see cref="TelemetryRecord.User"/> stays null).
    /// </summary>
    private sealed class Osquery : JsonPreset
    {
        private static readonly string[] Dropped = ["diffResults", "snapshot", "columns", "action"];
        private static readonly JsonElement Added = Literal("\"added\""), Snapshot = Literal("\"snapshot\"");
        private static readonly string[] Cmdline = P("columns.cmdline"), Host = ["hostIdentifier"], Eid = P("columns.eid"),
            Time = P("columns.time"), UnixTime = ["unixTime"], Pid = P("columns.pid"), Parent = P("columns.parent"),
            Path = P("columns.path"), Cwd = P("columns.cwd"), Uid = P("columns.uid"), Auid = P("columns.auid");

        private static JsonElement Literal(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }

        internal override bool TryExpand(JsonElement root, List<JsonElement> events, out string? error)
        {
            error = null;
            if (root.TryGetProperty("diffResults", out JsonElement diff))
            {
                if (diff.ValueKind != JsonValueKind.Object)
                    error = "field 'diffResults' is not an object.";
                else if (diff.TryGetProperty("added", out JsonElement added))
                    return Rows(root, added, "diffResults.added", Added, events, out error);
                return error is null;
            }
            if (root.TryGetProperty("snapshot", out JsonElement snapshot))
                return Rows(root, snapshot, "snapshot", Snapshot, events, out error);
            if (root.TryGetProperty("columns", out _))
            {
                if (!(root.TryGetProperty("action", out JsonElement action) && action.ValueKind == JsonValueKind.String && action.GetString() == "removed"))
                    events.Add(root);
                return true;
            }
            error = "no columns, diffResults or snapshot: not an osquery result.";
            return false;
        }

        private static bool Rows(JsonElement root, JsonElement rows, string name, JsonElement action, List<JsonElement> events, out string? error)
        {
            if (rows.ValueKind != JsonValueKind.Array)
            {
                error = $"field '{name}' is {JsonFieldPath.Describe(rows.ValueKind)}, not an array of rows.";
                return false;
            }
            foreach (JsonElement row in rows.EnumerateArray())
                events.Add(JsonTelemetryReader.Rewrite(root, Dropped, ("columns", row), ("action", action)));
            error = null;
            return true;
        }

        internal override string? Command(JsonElement ev, out string? error) => StringAt(ev, Cmdline, out error);

        internal override TelemetryRecord Identify(JsonElement ev, TelemetryRecord record) => record with
        {
            Host = Text(ev, Host),
            EventId = Text(ev, Eid),
            Timestamp = Text(ev, Time) ?? Text(ev, UnixTime),
            ProcessId = Text(ev, Pid),
            ParentProcessId = Text(ev, Parent),
            Executable = Text(ev, Path),
            WorkingDirectory = Text(ev, Cwd),
            UserId = Text(ev, Uid),
            AuditUserId = Text(ev, Auid),
        };
    }
}
