using System.Globalization;
using System.Text.Json;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Output;

/// <summary>
/// <c>--keep</c>: input fields copied into each prediction record. For JSON inputs a name is a dot path into the input
/// event (<see cref="TelemetryRecord.TryGetField"/>'s rules); for auditd input it is one of the identity fields the reader
/// carries (<see cref="Identity"/>). A field the record lacks is written as null, never skipped.
/// </summary>
/// <remarks>
/// JSON layout: dot paths nest (<c>process.pid</c> → <c>{"process":{"pid":…}}</c>), so two names where one is a prefix of
/// the other (<c>host</c>, <c>host.name</c>) cannot both be written and are rejected up front, as is a name that would
/// overwrite an output field. JSONL writes identity fields under their short names as the reader's text; ECS writes them
/// at their ECS fields (<c>pid</c> → <c>process.pid</c>, a number), the auditd epoch time as ISO 8601 <c>@timestamp</c>,
/// and ECS prediction records always hold <c>process.command_line</c>, the command classified.
/// </remarks>
internal sealed class KeptFields
{
    private enum ValueKind { Text, Integer, EpochSeconds }

    /// <summary>An identity field of auditd input, by its <c>--keep</c> name, and where ECS puts it (Auditbeat's names for
    /// the auditd-only ones: <c>auditd.session</c>, <c>auditd.sequence</c>, <c>auditd.data.tty</c>).</summary>
    private sealed record IdentityField(string Name, Func<TelemetryRecord, string?> Get, string EcsPath, ValueKind Kind);

    private static readonly IdentityField[] Identity =
    [
        new("event_id", r => r.EventId, "event.id", ValueKind.Text),
        new("host", r => r.Host, "host.name", ValueKind.Text),
        new("user", r => r.User, "user.name", ValueKind.Text),
        new("timestamp", r => r.Timestamp, "@timestamp", ValueKind.EpochSeconds),
        new("pid", r => r.ProcessId, "process.pid", ValueKind.Integer),
        new("ppid", r => r.ParentProcessId, "process.parent.pid", ValueKind.Integer),
        new("exe", r => r.Executable, "process.executable", ValueKind.Text),
        new("cwd", r => r.WorkingDirectory, "process.working_directory", ValueKind.Text),
        new("uid", r => r.UserId, "user.id", ValueKind.Text),
        new("auid", r => r.AuditUserId, "user.audit.id", ValueKind.Text),
        new("ses", r => r.Session, "auditd.session", ValueKind.Text),
        new("tty", r => r.Terminal, "auditd.data.tty", ValueKind.Text),
        new("serial", r => r.AuditSerial, "auditd.sequence", ValueKind.Integer),
    ];

    /// <summary>The <c>--keep</c> names auditd input accepts.</summary>
    internal static IEnumerable<string> IdentityNames => Identity.Select(f => f.Name);

    // A leaf is one value: a JSON path into the input event, an identity field, or the classified command line.
    private sealed class Leaf(string[]? path, IdentityField? identity)
    {
        internal string[]? Path { get; } = path;
        internal IdentityField? Identity { get; } = identity;
    }

    private sealed class Node(string name)
    {
        internal string Name { get; } = name;
        internal JsonEncodedText EncodedName { get; } = JsonEncodedText.Encode(name, OutputBuffer.WriterOptions.Encoder);
        internal List<Node> Children { get; } = [];
        internal Leaf? Leaf { get; set; }
    }

    private readonly Node _root = new("");
    private readonly Leaf[] _columns;          // in --keep order: the text format's extra columns
    private readonly bool _ecs;
    private byte[] _scratch = new byte[256];

    private KeptFields(Leaf[] columns, bool ecs)
    {
        _columns = columns;
        _ecs = ecs;
    }

    /// <summary>Checks and lays out the <c>--keep</c> names for one input and output format.</summary>
    /// <param name="names">The names as given.</param>
    /// <param name="input">The input format: JSON inputs take dot paths, auditd takes identity names, plain takes none.</param>
    /// <param name="output">The output format: ECS maps identity names to ECS fields and adds <c>process.command_line</c>.</param>
    /// <param name="reserved">Top-level names the output record writes itself.</param>
    /// <exception cref="CliException">An unknown identity name, a path with an empty segment, overlapping names, a reserved name.</exception>
    internal static KeptFields Create(IReadOnlyList<string> names, TelemetryFormat input, OutputFormat output, IReadOnlyCollection<string> reserved)
    {
        bool ecs = output == OutputFormat.Ecs;
        bool json = input is not (TelemetryFormat.Plain or TelemetryFormat.Auditd);
        if (input == TelemetryFormat.Plain && names.Count > 0)
            throw new CliException("--keep: plain input carries no fields besides the command and its line, which every output record has.");
        var columns = new Leaf[names.Count];
        var kept = new KeptFields(columns, ecs);
        if (ecs) kept.Add("process.command_line", new Leaf(null, null), "the command classified", reserved);
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i];
            if (json)
            {
                string[] path;
                try
                {
                    path = JsonFieldPath.Split(name);
                }
                catch (ArgumentException)
                {
                    throw new CliException($"--keep: '{name}' is not a dot path (an empty name or segment).");
                }
                columns[i] = new Leaf(path, null);
                kept.Add(name, columns[i], name, reserved);
            }
            else
            {
                IdentityField field = Identity.FirstOrDefault(f => f.Name == name)
                    ?? throw new CliException($"--keep: auditd input carries {string.Join(", ", IdentityNames)}; '{name}' is none of them.");
                columns[i] = new Leaf(null, field);
                kept.Add(ecs ? field.EcsPath : field.Name, columns[i], name, reserved);
            }
        }
        return kept;
    }

    private void Add(string path, Leaf leaf, string given, IReadOnlyCollection<string> reserved)
    {
        string[] segments = path.Split('.');
        if (reserved.Contains(segments[0]))
            throw new CliException($"--keep {given}: the output record writes '{segments[0]}' itself.");
        Node node = _root;
        for (int s = 0; s < segments.Length; s++)
        {
            Node? child = node.Children.Find(c => c.Name == segments[s]);
            if (child is null)
            {
                child = new Node(segments[s]);
                node.Children.Add(child);
            }
            else if (child.Leaf is not null || s == segments.Length - 1)
            {
                throw new CliException($"--keep {given}: overlaps another kept field at '{string.Join('.', segments, 0, s + 1)}' (a field and a field inside it cannot both be written).");
            }
            node = child;
        }
        node.Leaf = leaf;
    }

    /// <summary>Writes the kept fields as properties of the object <paramref name="w"/> is in.</summary>
    internal void WriteJson(Utf8JsonWriter w, TelemetryRecord record)
    {
        foreach (Node child in _root.Children) WriteNode(w, child, record);
    }

    private void WriteNode(Utf8JsonWriter w, Node node, TelemetryRecord record)
    {
        if (node.Leaf is null)
        {
            w.WriteStartObject(node.EncodedName);
            foreach (Node child in node.Children) WriteNode(w, child, record);
            w.WriteEndObject();
            return;
        }
        w.WritePropertyName(node.EncodedName);
        Leaf leaf = node.Leaf;
        if (leaf.Path is { } path)
        {
            if (record.Original is { } root && JsonFieldPath.TryResolve(root, path, out JsonElement value))
                w.WriteRawValue(JsonText.Raw(value, ref _scratch), skipInputValidation: true);
            else
                w.WriteNullValue();
        }
        else if (leaf.Identity is { } field)
        {
            WriteIdentity(w, field, field.Get(record));
        }
        else if (record.CommandLine is { } command)
        {
            w.WriteStringValue(JsonText.Wellformed(command));
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private void WriteIdentity(Utf8JsonWriter w, IdentityField field, string? text)
    {
        if (text is null)
        {
            w.WriteNullValue();
            return;
        }
        // JSONL keeps the reader's text; ECS types pids as long and @timestamp as a date (ECS base and process fields).
        if (_ecs && field.Kind == ValueKind.Integer && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
            w.WriteNumberValue(number);
        else if (_ecs && field.Kind == ValueKind.EpochSeconds && TryEpochToIso(text, out string iso))
            w.WriteStringValue(iso);
        else
            w.WriteStringValue(JsonText.Wellformed(text));
    }

    /// <summary>auditd's <c>SECONDS.MILLIS</c> (the TIME of <c>msg=audit(TIME:SERIAL)</c>) as ISO 8601 UTC with milliseconds.</summary>
    internal static bool TryEpochToIso(string text, out string iso)
    {
        iso = "";
        int dot = text.IndexOf('.');
        ReadOnlySpan<char> whole = dot < 0 ? text : text.AsSpan(0, dot);
        ReadOnlySpan<char> fraction = dot < 0 ? [] : text.AsSpan(dot + 1);
        if (!long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) || seconds > 253402300799) return false;   // ≤ 9999-12-31
        if (fraction.ContainsAnyExceptInRange('0', '9')) return false;
        int millis = 0;
        for (int i = 0; i < 3; i++) millis = millis * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);   // more digits are cut, not rounded
        iso = DateTimeOffset.FromUnixTimeSeconds(seconds).AddMilliseconds(millis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The text of kept field <paramref name="index"/> (in <c>--keep</c> order) for the text format: a JSON string's
    /// value, any other JSON value's own text, an identity field's text; null when the record lacks it.</summary>
    internal string? Text(int index, TelemetryRecord record)
    {
        Leaf leaf = _columns[index];
        if (leaf.Identity is { } field) return field.Get(record);
        if (record.Original is not { } root || !JsonFieldPath.TryResolve(root, leaf.Path!, out JsonElement value)) return null;
        if (value.ValueKind != JsonValueKind.String) return value.GetRawText();
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return value.GetRawText()[1..^1];   // an escaped lone surrogate has no string value: its JSON escapes, as written
        }
    }

    /// <summary>How many text columns the kept fields add.</summary>
    internal int ColumnCount => _columns.Length;
}
