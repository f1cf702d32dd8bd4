using System.Globalization;
using System.Numerics;
using System.Text;

namespace AttackClassifier.Metrics;

/// <summary>
/// The two Python number formats scikit-learn's <c>classification_report</c> text uses, reproduced exactly:
/// <c>"{:.{digits}f}"</c> (fixed point, correctly rounded half-to-even on the exact binary value) and
/// <c>"{}"</c> on a float (<c>repr</c>: shortest round-trip digits, always with a decimal point or exponent).
/// </summary>
/// <remarks>
/// .NET's <c>"F2"</c> rounds the exact decimal expansion half away from zero, so 0.125 (exact in binary) gives
/// <c>0.13</c> where Python gives <c>0.12</c>. Values like 0.135 are not ties (0.135 is stored as 0.13500000000000000888…),
/// and both round them up; only exactly representable ties differ, which is why the rounding below works on the exact
/// rational value m·2ᵉ with big integers instead of on a decimal string.
/// </remarks>
internal static class PythonFormat
{
    /// <summary>Python's <c>format(x, f".{digits}f")</c> for a finite double.</summary>
    internal static string Fixed(double x, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";

        // x = ±m · 2ᵉ exactly, with m the 53-bit significand.
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int biasedExponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        BigInteger m = biasedExponent == 0 ? fraction : fraction | (1L << 52);
        int e = (biasedExponent == 0 ? 1 : biasedExponent) - 1075;

        // q = round_half_even(|x| · 10^digits) = round_half_even(m · 10^digits · 2ᵉ).
        BigInteger scaled = m * BigInteger.Pow(10, digits);
        BigInteger q;
        if (e >= 0)
        {
            q = scaled << e;
        }
        else
        {
            BigInteger denominator = BigInteger.One << -e;
            q = BigInteger.DivRem(scaled, denominator, out BigInteger remainder);
            int half = (remainder * 2).CompareTo(denominator);
            if (half > 0 || (half == 0 && !q.IsEven)) q += 1;
        }

        string integerDigits = q.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var text = new StringBuilder();
        if (negative) text.Append('-');   // Python keeps the sign of −0.0 and of values rounding to zero: "-0.00"
        text.Append(integerDigits, 0, integerDigits.Length - digits);
        if (digits > 0) text.Append('.').Append(integerDigits, integerDigits.Length - digits, digits);
        return text.ToString();
    }

    /// <summary>Python's <c>repr(x)</c> (= <c>str(x)</c>, <c>"{}".format(x)</c>) for a double.</summary>
    /// <remarks>Shortest digits that round-trip (as .NET's <c>"R"</c>); positional notation when the decimal exponent
    /// is in [−4, 16), else <c>d.ddde±XX</c> with at least two exponent digits (CPython's <c>float_repr_style = 'short'</c>).</remarks>
    internal static string Repr(double x)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return double.IsNegative(x) ? "-0.0" : "0.0";

        // .NET's "R" gives the same shortest round-trip digits as CPython; only the layout differs.
        string shortest = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        (string digits, int exponent) = DigitsAndExponent(shortest);   // |x| = d₁.d₂d₃… · 10^exponent

        var text = new StringBuilder();
        if (x < 0) text.Append('-');
        if (exponent < -4 || exponent >= 16)
        {
            text.Append(digits[0]);
            if (digits.Length > 1) text.Append('.').Append(digits, 1, digits.Length - 1);
            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exponent < 0)
        {
            text.Append("0.").Append('0', -exponent - 1).Append(digits);
        }
        else if (digits.Length > exponent + 1)
        {
            text.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
        }
        else
        {
            text.Append(digits).Append('0', exponent + 1 - digits.Length).Append(".0");
        }
        return text.ToString();
    }

    // Splits .NET's round-trip string ("123.45", "1E-05", "1.5E+16") into significant digits without leading/trailing
    // zeros and the decimal exponent of the first digit (scientific notation d.ddd × 10^exponent).
    private static (string Digits, int Exponent) DigitsAndExponent(string roundTrip)
    {
        int exponentPart = 0;
        int eAt = roundTrip.IndexOfAny(['E', 'e']);
        string mantissa = roundTrip;
        if (eAt >= 0)
        {
            exponentPart = int.Parse(roundTrip.AsSpan(eAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = roundTrip[..eAt];
        }
        int point = mantissa.IndexOf('.');
        string integerPart = point >= 0 ? mantissa[..point] : mantissa;
        string fractionPart = point >= 0 ? mantissa[(point + 1)..] : "";
        string all = integerPart + fractionPart;
        int firstNonZero = 0;
        while (firstNonZero < all.Length - 1 && all[firstNonZero] == '0') firstNonZero++;
        // the first significant digit sits at 10^(integerPart.Length − 1 − firstNonZero) before the E part
        int exponent = integerPart.Length - 1 - firstNonZero + exponentPart;
        string digits = all[firstNonZero..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, exponent);
    }
}
