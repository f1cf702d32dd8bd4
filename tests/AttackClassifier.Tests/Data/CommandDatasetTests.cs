using AttackClassifier.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Data;

public class CommandDatasetTests
{
    private static CommandRecord R(string command, string label, double count) => new(command, label, count);

    [Fact]
    public void Consolidation_sums_counts_per_command_and_label_in_first_appearance_order()
    {
        var data = new CommandDataset([R("id", "T1033", 2), R("ls", "Normal", 1), R("id", "T1033", 3), R("id", "Normal", 4), R("ls", "Normal", 5)]);
        var merged = data.Consolidate();
        Assert.Equal([R("id", "T1033", 5), R("ls", "Normal", 6), R("id", "Normal", 4)], merged.Records);
        Assert.Equal(data.TotalObservations, merged.TotalObservations);
        Assert.Equal(2, merged.UniqueCommandLines);
    }

    [Fact]
    public void Rare_classes_by_rows_become_the_other_label_and_are_consolidated_again()
    {
        var data = new CommandDataset([R("a", "Big", 1), R("b", "Big", 1), R("c", "Big", 1), R("x", "RareA", 1), R("x", "RareB", 2)]);
        var grouped = data.GroupRareClasses(new RareClassOptions(MinRows: 2));
        Assert.Equal(["Big", RareClassOptions.DefaultOtherLabel], grouped.Labels().Labels);
        Assert.Equal(R("x", RareClassOptions.DefaultOtherLabel, 3), grouped.Records.Single(r => r.CommandLine == "x"));
    }

    [Fact]
    public void Rare_classes_by_count_share_use_observation_mass()
    {
        // "Small" has 3 rows but 1% of observations; "Heavy" has 1 row and 90%.
        var data = new CommandDataset([R("uname -a", "Heavy", 90), R("a", "Small", 0.5), R("b", "Small", 0.25), R("c", "Small", 0.25), R("ls", "Mid", 9)]);
        var grouped = data.GroupRareClasses(new RareClassOptions(MinCountShare: 0.05, OtherLabel: "Other"));
        Assert.Equal(["Heavy", "Mid", "Other"], grouped.Labels().Labels);
        Assert.Equal(3, grouped.Records.Count(r => r.Label == "Other"));
    }

    [Fact]
    public void Class_sizes_report_rows_and_observation_share()
    {
        var sizes = new CommandDataset([R("a", "X", 3), R("b", "Y", 1), R("c", "X", 0)]).ClassSizes();
        Assert.Equal([new ClassSize("X", 2, 3, 0.75), new ClassSize("Y", 1, 1, 0.25)], sizes);
    }

    [Fact]
    public void Label_set_uses_ordinal_order_like_label_encoder()
    {
        var labels = new LabelSet(["b", "Z999: Other", "T1082", "a", "T1059", "b", "Normal"]);
        Assert.Equal(["Normal", "T1059", "T1082", "Z999: Other", "a", "b"], labels.Labels);
        Assert.Equal([5, 2, 0], labels.Encode(["b", "T1082", "Normal"]));
        Assert.Equal(-1, labels.IndexOf("T9999"));
        Assert.Contains("T9999", Assert.Throws<ArgumentException>(() => labels.Encode(["T9999"])).Message);
    }

    [Property(MaxTest = 200)]
    public Property Consolidation_keeps_total_mass_per_class_and_leaves_no_duplicate_pairs()
    {
        var rows = (from c in Gen.Elements("id", "ls", "uname -a", "ps aux")
                    from l in Gen.Elements("A", "B", "C")
                    from n in Gen.Choose(0, 50)
                    select R(c, l, n)).ArrayOf();
        return Prop.ForAll(rows.ToArbitrary(), input =>
        {
            var before = new CommandDataset(input);
            var after = before.Consolidate();
            Assert.Equal(after.Count, after.Records.Select(r => (r.CommandLine, r.Label)).Distinct().Count());
            Assert.Equal(before.ClassSizes().Select(c => (c.Label, c.Observations)).Order(), after.ClassSizes().Select(c => (c.Label, c.Observations)).Order());
            Assert.Equal(after.Records, after.Consolidate().Records);   // idempotent
        });
    }
}
