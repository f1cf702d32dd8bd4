using AttackClassifier.Attack;
using AttackClassifier.Data;

namespace AttackClassifier.Tests.Attack;

public class AttackCatalogTests
{
    private static AttackCatalog Catalog => AttackCatalog.Default;

    [Fact]
    public void Embedded_catalog_holds_the_release_and_the_14_tactics_in_kill_chain_order()
    {
        Assert.Equal(846, Catalog.Techniques.Count);
        Assert.Equal(["TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005", "TA0006", "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040"],
                     Catalog.Tactics.Select(t => t.Id));
        Assert.Equal(Enumerable.Range(1, 14), Catalog.Tactics.Select(t => t.Order));
        Assert.Equal(AttackCatalog.DefaultVersion, Catalog.Version);
    }

    [Fact]
    public void A_sub_technique_has_its_name_parent_tactics_platforms_status_and_reference()
    {
        AttackTechnique t = Catalog.FindTechnique("T1059.004")!;
        Assert.Equal("Unix Shell", t.Name);
        Assert.Equal("T1059", t.ParentId);
        Assert.True(t.IsSubtechnique);
        Assert.Equal(["Execution"], t.Tactics.Select(x => x.Name));
        Assert.Contains("Linux", t.Platforms);
        Assert.Equal(AttackTechniqueStatus.Active, t.Status);
        Assert.Equal("https://attack.mitre.org/techniques/T1059/004/", t.Reference);
        Assert.Equal("https://attack.mitre.org/tactics/TA0002/", t.Tactics[0].Reference);
    }

    [Fact]
    public void Tactics_of_a_multi_tactic_technique_come_in_kill_chain_order()
    {
        AttackTechnique t = Catalog.FindTechnique("T1078")!;   // Valid Accounts: Initial Access, Persistence, Privilege Escalation, Defense Evasion
        Assert.Equal(["TA0001", "TA0003", "TA0004", "TA0005"], t.Tactics.Select(x => x.Id));
        Assert.Null(t.ParentId);
    }

    [Fact]
    public void V19_ids_resolve_with_the_tactics_of_the_technique_they_replace()
    {
        AttackTechnique t = Catalog.FindTechnique("T1685")!;
        Assert.Equal(AttackTechniqueStatus.V19, t.Status);
        Assert.Equal("Disable or Modify Tools", t.Name);
        Assert.Equal(["Defense Evasion"], t.Tactics.Select(x => x.Name));
    }

    [Theory]
    [InlineData("T1059.004: Unix Shell", "T1059.004")]
    [InlineData("T1059.004", "T1059.004")]
    [InlineData("t1059", "T1059")]
    [InlineData("  T1003 OS Credential Dumping", "T1003")]
    [InlineData("T1003:OS Credential Dumping", "T1003")]
    public void Technique_labels_resolve_to_their_ids(string label, string id)
    {
        AttackLabel resolved = Catalog.Resolve(label);
        Assert.Equal(LabelKind.Technique, resolved.Kind);
        Assert.Equal(id, resolved.Technique!.Id);
        Assert.Equal(label, resolved.Label);
    }

    [Theory]
    [InlineData("Z999: Other Low-Frequency Techniques")]
    [InlineData("T10591: Not an id")]       // five digits
    [InlineData("T1059.04: Short sub-technique")]
    [InlineData("T1059.0041")]
    [InlineData("T9999: Fake technique")]   // well-formed, not in the catalog
    [InlineData("TA0002: Execution")]       // a tactic, not a technique
    [InlineData("lateral movement")]
    [InlineData("")]
    public void Labels_that_are_not_techniques_are_other_never_guessed(string label)
    {
        AttackLabel resolved = Catalog.Resolve(label);
        Assert.Equal(LabelKind.Other, resolved.Kind);
        Assert.Null(resolved.Technique);
        Assert.Empty(resolved.Tactics);
    }

    [Theory]
    [InlineData("Normal")]
    [InlineData("normal")]
    [InlineData(" Benign ")]
    public void The_benign_class_is_recognised(string label) => Assert.Equal(LabelKind.Benign, Catalog.Resolve(label).Kind);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("T")]
    [InlineData("T1")]
    [InlineData("\u0000T1059")]
    public void Lookups_of_unknown_or_malformed_ids_return_nothing(string? id)
    {
        Assert.Null(Catalog.FindTechnique(id));
        Assert.Null(Catalog.FindTactic(id));
    }

    [Theory]
    [InlineData("T1059.004: Unix Shell", "T1059: Command and Scripting Interpreter")]
    [InlineData("t1003", "T1003: OS Credential Dumping")]
    [InlineData("T1685.005: Clear Windows Event Logs", "T1685: Disable or Modify Tools")]
    [InlineData("Z999: Other Low-Frequency Techniques", "Z999: Other Low-Frequency Techniques")]
    [InlineData("Normal", "Normal")]
    public void Parent_labels_use_the_catalogs_name(string label, string parent) => Assert.Equal(parent, Catalog.ToParentLabel(label));

    [Fact]
    public void Every_technique_label_of_the_public_atomic_files_resolves()
    {
        foreach (string file in new[] { "atomic-linux.csv", "atomic-windows.csv" })
        {
            CommandDataset data = CommandDataset.Load(Path.Combine(AppContext.BaseDirectory, "data", file), new DatasetReadOptions { LabelColumn = "technique" });
            var unresolved = data.Records.Select(r => r.Label).Distinct().Where(l => Catalog.Resolve(l).Kind != LabelKind.Technique).ToArray();
            Assert.True(unresolved.Length == 0, $"{file}: {string.Join(", ", unresolved)}");
            CommandDataset grouped = CommandDataset.Load(Path.Combine(AppContext.BaseDirectory, "data", file));
            Assert.All(grouped.Records.Select(r => r.Label).Distinct().Where(l => !l.StartsWith("Z999", StringComparison.Ordinal)),
                       l => Assert.Equal(LabelKind.Technique, Catalog.Resolve(l).Kind));
        }
    }

    private static DatasetFormatException LoadFails(string techniques, string tactics = "id,name,shortname,kill_chain_order\nTA0002,Execution,execution,4\n")
        => Assert.Throws<DatasetFormatException>(() => AttackCatalog.Load(new StringReader(techniques), "techniques.csv", new StringReader(tactics), "tactics.csv", "test"));

    [Fact]
    public void A_catalog_with_a_missing_column_names_the_file_line_and_field()
    {
        var e = LoadFails("id,name,platforms,status\nT1059,Command and Scripting Interpreter,Linux,active\n");
        Assert.Equal("techniques.csv:1: field 'tactics': missing column", e.Message);
    }

    [Fact]
    public void A_catalog_with_a_duplicate_id_names_the_file_line_and_field()
    {
        var e = LoadFails("id,name,tactics,platforms,status\nT1059,A,TA0002,Linux,active\nT1060,B,TA0002,Linux,active\nt1059,C,TA0002,Linux,active\n");
        Assert.Equal("techniques.csv:4: field 'id': duplicate technique ID T1059", e.Message);
    }

    [Fact]
    public void A_catalog_with_an_unknown_tactic_or_status_or_bad_id_is_rejected_with_its_place()
    {
        Assert.Equal("techniques.csv:2: field 'tactics': unknown tactic ID 'TA0099' (not in the tactics file)",
                     LoadFails("id,name,tactics,platforms,status\nT1059,A,TA0099,Linux,active\n").Message);
        Assert.Contains("techniques.csv:2: field 'status'", LoadFails("id,name,tactics,platforms,status\nT1059,A,TA0002,Linux,retired\n").Message);
        Assert.Contains("techniques.csv:2: field 'id'", LoadFails("id,name,tactics,platforms,status\nT1059: x,A,TA0002,Linux,active\n").Message);
        Assert.Contains("tactics.csv:2: field 'id'", LoadFails("id,name,tactics,platforms,status\n", "id,name,shortname,kill_chain_order\nTA02,Execution,execution,4\n").Message);
        Assert.Contains("tactics.csv:3: field 'id': duplicate tactic ID TA0002",
                        LoadFails("id,name,tactics,platforms,status\n", "id,name,shortname,kill_chain_order\nTA0002,Execution,execution,4\nTA0002,X,x,5\n").Message);
    }

    [Fact]
    public void A_newer_catalog_of_the_same_shape_loads()
    {
        AttackCatalog c = AttackCatalog.Load(new StringReader("id,name,tactics,platforms,status\nT1059,Interpreter,TA0002,Linux;Windows,active\nT1059.004,Unix Shell,TA0002,Linux,active\n"),
            "t.csv", new StringReader("id,name,shortname,kill_chain_order\nTA0002,Execution,execution,4\n"), "a.csv", "v20");
        Assert.Equal("v20", c.Version);
        Assert.Equal("Unix Shell", c.FindTechnique("T1059.004: Unix Shell")!.Name);
        Assert.Equal(["Linux", "Windows"], c.FindTechnique("T1059")!.Platforms);
        Assert.Null(c.FindTechnique("T1003"));
    }
}
