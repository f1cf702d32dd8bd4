using System.Text.Json;
using AttackClassifier.Data;
using AttackClassifier.Randomness;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace AttackClassifier.Tests.Data;

public class StratifiedSplitTests
{
    private static readonly Lazy<JsonElement> Fixture = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Split", "split_cases.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    });

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static int[] CountsPerClass(int[] y, int[] rows, int k)
    {
        var counts = new int[k];
        foreach (int r in rows) counts[y[r]]++;
        return counts;
    }

    // ---- golden: per-class counts equal scikit-learn's wherever they do not depend on its random tie-breaking ----

    [Fact]
    public void Train_test_counts_match_scikit_learn()
    {
        JsonElement[] cases = Fixture.Value.GetProperty("train_test").EnumerateArray().ToArray();
        Assert.True(cases.Length >= 20);
        foreach (JsonElement c in cases)
        {
            int[] y = Ints(c.GetProperty("y"));
            int k = y.Max() + 1;
            double f = c.GetProperty("test_fraction").GetDouble();
            foreach (int seed in new[] { 0, 1, 12345 })
            {
                var (train, test) = StratifiedSplit.TrainTest(y, f, seed);
                Assert.Equal(Ints(c.GetProperty("train_counts")), CountsPerClass(y, train, k));
                Assert.Equal(Ints(c.GetProperty("test_counts")), CountsPerClass(y, test, k));
            }
        }
    }

    // Indices cannot match scikit-learn's (its rows come from numpy's generator, ours from SeededRandom); per-class counts
    // can, wherever scikit-learn's own counts do not depend on random_state (checked over 25 seeds by make_fixtures.py).
    [Fact]
    public void Study_protocol_counts_match_the_study_notebooks_two_calls()
    {
        JsonElement[] cases = Fixture.Value.GetProperty("study_protocol").EnumerateArray().ToArray();
        Assert.True(cases.Length >= 5);
        foreach (JsonElement c in cases)
        {
            int[] y = Ints(c.GetProperty("y"));
            int k = y.Max() + 1;
            foreach (int seed in new[] { 0, 3, 42 })
            {
                var (train, validation, test) = StratifiedSplit.TrainValidationTest(
                    y, c.GetProperty("validation_fraction").GetDouble(), c.GetProperty("test_fraction").GetDouble(), seed, protocol: SplitProtocol.Study);
                Assert.Equal(Ints(c.GetProperty("train_counts")), CountsPerClass(y, train, k));
                Assert.Equal(Ints(c.GetProperty("validation_counts")), CountsPerClass(y, validation, k));
                Assert.Equal(Ints(c.GetProperty("test_counts")), CountsPerClass(y, test, k));
                Assert.Equal(Enumerable.Range(0, y.Length), train.Concat(validation).Concat(test).Order());
            }
        }
    }

    [Fact]
    public void The_two_protocols_allocate_differently_where_scikit_learn_does()
    {
        // The fixture label vector whose per-class counts differ between the protocols in scikit-learn for every seed: one
        // class gets one validation row fewer with the study's calls than test-first.
        JsonElement study = Fixture.Value.GetProperty("study_protocol").EnumerateArray()
            .Single(c => c.GetProperty("y").GetArrayLength() == 275 && c.GetProperty("validation_fraction").GetDouble() == 0.15);
        int[] y = Ints(study.GetProperty("y"));
        var (_, testFirst, _) = StratifiedSplit.TrainValidationTest(y, 0.15, 0.25, seed: 1);
        var (_, studyValidation, _) = StratifiedSplit.TrainValidationTest(y, 0.15, 0.25, seed: 1, protocol: SplitProtocol.Study);
        Assert.Equal(Ints(study.GetProperty("validation_counts")), CountsPerClass(y, studyValidation, y.Max() + 1));
        Assert.NotEqual(CountsPerClass(y, testFirst, y.Max() + 1), CountsPerClass(y, studyValidation, y.Max() + 1));
    }

    [Fact]
    public void Dataset_split_is_the_library_protocol_on_its_labels_in_file_order()
    {
        CommandDataset data = CommandDataset.Load(SampleDataTests.SamplePath).Consolidate();
        int[] y = data.Labels().Encode(data.Records.Select(r => r.Label));
        foreach (SplitProtocol protocol in Enum.GetValues<SplitProtocol>())
        {
            var (train, validation, test) = data.Split(0.2, 0.2, seed: 42, protocol);
            var (trainRows, validationRows, testRows) = StratifiedSplit.TrainValidationTest(y, 0.2, 0.2, 42, protocol: protocol);
            Assert.Equal(data.Select(trainRows).Records, train.Records);
            Assert.Equal(data.Select(validationRows).Records, validation.Records);
            Assert.Equal(data.Select(testRows).Records, test.Records);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Split(0.2, 0.2, 42, (SplitProtocol)7));
    }

    [Fact]
    public void Train_validation_test_counts_match_scikit_learn_two_stage_split()
    {
        JsonElement[] cases = Fixture.Value.GetProperty("train_validation_test").EnumerateArray().ToArray();
        Assert.True(cases.Length >= 5);
        foreach (JsonElement c in cases)
        {
            int[] y = Ints(c.GetProperty("y"));
            int k = y.Max() + 1;
            var (train, validation, test) = StratifiedSplit.TrainValidationTest(
                y, c.GetProperty("validation_fraction").GetDouble(), c.GetProperty("test_fraction").GetDouble(), seed: 3);
            Assert.Equal(Ints(c.GetProperty("train_counts")), CountsPerClass(y, train, k));
            Assert.Equal(Ints(c.GetProperty("validation_counts")), CountsPerClass(y, validation, k));
            Assert.Equal(Ints(c.GetProperty("test_counts")), CountsPerClass(y, test, k));
        }
    }

    [Fact]
    public void KFold_per_fold_class_counts_match_scikit_learn()
    {
        JsonElement[] cases = Fixture.Value.GetProperty("kfold").EnumerateArray().ToArray();
        Assert.True(cases.Length >= 10);
        foreach (JsonElement c in cases)
        {
            int[] y = Ints(c.GetProperty("y"));
            int k = y.Max() + 1;
            var folds = StratifiedSplit.KFold(y, c.GetProperty("folds").GetInt32(), seed: 5);
            int[][] expected = c.GetProperty("test_counts").EnumerateArray().Select(Ints).ToArray();
            Assert.Equal(expected.Length, folds.Count);
            for (int f = 0; f < folds.Count; f++) Assert.Equal(expected[f], CountsPerClass(y, folds[f].Test, k));
        }
    }

    // ---- examples and errors ----

    [Fact]
    public void Parts_are_sorted_ascending_and_reproducible()
    {
        int[] y = [0, 1, 0, 1, 0, 1, 0, 1, 2, 2, 2, 2];
        var (train, test) = StratifiedSplit.TrainTest(y, 0.25, seed: 11);
        Assert.Equal(train.Order(), train);
        Assert.Equal(test.Order(), test);
        Assert.Equal(3, test.Length);   // ⌈0.25·12⌉
        var again = StratifiedSplit.TrainTest(y, 0.25, seed: 11);
        Assert.Equal(train, again.Train);
        Assert.Equal(test, again.Test);
    }

    [Fact]
    public void Test_size_is_the_ceiling_of_the_double_product()
    {
        // 0.07·100 = 7.000000000000001 in double, so scikit-learn (and we) take 8 test rows, not 7.
        int[] y = Enumerable.Range(0, 100).Select(i => i % 2).ToArray();
        Assert.Equal(8, StratifiedSplit.TrainTest(y, 0.07, seed: 0).Test.Length);
        Assert.Equal(7, StratifiedSplit.TrainTest(y, 0.065, seed: 0).Test.Length);
    }

    [Fact]
    public void A_single_member_class_is_rejected_naming_the_class()
    {
        int[] y = [0, 0, 1, 1, 2, 0, 1];
        var e = Assert.Throws<ArgumentException>(() => StratifiedSplit.TrainTest(y, 0.3, seed: 0));
        Assert.Contains("The least populated class in y, class 2, has only 1 member, which is too few", e.Message);
        e = Assert.Throws<ArgumentException>(() => StratifiedSplit.TrainTest(y, 0.3, seed: 0, classNames: ["T1", "T2", "T1059.004"]));
        Assert.Contains("class 2 ('T1059.004')", e.Message);
        Assert.Throws<ArgumentException>(() => StratifiedSplit.TrainValidationTest(y, 0.2, 0.2, seed: 0));
    }

    [Fact]
    public void Too_few_test_or_train_rows_for_the_classes_are_rejected()
    {
        int[] y = [0, 0, 1, 1, 2, 2, 3, 3, 3, 3];   // K = 4, N = 10
        var e = Assert.Throws<ArgumentException>(() => StratifiedSplit.TrainTest(y, 0.2, seed: 0));
        Assert.Contains("The test size = 2 should be greater or equal to the number of classes = 4", e.Message);
        e = Assert.Throws<ArgumentException>(() => StratifiedSplit.TrainTest(y, 0.8, seed: 0));
        Assert.Contains("The train size = 2 should be greater or equal to the number of classes = 4", e.Message);
        e = Assert.Throws<ArgumentException>(() => StratifiedSplit.TrainTest([0, 0, 1], 0.9, seed: 0));
        Assert.Contains("training part would be empty", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Fractions_outside_the_open_unit_interval_are_rejected(double f)
    {
        int[] y = [0, 0, 0, 1, 1, 1];
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.TrainTest(y, f, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.TrainValidationTest(y, f, 0.2, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.TrainValidationTest(y, 0.2, f, seed: 0));
    }

    [Fact]
    public void Validation_and_test_fractions_must_leave_a_training_part()
    {
        int[] y = Enumerable.Range(0, 40).Select(i => i % 2).ToArray();
        var e = Assert.Throws<ArgumentException>(() => StratifiedSplit.TrainValidationTest(y, 0.5, 0.5, seed: 0));
        Assert.Contains("below 1", e.Message);
    }

    [Fact]
    public void Empty_labels_negative_classes_and_unnamed_classes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => StratifiedSplit.TrainTest([], 0.2, seed: 0));
        Assert.Contains("position 2", Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.TrainTest([0, 0, -1, 1], 0.5, seed: 0)).Message);
        Assert.Contains("only 2 class names", Assert.Throws<ArgumentOutOfRangeException>(
            () => StratifiedSplit.TrainTest([0, 0, 2, 2], 0.5, seed: 0, classNames: ["a", "b"])).Message);
        Assert.Throws<ArgumentException>(() => StratifiedSplit.KFold([], 3, seed: 0));
    }

    [Fact]
    public void KFold_rejects_fewer_than_two_folds_more_folds_than_rows_and_every_class_smaller_than_the_folds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.KFold([0, 0, 1, 1], 1, seed: 0));
        Assert.Contains("greater than the number of samples", Assert.Throws<ArgumentException>(() => StratifiedSplit.KFold([0, 0, 1, 1], 5, seed: 0)).Message);
        Assert.Contains("cannot be greater than the number of members in each class",
            Assert.Throws<ArgumentException>(() => StratifiedSplit.KFold([0, 0, 1, 1, 2, 2], 3, seed: 0)).Message);
    }

    [Fact]
    public void A_small_class_can_miss_a_part_as_in_scikit_learn()
    {
        // N = 17, N_test = ⌈17/3⌉ = 6, N_train = 11. Classes of 2 have a training share of 22/17 = 1.29: floor 1, and the
        // three missing training rows go to the two classes of 3 (fraction .94) and to one of the three classes of 2
        // (fraction .29, tied), which then has both rows in training and none in test. scikit-learn does the same.
        int[] y = [2, 1, 0, 4, 3, 0, 1, 1, 5, 4, 3, 1, 1, 2, 0, 5, 5];
        var (train, test) = StratifiedSplit.TrainTest(y, 1.0 / 3, seed: 0);
        int[] testCounts = [.. Enumerable.Range(0, 6).Select(c => test.Count(i => y[i] == c))];
        Assert.Equal([1, 2, 0, 0, 0, 1], testCounts.Select((n, c) => c is 2 or 3 or 4 ? 0 : n));
        Assert.Equal(2, new[] { 2, 3, 4 }.Sum(c => testCounts[c]));   // two of the three tied classes get one test row
        Assert.Equal(11, train.Length);
    }

    [Fact]
    public void KFold_allows_a_class_smaller_than_the_fold_count()
    {
        int[] y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2];   // class 2 has one row: it is in one fold's test part only
        var folds = StratifiedSplit.KFold(y, 3, seed: 4);
        Assert.Equal(1, folds.Count(f => f.Test.Contains(12)));
        Assert.All(folds, f => Assert.Equal(2, f.Test.Count(i => y[i] == 0)));
    }

    // ---- properties ----

    /// <summary>Labels of 2..300 rows over up to 6 classes, every class present at least twice.</summary>
    private static readonly Gen<int[]> Labels =
        from k in Gen.Choose(1, 6)
        from n in Gen.Choose(2 * k, 300)
        from rest in Gen.ArrayOf(Gen.Choose(0, k - 1), n - 2 * k)
        from order in Gen.Shuffle(Enumerable.Range(0, k).SelectMany(c => new[] { c, c }).Concat(rest).ToArray())
        select order;

    private static bool Splittable(int[] y, double f)
    {
        int k = y.Distinct().Count(), nTest = (int)Math.Ceiling(f * y.Length);
        return nTest >= k && y.Length - nTest >= k;
    }

    private static void AssertWithinOneRowOfShare(int[] y, int[] part, double fraction)
    {
        foreach (int c in y.Distinct())
        {
            double exact = fraction * y.Count(v => v == c);
            int actual = part.Count(i => y[i] == c);
            Assert.True(Math.Abs(actual - exact) < 1 + 1e-9, $"class {c}: {actual} rows, exact share {exact}");
        }
    }

    [Property(MaxTest = 200)]
    public Property Train_test_is_a_disjoint_complete_proportional_partition()
        => Prop.ForAll(Labels.ToArbitrary(), Gen.Elements(0.1, 0.2, 0.25, 1.0 / 3, 0.5, 0.7).ToArbitrary(), ArbMap.Default.ArbFor<int>(), (y, f, seed) =>
        {
            if (!Splittable(y, f)) return;
            var (train, test) = StratifiedSplit.TrainTest(y, f, seed);
            Assert.Equal(Enumerable.Range(0, y.Length), train.Concat(test).Order());   // disjoint, complete
            Assert.Equal((int)Math.Ceiling(f * y.Length), test.Length);
            // Allocation is within one row of the exact share of the training size (scikit-learn's contract).
            AssertWithinOneRowOfShare(y, train, (double)train.Length / y.Length);
            AssertWithinOneRowOfShare(y, test, (double)test.Length / y.Length);
            Assert.Equal(train.Order(), train);
            Assert.Equal(test.Order(), test);
        });

    [Property(MaxTest = 100)]
    public Property Same_seed_gives_the_same_split_and_different_seeds_usually_differ()
        => Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            int[] y = Enumerable.Range(0, 120).Select(i => i % 4).ToArray();
            var a = StratifiedSplit.TrainTest(y, 0.25, seed);
            var b = StratifiedSplit.TrainTest(y, 0.25, seed);
            Assert.Equal(a.Test, b.Test);
            // 30 of 120 test rows, 7 or 8 from each class: two seeds picking the same rows has probability below 1e-20.
            int differing = new[] { seed + 1, seed + 2, seed + 3 }.Count(s => !StratifiedSplit.TrainTest(y, 0.25, s).Test.SequenceEqual(a.Test));
            Assert.True(differing >= 2, $"only {differing} of 3 other seeds changed the split");
        });

    [Property(MaxTest = 100)]
    public Property Train_validation_test_is_a_partition_with_each_stage_proportional()
        => Prop.ForAll(Labels.ToArbitrary(), ArbMap.Default.ArbFor<int>(), (y, seed) =>
        {
            const double Validation = 0.2, Test = 0.2;
            if (!Splittable(y, Test)) return;
            int nRest = y.Length - (int)Math.Ceiling(Test * y.Length);
            int k = y.Distinct().Count(), nValidation = (int)Math.Ceiling(Validation / (1 - Test) * nRest);
            if (nValidation < k || nRest - nValidation < k) return;
            try
            {
                var (train, validation, test) = StratifiedSplit.TrainValidationTest(y, Validation, Test, seed);
                Assert.Equal(Enumerable.Range(0, y.Length), train.Concat(validation).Concat(test).Order());
                AssertWithinOneRowOfShare(y, test, (double)test.Length / y.Length);
                int[] rest = train.Concat(validation).Order().ToArray();
                int[] yRest = rest.Select(i => y[i]).ToArray();
                int[] validationInRest = validation.Select(i => Array.BinarySearch(rest, i)).ToArray();
                AssertWithinOneRowOfShare(yRest, validationInRest, (double)validation.Length / rest.Length);
            }
            catch (ArgumentException e) when (e.Message.Contains("only 1 member"))
            {
                // the test split can leave a class with a single row for the second stage; scikit-learn fails the same way
            }
        });

    [Property(MaxTest = 200)]
    public Property KFold_puts_every_row_in_exactly_one_test_fold_and_deals_classes_evenly()
        => Prop.ForAll(Labels.ToArbitrary(), Gen.Choose(2, 5).ToArbitrary(), ArbMap.Default.ArbFor<int>(), (y, folds, seed) =>
        {
            if (folds > y.Length || y.GroupBy(v => v).All(g => g.Count() < folds)) return;
            var split = StratifiedSplit.KFold(y, folds, seed);
            Assert.Equal(folds, split.Count);
            Assert.Equal(Enumerable.Range(0, y.Length), split.SelectMany(f => f.Test).Order());   // each row tested once
            foreach (var (train, test) in split)
                Assert.Equal(Enumerable.Range(0, y.Length), train.Concat(test).Order());
            foreach (int c in y.Distinct())
            {
                int[] perFold = split.Select(f => f.Test.Count(i => y[i] == c)).ToArray();
                Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {c}: {string.Join(",", perFold)}");
            }
            int[] sizes = split.Select(f => f.Test.Length).ToArray();
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"fold sizes {string.Join(",", sizes)}");   // round-robin balances totals too
            Assert.Equal(split.Select(f => f.Test), StratifiedSplit.KFold(y, folds, seed).Select(f => f.Test));
        });

    [Property(MaxTest = 300)]
    public Property ApproximateMode_sums_to_the_draws_and_stays_within_one_of_the_exact_share()
        => Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 50)).Where(c => c.Sum() > 0).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (counts, seed) =>
        {
            int total = counts.Sum();
            int draws = seed % (total + 1);
            int[] result = StratifiedSplit.ApproximateMode(counts, draws, new SeededRandom(seed));
            Assert.Equal(draws, result.Sum());
            for (int c = 0; c < counts.Length; c++)
            {
                double exact = (double)counts[c] / total * draws;
                Assert.InRange(result[c], Math.Floor(exact), Math.Floor(exact) + 1);
                Assert.InRange(result[c], 0, counts[c]);
            }
        });
}
