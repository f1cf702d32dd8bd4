using System.Globalization;
using AttackClassifier.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Metrics;

public class PythonFormatTests
{
    // Expected strings are CPython 3.11's format(x, ".{d}f") output.
    [Theory]
    [InlineData(0.125, 2, "0.12")]      // exact tie: half to even (.NET "F2" gives 0.13)
    [InlineData(0.375, 2, "0.38")]      // exact tie: half to even, upwards
    [InlineData(2.5, 0, "2")]
    [InlineData(3.5, 0, "4")]
    [InlineData(0.5, 0, "0")]
    [InlineData(0.135, 2, "0.14")]      // stored as 0.13500000000000000888…: not a tie
    [InlineData(1.005, 2, "1.00")]      // stored as 1.00499999999999989…: not a tie
    [InlineData(0.0, 2, "0.00")]
    [InlineData(-0.0, 2, "-0.00")]
    [InlineData(-0.001, 2, "-0.00")]
    [InlineData(1.0, 4, "1.0000")]
    [InlineData(123.456, 1, "123.5")]
    [InlineData(1e22, 2, "10000000000000000000000.00")]
    [InlineData(5e-324, 3, "0.000")]
    public void Fixed_matches_python(double x, int digits, string expected)
        => Assert.Equal(expected, PythonFormat.Fixed(x, digits));

    // Expected strings are CPython 3.11's repr(x).
    [Theory]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(123456789012345680.0, "1.2345678901234568e+17")]
    [InlineData(12.0, "12.0")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(2.45, "2.45")]
    [InlineData(1234.5, "1234.5")]
    [InlineData(-7.0, "-7.0")]
    [InlineData(0.0, "0.0")]
    public void Repr_matches_python(double x, string expected) => Assert.Equal(expected, PythonFormat.Repr(x));

    [Fact]
    public void Fixed_rejects_negative_digits()
        => Assert.Throws<ArgumentOutOfRangeException>(() => PythonFormat.Fixed(1.0, -1));

    private static readonly Gen<double> FiniteDoubles =
        ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite)
              .Or(Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1024.0));   // many exact binary ties

    [Property(MaxTest = 500)]
    public Property Fixed_is_within_half_a_unit_of_the_last_digit()
        => Prop.ForAll(FiniteDoubles.Where(x => Math.Abs(x) < 1e12).ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), (x, digits) =>
        {
            decimal parsed = decimal.Parse(PythonFormat.Fixed(x, digits), CultureInfo.InvariantCulture);
            decimal exact = (decimal)x;   // within 1e-12 relative of x: plenty at these magnitudes
            decimal halfUnit = 0.5m / (decimal)Math.Pow(10, digits);
            Assert.True(Math.Abs(parsed - exact) <= halfUnit * 1.000001m, $"{x:R} with {digits} digits gave {PythonFormat.Fixed(x, digits)}");
        });

    [Property(MaxTest = 500)]
    public Property Repr_round_trips()
        => Prop.ForAll(FiniteDoubles.ToArbitrary(), x =>
            Assert.Equal(x, double.Parse(PythonFormat.Repr(x), CultureInfo.InvariantCulture)));
}
