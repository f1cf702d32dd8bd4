namespace AttackClassifier.Kernels;

/// <summary>
/// An immutable sparse matrix in compressed sparse row (CSR) form: row <c>r</c> holds the entries
/// <c>Values[RowStart[r] .. RowStart[r+1])</c> at columns <c>Columns[same range]</c>, columns ascending within a row.
/// </summary>
/// <remarks>
/// Values are <see cref="double"/>: the matrix feeds an L-BFGS objective whose curvature pairs and line
/// searches need double precision, and parity with scikit-learn's float64 TF-IDF is checked to 1e-6.
/// A TF-IDF row has a few dozen non-zeros, so the extra four bytes per entry cost little.
/// </remarks>
public sealed class CsrMatrix
{
    private readonly int[] _rowStart;   // (N + 1)
    private readonly int[] _columns;    // (nnz)
    private readonly double[] _values;  // (nnz)

    /// <summary>Wraps CSR arrays after checking that they describe a valid matrix.</summary>
    /// <param name="rowCount">N, the number of rows.</param>
    /// <param name="columnCount">D, the number of columns.</param>
    /// <param name="rowStart">N + 1 non-decreasing offsets, starting at 0 and ending at nnz.</param>
    /// <param name="columns">Column index of each entry, strictly ascending within a row, in [0, D).</param>
    /// <param name="values">Value of each entry.</param>
    public CsrMatrix(int rowCount, int columnCount, int[] rowStart, int[] columns, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (rowStart.Length != rowCount + 1) throw new ArgumentException($"rowStart has {rowStart.Length} offsets; a {rowCount}-row matrix needs {rowCount + 1}.", nameof(rowStart));
        if (columns.Length != values.Length) throw new ArgumentException($"columns ({columns.Length}) and values ({values.Length}) differ in length.", nameof(values));
        if (rowStart[0] != 0 || rowStart[rowCount] != values.Length) throw new ArgumentException("rowStart must start at 0 and end at the number of entries.", nameof(rowStart));
        for (int r = 0; r < rowCount; r++)
        {
            if (rowStart[r + 1] < rowStart[r]) throw new ArgumentException($"rowStart decreases at row {r}.", nameof(rowStart));
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                if ((uint)columns[e] >= (uint)columnCount) throw new ArgumentException($"Column {columns[e]} in row {r} is outside [0, {columnCount}).", nameof(columns));
                if (e > rowStart[r] && columns[e] <= columns[e - 1]) throw new ArgumentException($"Columns in row {r} are not strictly ascending.", nameof(columns));
            }
        }
        RowCount = rowCount;
        ColumnCount = columnCount;
        _rowStart = rowStart;
        _columns = columns;
        _values = values;
    }

    /// <summary>N, the number of rows.</summary>
    public int RowCount { get; }

    /// <summary>D, the number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>The number of stored (non-zero) entries.</summary>
    public int NonZeroCount => _values.Length;

    /// <summary>Column indices of row <paramref name="row"/>, ascending.</summary>
    public ReadOnlySpan<int> RowColumns(int row) => _columns.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    /// <summary>Values of row <paramref name="row"/>, aligned with <see cref="RowColumns"/>.</summary>
    public ReadOnlySpan<double> RowValues(int row) => _values.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    /// <summary>The entry at (<paramref name="row"/>, <paramref name="column"/>), zero when not stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            int k = RowColumns(row).BinarySearch(column);
            return k >= 0 ? RowValues(row)[k] : 0.0;
        }
    }

    /// <summary>A new matrix holding the given rows, in the given order (indices may repeat).</summary>
    public CsrMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var rowStart = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++) rowStart[i + 1] = rowStart[i] + RowColumns(rows[i]).Length;
        var columns = new int[rowStart[^1]];
        var values = new double[rowStart[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            RowColumns(rows[i]).CopyTo(columns.AsSpan(rowStart[i]));
            RowValues(rows[i]).CopyTo(values.AsSpan(rowStart[i]));
        }
        return new CsrMatrix(rows.Length, ColumnCount, rowStart, columns, values);
    }

    /// <summary>Writes row <paramref name="n"/> into the buffers, columns ascending; returns its number of entries.</summary>
    internal delegate int RowWriter(int n, Span<int> columns, Span<double> values);

    internal static CsrMatrix Stack(int d, int rowCount, RowWriter writeRow)
    {
        var rowStart = new int[rowCount + 1];
        var columns = new List<int>();
        var values = new List<double>();
        int[] rowColumns = new int[d];     // (D) at most one entry per column
        double[] rowValues = new double[d];
        for (int n = 0; n < rowCount; n++)
        {
            int nnz = writeRow(n, rowColumns, rowValues);
            columns.AddRange(rowColumns.AsSpan(0, nnz));
            values.AddRange(rowValues.AsSpan(0, nnz));
            rowStart[n + 1] = columns.Count;
        }
        return new CsrMatrix(rowCount, d, rowStart, columns.ToArray(), values.ToArray());
    }
}
