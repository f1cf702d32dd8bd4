using AttackClassifier.Attack;
using AttackClassifier.Data;

namespace AttackClassifier.Tests.Cli;

public class DataOptionsTests
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    [Fact]
    public void Several_files_are_read_as_one_and_labels_map_to_parent_techniques()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var (exit, _, error) = CliRunner.Run("split", "--data", $"{DataFile("atomic-linux.csv")},{DataFile("benign-linux.csv")}",
                                                 "--label-column", "technique", "--parent-techniques", "--min-rows", "3", "--out", dir);
            Assert.True(exit == 0, error);
            var parts = new[] { "train", "val", "test" }.Select(p => CommandDataset.Load(Path.Combine(dir, p + ".csv"))).ToArray();
            var labels = parts.SelectMany(p => p.Records).Select(r => r.Label).Distinct().ToArray();
            Assert.Contains("Normal", labels);
            Assert.Contains("T1059: Command and Scripting Interpreter", labels);
            Assert.Contains("Z999: Other Low-Frequency Techniques", labels);    // parents with fewer than 3 rows
            Assert.DoesNotContain(labels, l => AttackCatalog.Default.Resolve(l).Technique?.IsSubtechnique == true);
            int rows = parts.Sum(p => p.Count);
            int expected = CommandDataset.Load(DataFile("atomic-linux.csv"), new DatasetReadOptions { LabelColumn = "technique" }).Records
                .Select(r => (r.CommandLine, AttackCatalog.Default.ToParentLabel(r.Label)))
                .Concat(CommandDataset.Load(DataFile("benign-linux.csv")).Records.Select(r => (r.CommandLine, r.Label))).Distinct().Count();
            Assert.True(rows <= expected && rows >= expected - 5, $"{rows} rows of {expected}");   // rare merging may fold a few pairs together
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_missing_file_in_a_list_is_named()
    {
        var (exit, _, error) = CliRunner.Run("stats", "--data", $"{DataFile("atomic-linux.csv")},missing.csv");
        Assert.Equal(2, exit);
        Assert.Contains("--data: file not found: missing.csv", error);
    }

    [Fact]
    public void A_malformed_technique_label_trains_and_is_listed_once_as_not_a_technique()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            string csv = Path.Combine(dir, "odd.csv");
            var lines = new List<string> { "proctitle,technique_grouped,count" };
            for (int i = 0; i < 6; i++)
            {
                lines.Add($"cat /etc/shadow{i},T1003: OS Credential Dumping,1");
                lines.Add($"uname -a{i},T10591: Not an id,1");
                lines.Add($"ls -la /srv/{i},Normal,1");
            }
            File.WriteAllLines(csv, lines);
            var (exit, output, error) = CliRunner.Run("train", "--data", csv, "--preset", "study", "--out", Path.Combine(dir, "m.acm"));
            Assert.True(exit == 0, error);
            Assert.Single(output.Split('\n'), l => l.StartsWith("not ATT&CK techniques", StringComparison.Ordinal));
            Assert.Contains("not ATT&CK techniques (kind other): T10591: Not an id", output);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
