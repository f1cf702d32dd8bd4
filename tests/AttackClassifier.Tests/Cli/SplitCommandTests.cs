using AttackClassifier.Data;
using AttackClassifier.Tests.Data;

namespace AttackClassifier.Tests.Cli;

public class SplitCommandTests
{
    private static string TempDir() => Directory.CreateTempSubdirectory("split-test").FullName;

    [Fact]
    public void Parts_are_disjoint_cover_every_row_and_are_stratified_60_20_20()
    {
        string dir = TempDir();
        try
        {
            var (exit, _, error) = CliRunner.Run("split", "--data", SampleDataTests.SamplePath, "--out", dir, "--seed", "7");
            Assert.True(exit == 0, error);
            var all = CommandDataset.Load(SampleDataTests.SamplePath).Consolidate();
            var parts = new[] { "train", "val", "test" }.Select(p => CommandDataset.Load(Path.Combine(dir, p + ".csv"))).ToArray();
            var rows = parts.SelectMany(p => p.Records.Select(r => (r.CommandLine, r.Label, r.Count))).ToList();
            Assert.Equal(all.Count, rows.Count);
            Assert.Equal(all.Records.Select(r => (r.CommandLine, r.Label, r.Count)).Order(), rows.Order());   // disjoint and complete, weights travel
            double[] share = [0.6, 0.2, 0.2];
            foreach (ClassSize c in all.ClassSizes())
                for (int p = 0; p < 3; p++)
                {
                    int got = parts[p].Records.Count(r => r.Label == c.Label);
                    Assert.InRange(got, Math.Floor(share[p] * c.Rows) - 1, Math.Ceiling(share[p] * c.Rows) + 1);
                }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("study", SplitProtocol.Study)]
    [InlineData("test-first", SplitProtocol.TestFirst)]
    public void Split_writes_the_library_protocol_and_train_compare_name_it(string option, SplitProtocol protocol)
    {
        string dir = TempDir();
        try
        {
            var (exit, _, error) = CliRunner.Run("split", "--data", SampleDataTests.SamplePath, "--out", dir, "--split", option);
            Assert.True(exit == 0, error);
            var expected = CommandDataset.Load(SampleDataTests.SamplePath).Consolidate().Split(0.2, 0.2, 42, protocol);
            Assert.Equal(expected.Train.Records, CommandDataset.Load(Path.Combine(dir, "train.csv")).Records);
            Assert.Equal(expected.Validation.Records, CommandDataset.Load(Path.Combine(dir, "val.csv")).Records);
            Assert.Equal(expected.Test.Records, CommandDataset.Load(Path.Combine(dir, "test.csv")).Records);

            string model = Path.Combine(dir, "m.acm");
            (exit, _, error) = CliRunner.Run("train", "--data", SampleDataTests.SamplePath, "--split", option, "--preset", "study", "--max-iter", "5", "--out", model);
            Assert.True(exit == 0, error);
            Assert.Equal(option, AttackClassifier.Serialization.ModelFile.Open(model).Info.Metadata!.Options["split"]);
            Assert.Equal(2, CliRunner.Run("train", "--data", SampleDataTests.SamplePath, "--split", "random", "--out", model).ExitCode);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void The_same_seed_writes_the_same_files()
    {
        string a = TempDir(), b = TempDir();
        try
        {
            Assert.Equal(0, CliRunner.Run("split", "--data", SampleDataTests.SamplePath, "--out", a).ExitCode);
            Assert.Equal(0, CliRunner.Run("split", "--data", SampleDataTests.SamplePath, "--out", b).ExitCode);
            foreach (string part in new[] { "train.csv", "val.csv", "test.csv" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(a, part)), File.ReadAllBytes(Path.Combine(b, part)));
        }
        finally
        {
            Directory.Delete(a, recursive: true);
            Directory.Delete(b, recursive: true);
        }
    }

    [Fact]
    public void A_class_too_small_to_split_is_named()
    {
        string dir = TempDir();
        try
        {
            string data = Path.Combine(dir, "tiny.csv");
            File.WriteAllLines(data, ["proctitle,technique_grouped,count", .. Enumerable.Range(0, 10).Select(i => $"ls {i},Normal,1"), "cat /etc/shadow,T1003: OS Credential Dumping,5"]);
            var (exit, _, error) = CliRunner.Run("split", "--data", data, "--out", dir);
            Assert.Equal(2, exit);
            Assert.Contains("T1003: OS Credential Dumping", error);
            Assert.Contains("--min-rows", error);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
