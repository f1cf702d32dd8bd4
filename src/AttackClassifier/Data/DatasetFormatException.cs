namespace AttackClassifier.Data;

/// <summary>A dataset file that cannot be read as the study's CSV schema; the message names the file, line and field.</summary>
public sealed class DatasetFormatException : FormatException
{
    /// <summary>Creates the exception; the message is prefixed with <c>source:line</c> and the field when known.</summary>
    /// <param name="source">The file name (or another description of the input).</param>
    /// <param name="line">The 1-based physical line where the problem is.</param>
    /// <param name="field">The column name concerned, or null.</param>
    /// <param name="problem">What is wrong, in words.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DatasetFormatException(string source, long line, string? field, string problem, Exception? inner = null)
        : base(field is null ? $"{source}:{line}: {problem}" : $"{source}:{line}: field '{field}': {problem}", inner)
    {
        Source = source;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file name (or another description of the input).</summary>
    public new string Source { get; }

    /// <summary>The 1-based physical line where the problem is.</summary>
    public long Line { get; }

    /// <summary>The column name concerned, or null when the problem is not about one field.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Problem { get; }
}
