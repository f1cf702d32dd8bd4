namespace AttackClassifier.Models.Lstm;

/// <summary>
/// Encoded, padded command lines with labels and sample weights: the LSTM's training or validation input. Immutable: the
/// constructor copies the arrays it is given and the properties are read-only views, so no caller can change a training set
/// after it was checked.
/// </summary>
public sealed class TokenSequences
{
    /// <summary>Copies the arrays after checking their shapes.</summary>
    /// <param name="tokenIds">(N, T) row-major token ids: 0 = padding, 1 = out-of-vocabulary, others &lt; the vocabulary size.</param>
    /// <param name="sequenceLength">T, ids per row.</param>
    /// <param name="labels">(N) class indices.</param>
    /// <param name="sampleWeights">(N) non-negative weights (observation counts), or null for all 1.</param>
    public TokenSequences(int[] tokenIds, int sequenceLength, int[] labels, float[]? sampleWeights)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceLength);
        if (tokenIds.Length != (long)labels.Length * sequenceLength)
            throw new ArgumentException($"{labels.Length} rows of {sequenceLength} ids need {(long)labels.Length * sequenceLength} token ids, not {tokenIds.Length}.", nameof(tokenIds));
        sampleWeights = sampleWeights is null ? Enumerable.Repeat(1f, labels.Length).ToArray() : (float[])sampleWeights.Clone();
        if (sampleWeights.Length != labels.Length) throw new ArgumentException($"There are {labels.Length} rows but {sampleWeights.Length} sample weights.", nameof(sampleWeights));
        for (int n = 0; n < sampleWeights.Length; n++)
            if (!(sampleWeights[n] >= 0) || float.IsInfinity(sampleWeights[n])) throw new ArgumentException($"Sample weight {n} is {sampleWeights[n]}; weights must be finite and non-negative.", nameof(sampleWeights));
        _tokenIds = (int[])tokenIds.Clone();
        SequenceLength = sequenceLength;
        _labels = (int[])labels.Clone();
        _sampleWeights = sampleWeights;
    }

    /// <summary>Unweighted rows (every weight 1).</summary>
    public TokenSequences(int[] tokenIds, int sequenceLength, int[] labels) : this(tokenIds, sequenceLength, labels, (float[]?)null)
    {
    }

    /// <summary>As the float overload; double weights (observation counts) are rounded to float, so each must be at most
    /// <see cref="float.MaxValue"/> (≈ 3.4e38).</summary>
    public TokenSequences(int[] tokenIds, int sequenceLength, int[] labels, double[] sampleWeights)
        : this(tokenIds, sequenceLength, labels, ToFloat(sampleWeights))
    {
    }

    private static float[] ToFloat(double[] sampleWeights)
    {
        ArgumentNullException.ThrowIfNull(sampleWeights);
        var result = new float[sampleWeights.Length];
        for (int n = 0; n < result.Length; n++)
        {
            if (sampleWeights[n] > float.MaxValue)
                throw new ArgumentException($"Sample weight {n} is {sampleWeights[n]:G6}, beyond float range (the LSTM trains in float; at most {float.MaxValue:G3}).", nameof(sampleWeights));
            result[n] = (float)sampleWeights[n];
        }
        return result;
    }

    private readonly int[] _tokenIds;          // (N, T) row-major
    private readonly int[] _labels;            // (N)
    private readonly float[] _sampleWeights;   // (N)

    /// <summary>(N, T) row-major token ids.</summary>
    public ReadOnlySpan<int> TokenIds => _tokenIds;

    /// <summary>T, ids per row.</summary>
    public int SequenceLength { get; }

    /// <summary>(N) class indices.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>(N) sample weights.</summary>
    public ReadOnlySpan<float> SampleWeights => _sampleWeights;

    /// <summary>N, the number of rows.</summary>
    public int Count => _labels.Length;

    /// <summary>The token ids for the batch engine, which takes memory (it hands row chunks to worker threads).</summary>
    internal ReadOnlyMemory<int> TokenIdMemory => _tokenIds;

    internal ReadOnlyMemory<int> LabelMemory => _labels;

    internal ReadOnlyMemory<float> SampleWeightMemory => _sampleWeights;

    internal void Validate(int vocabularySize, int classCount, string name)
    {
        for (int i = 0; i < _tokenIds.Length; i++)
            if ((uint)_tokenIds[i] >= (uint)vocabularySize)
                throw new ArgumentException($"{name}: row {i / SequenceLength}, position {i % SequenceLength} has token id {_tokenIds[i]}, outside [0, {vocabularySize}).", name);
        for (int n = 0; n < _labels.Length; n++)
            if ((uint)_labels[n] >= (uint)classCount)
                throw new ArgumentException($"{name}: row {n} has label {_labels[n]}, outside [0, {classCount}).", name);
    }
}
