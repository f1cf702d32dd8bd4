using System.Reflection;
using AttackClassifier.Data;

namespace AttackClassifier.Attack;

/// <summary>
/// The MITRE ATT&amp;CK Enterprise catalog: techniques and sub-techniques by ID, with their names, parents, tactics in
/// kill-chain order, platforms and status. <see cref="Default"/> is the catalog embedded in the library (ATT&amp;CK v18.1
/// Enterprise plus the v19 IDs Atomic Red Team uses; see <see cref="DefaultVersion"/>); a newer catalog of the same CSV
/// shape can be loaded with <see cref="Load(string, string, string)"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Label rules (<see cref="Resolve"/>): a label is a technique when it starts with a technique ID — <c>T</c> or <c>t</c>,
/// four digits, optionally <c>.</c> and three digits — followed by its end, <c>:</c> or white space, and that ID is in the
/// catalog (<c>"T1059.004: Unix Shell"</c>, <c>"T1059.004"</c>, <c>"t1059"</c>). <c>Normal</c> and <c>Benign</c> (any case)
/// are the benign class. Everything else — <c>Z999: Other Low-Frequency Techniques</c>, <c>T10591</c>, an ID the catalog
/// lacks, a custom class — is <see cref="LabelKind.Other"/>: never guessed into a technique.
/// </remarks>
public sealed class AttackCatalog
{
    /// <summary>The version of the embedded catalog.</summary>
    public const string DefaultVersion = "ATT&CK v18.1 Enterprise + v19 IDs used by Atomic Red Team";

    private static readonly Lazy<AttackCatalog> s_default = new(LoadEmbedded);

    private readonly Dictionary<string, AttackTechnique> _techniques;
    private readonly Dictionary<string, AttackTactic> _tactics;

    private AttackCatalog(string version, AttackTactic[] tactics, Dictionary<string, AttackTechnique> techniques)
    {
        Version = version;
        Tactics = tactics;
        _tactics = tactics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _techniques = techniques;
        Techniques = [.. techniques.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>The catalog embedded in the library (<see cref="DefaultVersion"/>).</summary>
    public static AttackCatalog Default => s_default.Value;

    /// <summary>The catalog's version, as given when it was loaded.</summary>
    public string Version { get; }

    /// <summary>All tactics in kill-chain order.</summary>
    public IReadOnlyList<AttackTactic> Tactics { get; }

    /// <summary>All techniques and sub-techniques, by ID.</summary>
    public IReadOnlyList<AttackTechnique> Techniques { get; }

    /// <summary>The technique or sub-technique with this ID (<c>T1059</c>, <c>t1059.004</c>; a label such as
    /// <c>"T1059.004: Unix Shell"</c> works too), or null when it is not in the catalog. Never throws on bad input.</summary>
    public AttackTechnique? FindTechnique(string? id)
        => TryParseTechniqueId(id, out string parsed) && _techniques.TryGetValue(parsed, out AttackTechnique? t) ? t : null;

    /// <summary>The tactic with this ID (<c>TA0007</c>, any case), or null.</summary>
    public AttackTactic? FindTactic(string? id)
        => id is not null && _tactics.TryGetValue(id.Trim().ToUpperInvariant(), out AttackTactic? t) ? t : null;

    /// <summary>Resolves a class label to a technique, the benign class or "other" (see the class remarks for the rules).</summary>
    public AttackLabel Resolve(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (IsBenignLabel(label)) return new AttackLabel(label, LabelKind.Benign, null);
        AttackTechnique? technique = FindTechnique(label);
        return new AttackLabel(label, technique is null ? LabelKind.Other : LabelKind.Technique, technique);
    }

    /// <summary>
    /// The parent-technique label of a technique label, in the study's <c>technique_grouped</c> form "<c>Tnnnn: Name</c>" with
    /// the catalog's name (<c>"T1059.004: Unix Shell"</c> → <c>"T1059: Command and Scripting Interpreter"</c>); a label that is
    /// not a technique in this catalog is returned unchanged.
    /// </summary>
    public string ToParentLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (Resolve(label).Technique is not { } technique) return label;
        AttackTechnique parent = technique.ParentId is { } id && _techniques.TryGetValue(id, out AttackTechnique? p) ? p : technique;
        return $"{parent.Id}: {parent.Name}";
    }

    /// <summary>True for the benign class's labels: <c>Normal</c> or <c>Benign</c>, any case, surrounding spaces ignored.</summary>
    public static bool IsBenignLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        ReadOnlySpan<char> s = label.AsSpan().Trim();
        return s.Equals("Normal", StringComparison.OrdinalIgnoreCase) || s.Equals("Benign", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads the technique ID a label starts with: <c>T</c>/<c>t</c>, four digits, optionally <c>.</c> and three digits,
    /// then the end, <c>:</c> or white space. Syntax only: whether the catalog holds the ID is <see cref="FindTechnique"/>'s question.
    /// </summary>
    public static bool TryParseTechniqueId(string? label, out string id)
    {
        id = "";
        if (label is null) return false;
        ReadOnlySpan<char> s = label.AsSpan().TrimStart();
        if (s.Length < 5 || (s[0] != 'T' && s[0] != 't') || !AllDigits(s.Slice(1, 4))) return false;
        int end = 5;
        if (s.Length > 5 && s[5] == '.')
        {
            if (s.Length < 9 || !AllDigits(s.Slice(6, 3))) return false;
            end = 9;
        }
        if (end < s.Length && s[end] != ':' && !char.IsWhiteSpace(s[end])) return false;
        id = string.Concat("T", s[1..end]);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>Loads a catalog from two CSV files of the embedded files' shape (see the class summary).</summary>
    /// <exception cref="DatasetFormatException">A missing column, duplicate ID, malformed ID, unknown tactic or status; the message names the file, line and field.</exception>
    public static AttackCatalog Load(string techniquesPath, string tacticsPath, string version)
    {
        ArgumentNullException.ThrowIfNull(techniquesPath);
        ArgumentNullException.ThrowIfNull(tacticsPath);
        using var techniques = new StreamReader(techniquesPath);
        using var tactics = new StreamReader(tacticsPath);
        return Load(techniques, techniquesPath, tactics, tacticsPath, version);
    }

    /// <summary>Loads a catalog from two CSV readers; the source names appear in error messages.</summary>
    /// <exception cref="DatasetFormatException">As <see cref="Load(string, string, string)"/>.</exception>
    public static AttackCatalog Load(TextReader techniques, string techniquesSource, TextReader tactics, string tacticsSource, string version)
    {
        ArgumentNullException.ThrowIfNull(techniques);
        ArgumentNullException.ThrowIfNull(tactics);
        ArgumentNullException.ThrowIfNull(version);
        AttackTactic[] tacticList = ReadTactics(tactics, tacticsSource);
        var tacticById = tacticList.ToDictionary(t => t.Id, StringComparer.Ordinal);
        return new AttackCatalog(version, tacticList, ReadTechniques(techniques, techniquesSource, tacticById));
    }

    private static AttackCatalog LoadEmbedded()
    {
        Assembly assembly = typeof(AttackCatalog).Assembly;
        using var techniques = new StreamReader(assembly.GetManifestResourceStream("AttackClassifier.attack-techniques.csv")!);
        using var tactics = new StreamReader(assembly.GetManifestResourceStream("AttackClassifier.attack-tactics.csv")!);
        return Load(techniques, "attack-techniques.csv (embedded)", tactics, "attack-tactics.csv (embedded)", DefaultVersion);
    }

    private static AttackTactic[] ReadTactics(TextReader reader, string source)
    {
        var table = new CatalogTable(reader, source, ["id", "name", "shortname", "kill_chain_order"]);
        var tactics = new List<AttackTactic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (table.Next())
        {
            string id = table.Field("id").Trim().ToUpperInvariant();
            if (id.Length != 6 || !id.StartsWith("TA", StringComparison.Ordinal) || !AllDigits(id.AsSpan(2)))
                throw table.Error("id", $"'{id}' is not a tactic ID (TAnnnn)");
            if (!seen.Add(id)) throw table.Error("id", $"duplicate tactic ID {id}");
            string name = table.Required("name");
            if (!int.TryParse(table.Field("kill_chain_order"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int order))
                throw table.Error("kill_chain_order", $"'{table.Field("kill_chain_order")}' is not a whole number");
            tactics.Add(new AttackTactic(id, name, table.Field("shortname").Trim(), order));
        }
        return [.. tactics.OrderBy(t => t.Order).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    private static Dictionary<string, AttackTechnique> ReadTechniques(TextReader reader, string source, Dictionary<string, AttackTactic> tactics)
    {
        var table = new CatalogTable(reader, source, ["id", "name", "tactics", "platforms", "status"]);
        var techniques = new Dictionary<string, AttackTechnique>(StringComparer.Ordinal);
        while (table.Next())
        {
            string raw = table.Field("id").Trim();
            if (!TryParseTechniqueId(raw, out string id) || id.Length != raw.Length)
                throw table.Error("id", $"'{raw}' is not a technique ID (Tnnnn or Tnnnn.nnn)");
            if (techniques.ContainsKey(id)) throw table.Error("id", $"duplicate technique ID {id}");
            string name = table.Required("name");
            var techniqueTactics = new List<AttackTactic>();
            foreach (string t in Split(table.Field("tactics")))
                techniqueTactics.Add(tactics.TryGetValue(t.ToUpperInvariant(), out AttackTactic? tactic) ? tactic
                    : throw table.Error("tactics", $"unknown tactic ID '{t}' (not in the tactics file)"));
            AttackTechniqueStatus status = table.Field("status").Trim().ToLowerInvariant() switch
            {
                "active" => AttackTechniqueStatus.Active,
                "revoked" => AttackTechniqueStatus.Revoked,
                "deprecated" => AttackTechniqueStatus.Deprecated,
                "v19" => AttackTechniqueStatus.V19,
                string other => throw table.Error("status", $"unknown status '{other}' (active, revoked, deprecated or v19)"),
            };
            string? parent = id.Length > 5 ? id[..5] : null;
            techniques.Add(id, new AttackTechnique(id, name, parent, [.. techniqueTactics.Distinct().OrderBy(t => t.Order)],
                                                   [.. Split(table.Field("platforms"))], status));
        }
        return techniques;
    }

    private static IEnumerable<string> Split(string list)
        => list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A CSV file with a header naming the columns the catalog needs, read record by record.</summary>
    private sealed class CatalogTable
    {
        private readonly CsvRecordReader _reader;
        private readonly string _source;
        private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _fields = [];

        internal CatalogTable(TextReader reader, string source, string[] required)
        {
            _reader = new CsvRecordReader(reader, source);
            _source = source;
            if (!_reader.TryReadRecord(_fields)) throw new DatasetFormatException(source, 1, null, "empty file: no header");
            for (int i = 0; i < _fields.Count; i++)
                if (!_columns.TryAdd(_fields[i].Trim(), i)) throw new DatasetFormatException(source, 1, _fields[i], "duplicate column");
            foreach (string column in required)
                if (!_columns.ContainsKey(column)) throw new DatasetFormatException(source, 1, column, "missing column");
        }

        internal bool Next()
        {
            if (!_reader.TryReadRecord(_fields)) return false;
            if (_fields.Count != _columns.Count)
                throw new DatasetFormatException(_source, _reader.RecordLine, null, $"{_fields.Count} fields; the header has {_columns.Count}");
            return true;
        }

        internal string Field(string column) => _fields[_columns[column]];

        internal string Required(string column)
        {
            string value = Field(column).Trim();
            return value.Length > 0 ? value : throw Error(column, "empty");
        }

        internal DatasetFormatException Error(string column, string problem) => new(_source, _reader.RecordLine, column, problem);
    }
}
