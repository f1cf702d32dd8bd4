using AttackClassifier.Randomness;
namespace AttackClassifier.Data;

/// <summary>How a train/validation/test split is made from two stratified train/test splits. Both give each part its
/// fraction of the rows; they differ in which rows a class's rounding favours, so per-class counts can differ by one row.</summary>
public enum SplitProtocol
{
    /// <summary>The test part first (<c>testFraction</c> of all rows), then the validation part from the rest, with test
    /// fraction validationFraction / (1 − testFraction): for 60/20/20, 0.2 off, then 0.25 of the rest.</summary>
    TestFirst,

    /// <summary>The study's notebook: the held-out part first (validationFraction + testFraction of all rows,
    /// <c>train_test_split(test_size=0.4)</c> for 60/20/20), then that part split into validation and test with test fraction
    /// testFraction / (validationFraction + testFraction) (<c>train_test_split(rest, test_size=0.5)</c>); the second call's
    /// training part is the validation part.</summary>
    Study,
}

/// <summary>
/// Stratified train/test, train/validation/test and k-fold splits of a label vector, reproducing scikit-learn's
/// <c>StratifiedShuffleSplit</c> (behind <c>train_test_split(…, stratify=y)</c>) and <c>StratifiedKFold(shuffle=True)</c>
/// allocation rules with a portable seeded generator.
/// </summary>
/// <remarks>
/// <para><b>Sizes.</b> For a test fraction f of N examples, N_test = ⌈f·N⌉ (on the double product, as scikit-learn) and
/// N_train = N − N_test.</para>
/// <para><b>Per-class allocation</b> (scikit-learn's <c>_approximate_mode</c>): class c with n_c of the N examples gets
/// ⌊n_c / N · N_train⌋ training rows; the rows still missing go one each to the classes with the largest fractional parts,
/// ties between equal fractional parts broken with the seeded generator; the class's other rows are its test rows. So each
/// class's count in each part is within one row of its exact share. That is the whole guarantee: a class of two or three
/// rows can end up entirely in one part (its share of the other is below one row), exactly as in scikit-learn. Which rows of a class are chosen is a seeded
/// Fisher–Yates shuffle of the class's rows. scikit-learn breaks ties with numpy's generator, so where fractional parts
/// tie, per-class counts match scikit-learn's only in distribution; where they do not tie, they match exactly.</para>
/// <para><b>Output.</b> Index arrays into y (never copies of data), each sorted ascending, unlike scikit-learn's shuffled
/// order: files written from a split are then stable and readable, and a consumer who wants a random order shuffles anyway.
/// The same y, sizes and seed give the same indices on every platform (<see cref="SeededRandom"/>).</para>
/// <para><b>Errors</b> follow scikit-learn's: a class with a single example cannot be in both parts; each part needs at
/// least one row per class. The optional class names only make these messages readable.</para>
/// </remarks>
public static class StratifiedSplit
{
    /// <summary>Splits the rows of <paramref name="y"/> into a training and a test part, stratified by class.</summary>
    /// <param name="y">The class index of each example, ≥ 0. (N)</param>
    /// <param name="testFraction">Fraction of the examples in the test part, in (0, 1); N_test = ⌈testFraction·N⌉.</param>
    /// <param name="seed">Seed of the generator that breaks allocation ties and picks rows.</param>
    /// <param name="classNames">Optional names indexed by class, used in error messages only.</param>
    /// <returns>Row indices of each part, ascending; together they are 0 … N−1, each once.</returns>
    /// <exception cref="ArgumentException">y is empty or holds a negative class; the fraction is outside (0, 1); a class has
    /// a single example; or a part would have fewer rows than there are classes.</exception>
    public static (int[] Train, int[] Test) TrainTest(ReadOnlySpan<int> y, double testFraction, int seed, IReadOnlyList<string>? classNames = null)
    {
        CheckFraction(testFraction, nameof(testFraction));
        ClassRows classes = ClassRows.Of(y, classNames);
        return Split(classes, y.Length, testFraction, new SeededRandom(seed));
    }

    /// <summary>
    /// Splits the rows of <paramref name="y"/> into training, validation and test parts with two <see cref="TrainTest"/> calls
    /// in the order <paramref name="protocol"/> names, both with the same seed (the study passes one <c>random_state</c> to both
    /// <c>train_test_split</c> calls). <see cref="SplitProtocol.TestFirst"/> splits the test part off first;
    /// <see cref="SplitProtocol.Study"/> splits validation and test off together and then halves them (for 0.2/0.2), as the
    /// study's notebook does. The study uses validationFraction = testFraction = 0.2.
    /// </summary>
    /// <param name="y">The class index of each example, ≥ 0. (N)</param>
    /// <param name="validationFraction">Fraction of all examples in the validation part, in (0, 1).</param>
    /// <param name="testFraction">Fraction of all examples in the test part, in (0, 1); the two fractions sum to less than 1.</param>
    /// <param name="seed">Seed of the generator that breaks allocation ties and picks rows.</param>
    /// <param name="classNames">Optional names indexed by class, used in error messages only.</param>
    /// <param name="protocol">Which part the first call splits off (default <see cref="SplitProtocol.TestFirst"/>).</param>
    /// <returns>Row indices of each part, ascending; together they are 0 … N−1, each once.</returns>
    /// <exception cref="ArgumentException">As <see cref="TrainTest"/>, for either stage, or the fractions sum to 1 or more.</exception>
    public static (int[] Train, int[] Validation, int[] Test) TrainValidationTest(ReadOnlySpan<int> y, double validationFraction, double testFraction,
                                                                                 int seed, IReadOnlyList<string>? classNames = null,
                                                                                 SplitProtocol protocol = SplitProtocol.TestFirst)
    {
        CheckFraction(validationFraction, nameof(validationFraction));
        CheckFraction(testFraction, nameof(testFraction));
        if (!(validationFraction + testFraction < 1))
            throw new ArgumentException($"validationFraction + testFraction = {validationFraction + testFraction} must be below 1 to leave a training part.", nameof(validationFraction));

        if (!Enum.IsDefined(protocol)) throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Unknown split protocol.");
        if (protocol == SplitProtocol.Study)
        {
            // train_test_split(X, y, test_size=v+t), then train_test_split(held-out, test_size=t/(v+t)): its train part is validation.
            var (train, heldOut) = TrainTest(y, validationFraction + testFraction, seed, classNames);
            var (validationInHeldOut, testInHeldOut) = TrainTest(Gather(y, heldOut), testFraction / (validationFraction + testFraction), seed, classNames);
            return (train, Map(validationInHeldOut, heldOut), Map(testInHeldOut, heldOut));
        }
        var (rest, test) = TrainTest(y, testFraction, seed, classNames);
        // validationFraction of all N is validationFraction / (1 − testFraction) of what the test split left.
        var (trainInRest, validationInRest) = TrainTest(Gather(y, rest), validationFraction / (1 - testFraction), seed, classNames);
        return (Map(trainInRest, rest), Map(validationInRest, rest), test);
    }

    // y at the given rows: the labels the second call splits. (rows.Length)
    private static int[] Gather(ReadOnlySpan<int> y, int[] rows)
    {
        var part = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++) part[i] = y[rows[i]];
        return part;
    }

    // Positions within a part back to rows of y; the part is ascending, so ascending positions stay ascending.
    private static int[] Map(int[] positions, int[] part) => Array.ConvertAll(positions, i => part[i]);

    /// <summary>
    /// Stratified k-fold cross-validation with shuffling (scikit-learn's <c>StratifiedKFold(n_splits, shuffle=True)</c>):
    /// each class's rows are dealt as evenly as possible across the folds, so per class the folds' test counts differ by at
    /// most one, and the folds' sizes are balanced too (scikit-learn's round-robin over the labels sorted by first
    /// appearance). Which rows go to which fold is a seeded shuffle within each class.
    /// </summary>
    /// <remarks>
    /// A class with fewer rows than folds is allowed, as in scikit-learn (which only warns): it is absent from the test part
    /// of some folds, and scores of such a fold say nothing about it. Folds with every class smaller than the fold count are
    /// rejected. The study uses 3 folds.
    /// </remarks>
    /// <param name="y">The class index of each example, ≥ 0. (N)</param>
    /// <param name="folds">Number of folds, 2 ≤ folds ≤ N.</param>
    /// <param name="seed">Seed of the generator that deals each class's rows to folds.</param>
    /// <param name="classNames">Optional names indexed by class, used in error messages only.</param>
    /// <returns>One (Train, Test) pair per fold, indices ascending; every row is in exactly one test part.</returns>
    /// <exception cref="ArgumentException">y is empty or holds a negative class; folds &lt; 2 or &gt; N; or every class has
    /// fewer rows than folds.</exception>
    public static IReadOnlyList<(int[] Train, int[] Test)> KFold(ReadOnlySpan<int> y, int folds, int seed, IReadOnlyList<string>? classNames = null)
    {
        if (folds < 2)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"k-fold cross-validation needs at least 2 folds, got {folds}.");
        ClassRows classes = ClassRows.Of(y, classNames);
        int N = y.Length;
        if (folds > N)
            throw new ArgumentException($"Cannot have number of splits folds={folds} greater than the number of samples: N={N}.", nameof(folds));
        if (classes.Rows.All(rows => rows.Length < folds))
            throw new ArgumentException($"folds={folds} cannot be greater than the number of members in each class (the largest class has {classes.Rows.Max(r => r.Length)}).", nameof(folds));

        int[,] allocation = KFoldAllocation(classes, y, folds);   // (folds, K): test rows of each class in each fold
        var rng = new SeededRandom(seed);
        var foldOf = new int[N];
        foreach (int c in classes.ByFirstAppearance(y))
        {
            int[] rows = classes.Rows[c];
            var foldsForClass = new int[rows.Length];   // fold numbers, allocation[f, c] copies of each f, ascending
            int at = 0;
            for (int f = 0; f < folds; f++)
                for (int r = 0; r < allocation[f, c]; r++) foldsForClass[at++] = f;
            rng.Shuffle<int>(foldsForClass);
            for (int i = 0; i < rows.Length; i++) foldOf[rows[i]] = foldsForClass[i];
        }

        var result = new (int[] Train, int[] Test)[folds];
        for (int f = 0; f < folds; f++)
        {
            var test = new List<int>();
            var train = new List<int>();
            for (int n = 0; n < N; n++) (foldOf[n] == f ? test : train).Add(n);
            result[f] = (train.ToArray(), test.ToArray());
        }
        return result;
    }

    /// <summary>
    /// scikit-learn's StratifiedKFold allocation: sort the labels, classes ordered by first appearance in y, and deal the
    /// sorted sequence round-robin to the folds; allocation[f, c] = #{ positions p of class c in that sequence : p mod folds = f }.
    /// </summary>
    /// <returns>(folds, K) counts indexed by class index (not by appearance order).</returns>
    internal static int[,] KFoldAllocation(ClassRows classes, ReadOnlySpan<int> y, int folds)
    {
        var allocation = new int[folds, classes.Rows.Length];
        int position = 0;   // start of the class's run in the sorted label sequence
        foreach (int c in classes.ByFirstAppearance(y))
            for (int r = 0; r < classes.Rows[c].Length; r++, position++)
                allocation[position % folds, c]++;
        return allocation;
    }

    private static (int[] Train, int[] Test) Split(ClassRows classes, int N, double testFraction, SeededRandom rng)
    {
        int nTest = (int)Math.Ceiling(testFraction * N);   // ⌈f·N⌉ on the double product, as scikit-learn
        int nTrain = N - nTest;
        if (nTrain == 0)
            throw new ArgumentException($"With N={N} examples and testFraction={testFraction}, the training part would be empty. Lower testFraction or add examples.", nameof(testFraction));

        int[] counts = classes.Counts();   // (K); 0 for class indices that do not occur
        int K = classes.PresentCount;
        int smallest = Array.FindIndex(counts, n => n == 1);
        if (smallest >= 0)
            throw new ArgumentException($"The least populated class in y, {classes.Describe(smallest)}, has only 1 member, which is too few. " +
                                        "The minimum number of members for any class cannot be less than 2.", "y");
        if (nTrain < K)
            throw new ArgumentException($"The train size = {nTrain} should be greater or equal to the number of classes = {K}.", nameof(testFraction));
        if (nTest < K)
            throw new ArgumentException($"The test size = {nTest} should be greater or equal to the number of classes = {K}.", nameof(testFraction));

        // scikit-learn allocates the training part first; the test part takes each class's remaining rows.
        int[] trainCounts = ApproximateMode(counts, nTrain, rng);
        var inTest = new bool[N];   // (N)
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0) continue;
            int[] rows = (int[])classes.Rows[c].Clone();
            rng.Shuffle<int>(rows);   // the class's first trainCounts[c] shuffled rows train, the rest test
            for (int i = trainCounts[c]; i < rows.Length; i++) inTest[rows[i]] = true;
        }
        // Collecting by a mask in row order yields ascending parts in O(N), no sort.
        var train = new int[nTrain];
        var test = new int[nTest];
        int nextTrain = 0, nextTest = 0;
        for (int n = 0; n < N; n++)
        {
            if (inTest[n]) test[nextTest++] = n;
            else train[nextTrain++] = n;
        }
        return (train, test);
    }

    /// <summary>
    /// scikit-learn's <c>_approximate_mode</c> (an approximation of the mode of the multivariate hypergeometric):
    /// draws[c] = ⌊counts[c] / Σcounts · draws⌋, then the missing draws go one each to the classes with the largest
    /// fractional parts, taking whole groups of equal fractional parts while they fit and a seeded random subset of the
    /// group that does not. Σ result = draws, and each entry is within one of its exact share.
    /// </summary>
    internal static int[] ApproximateMode(ReadOnlySpan<int> counts, int draws, SeededRandom rng)
    {
        long total = 0;
        foreach (int n in counts) total += n;
        var continuous = new double[counts.Length];
        var result = new int[counts.Length];
        int needToAdd = draws;
        for (int c = 0; c < counts.Length; c++)
        {
            continuous[c] = (double)counts[c] / total * draws;   // numpy's class_counts / class_counts.sum() * n_draws
            result[c] = (int)Math.Floor(continuous[c]);
            needToAdd -= result[c];
        }
        if (needToAdd <= 0) return result;

        double[] remainder = continuous.Select((x, c) => x - result[c]).ToArray();
        foreach (double value in remainder.Distinct().OrderDescending())
        {
            int[] tied = Enumerable.Range(0, remainder.Length).Where(c => remainder[c] == value).ToArray();
            int addNow = Math.Min(tied.Length, needToAdd);
            if (addNow < tied.Length) rng.Shuffle<int>(tied);   // a uniformly random subset of the tied classes
            for (int i = 0; i < addNow; i++) result[tied[i]]++;
            needToAdd -= addNow;
            if (needToAdd == 0) break;
        }
        return result;
    }

    private static void CheckFraction(double fraction, string name)
    {
        if (!(fraction > 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(name, fraction, $"{name} must lie strictly between 0 and 1, got {fraction}.");
    }

    /// <summary>The rows of each class: Rows[c] lists, ascending, the positions n with y[n] = c (empty for absent c).</summary>
    internal sealed class ClassRows
    {
        private readonly IReadOnlyList<string>? _names;

        private ClassRows(int[][] rows, IReadOnlyList<string>? names) => (Rows, _names) = (rows, names);

        internal int[][] Rows { get; }   // (max class + 1, its rows)

        internal int PresentCount => Rows.Count(r => r.Length > 0);

        internal int[] Counts() => Array.ConvertAll(Rows, r => r.Length);

        internal static ClassRows Of(ReadOnlySpan<int> y, IReadOnlyList<string>? names)
        {
            if (y.IsEmpty) throw new ArgumentException("Cannot split an empty label vector.", nameof(y));
            int maxClass = 0;
            for (int n = 0; n < y.Length; n++)
            {
                if (y[n] < 0) throw new ArgumentOutOfRangeException(nameof(y), y[n], $"Class at position {n} is {y[n]}; class indices must be ≥ 0.");
                if (names is not null && y[n] >= names.Count)
                    throw new ArgumentOutOfRangeException(nameof(y), y[n], $"Class at position {n} is {y[n]}, but only {names.Count} class names were given.");
                maxClass = Math.Max(maxClass, y[n]);
            }
            var lists = new List<int>[maxClass + 1];
            for (int c = 0; c <= maxClass; c++) lists[c] = [];
            for (int n = 0; n < y.Length; n++) lists[y[n]].Add(n);
            return new ClassRows(Array.ConvertAll(lists, l => l.ToArray()), names);
        }

        /// <summary>Present classes in order of first appearance in y (the order StratifiedKFold encodes them in).</summary>
        internal int[] ByFirstAppearance(ReadOnlySpan<int> y)
        {
            var seen = new bool[Rows.Length];
            var order = new List<int>();
            foreach (int c in y)
                if (!seen[c]) { seen[c] = true; order.Add(c); }
            return order.ToArray();
        }

        internal string Describe(int c) => _names is null ? $"class {c}" : $"class {c} ('{_names[c]}')";
    }
}
