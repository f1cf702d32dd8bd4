using AttackClassifier.Metrics;

namespace AttackClassifier.Tests.Metrics;

public class ClassificationReportTests
{
    private static readonly string[] Abc = ["a", "b", "c"];

    [Fact]
    public void Hand_computed_weighted_example()
    {
        // y = [0, 0, 1, 2], ŷ = [0, 1, 1, 1], s = [3, 1, 2, 4]
        // class 0: TP 3, predicted 3, support 4 → P 1, R 3/4
        // class 1: TP 2, predicted 7, support 2 → P 2/7, R 1
        // class 2: TP 0, predicted 0, support 4 → P 0 (zero division), R 0
        var report = ClassificationReport.Compute([0, 0, 1, 2], [0, 1, 1, 1], [3.0, 1, 2, 4], Abc);
        Assert.Equal(0.5, report.Accuracy, 1e-15);
        Assert.Equal(new MetricsRow("a", 1, 0.75, 2 * 0.75 / 1.75, 4), report.Classes[0]);
        Assert.Equal(2.0 / 7, report.Classes[1].Precision, 1e-15);
        Assert.Equal(2 * (2.0 / 7) / (2.0 / 7 + 1), report.Classes[1].F1, 1e-15);
        Assert.Equal(new MetricsRow("c", 0, 0, 0, 4), report.Classes[2]);
        Assert.Equal((1 + 2.0 / 7 + 0) / 3, report.MacroAverage.Precision, 1e-15);
        Assert.Equal((4 * 1 + 2 * (2.0 / 7) + 4 * 0) / 10, report.WeightedAverage.Precision, 1e-15);
        Assert.Equal(10, report.WeightedAverage.Support);
        Assert.Equal(3, report.Confusion(0, 0));
        Assert.Equal(1, report.Confusion(0, 1));   // rows are true classes, columns predicted
        Assert.Equal(0, report.Confusion(1, 0));
        Assert.Equal(4, report.Confusion(2, 1));
    }

    [Fact]
    public void Classes_absent_from_y_and_predictions_get_a_zero_row_but_do_not_count_in_the_macro_average()
    {
        var report = ClassificationReport.Compute([0, 1, 1], [0, 1, 0], ["a", "b", "unused"]);
        Assert.Equal(new MetricsRow("unused", 0, 0, 0, 0), report.Classes[2]);
        double macroRecall = (1 + 0.5) / 2;   // over the two present classes, not three
        Assert.Equal(macroRecall, report.MacroAverage.Recall, 1e-15);
        Assert.DoesNotContain("unused", report.ToText());
    }

    [Fact]
    public void ToString_is_the_two_digit_text()
    {
        var report = ClassificationReport.Compute([0, 1, 2, 2], [0, 2, 2, 1], Abc);
        Assert.Equal(report.ToText(2), report.ToString());
        Assert.NotEqual(report.ToText(2), report.ToText(3));
    }

    [Fact]
    public void Support_is_an_integer_without_weights_and_a_float_with_them()
    {
        string plain = ClassificationReport.Compute([0, 1], [0, 1], ["a", "b"]).ToText();
        string weighted = ClassificationReport.Compute([0, 1], [0, 1], [1.0, 1.0], ["a", "b"]).ToText();
        Assert.EndsWith("         2\n", plain);
        Assert.EndsWith("       2.0\n", weighted);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 1], [0], Abc));
        Assert.Contains("2 true classes but 1 predicted", e.Message);
        e = Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 1], [0, 1], [1.0], Abc));
        Assert.Contains("2 examples but 1 sample weights", e.Message);
    }

    [Fact]
    public void Empty_input_is_rejected()
        => Assert.Contains("empty", Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([], [], Abc)).Message);

    [Fact]
    public void Class_indices_outside_the_class_list_are_rejected_with_their_position()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Compute([0, 3], [0, 1], Abc));
        Assert.Contains("position 1", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Compute([0, 1], [-1, 1], Abc));
        Assert.Contains("Predicted class at position 0", e.Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_or_non_finite_weights_are_rejected(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Compute([0, 1], [0, 1], [1.0, bad], Abc));
        Assert.Contains("position 1", e.Message);
    }

    [Fact]
    public void All_zero_weights_are_rejected()
        => Assert.Contains("zero", Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 1], [0, 1], [0.0, 0.0], Abc)).Message);

    [Fact]
    public void Class_names_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => ClassificationReport.Compute([0], [0], null!));
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0], [0], []));
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0], [0], [null!]));
    }

    [Fact]
    public void Confusion_rejects_out_of_range_classes()
    {
        var report = ClassificationReport.Compute([0, 1], [0, 1], ["a", "b"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => report.Confusion(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => report.Confusion(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => report.ToText(-1));
    }
}
