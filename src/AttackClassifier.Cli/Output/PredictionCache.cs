using System.Collections.Concurrent;
using AttackClassifier.Classification;

namespace AttackClassifier.Cli.Output;

/// <summary>
/// Predictions of recently seen command lines, so a repeated line is classified once: telemetry repeats most lines (cron jobs,
/// agents, shells' prompts), and classification is ≈ 90 % of <c>predict</c>'s work per line. The classifier is a pure function
/// of the line (for one model, top-k and threshold), so a cached prediction is the one classifying again would return and the
/// output bytes do not change (tested against a run without the cache).
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="Capacity"/> entries, and lines longer than <see cref="MaxCachedLength"/> characters are never
/// kept, so the cache holds at most Capacity × MaxCachedLength characters plus the predictions. When full it starts over
/// (one clear, O(1) per line amortised) — simpler than LRU bookkeeping on every hit, and a stream whose distinct lines
/// outnumber the capacity gains little from either. Safe for the parallel chunks: a race at the clear costs a recomputation,
/// never a wrong answer.
/// </remarks>
internal sealed class PredictionCache
{
    /// <summary>Lines longer than this are classified every time (they are rarely repeated verbatim and cost the most memory).</summary>
    internal const int MaxCachedLength = 1024;

    private readonly ConcurrentDictionary<string, Prediction> _byLine = new(StringComparer.Ordinal);
    private int _count;

    /// <param name="capacity">Most entries kept, ≥ 1.</param>
    internal PredictionCache(int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A prediction cache holds at least one entry.");
        Capacity = capacity;
    }

    /// <summary>Most entries kept.</summary>
    internal int Capacity { get; }

    /// <summary>Entries held now (≤ <see cref="Capacity"/>).</summary>
    internal int Count => _byLine.Count;

    /// <summary>The cached prediction of <paramref name="line"/>, or <paramref name="classify"/>'s, kept for the next time.</summary>
    internal Prediction GetOrClassify(string line, Func<string, Prediction> classify)
    {
        if (TryGet(line, out Prediction? known)) return known;
        Prediction prediction = classify(line);
        Add(line, prediction);
        return prediction;
    }

    /// <summary>Whether <paramref name="line"/>'s prediction is held.</summary>
    internal bool TryGet(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Prediction? prediction)
    {
        prediction = null;
        return line.Length <= MaxCachedLength && _byLine.TryGetValue(line, out prediction);
    }

    /// <summary>Keeps <paramref name="prediction"/> as <paramref name="line"/>'s (unless the line is too long to keep); starts
    /// over when the cache is full.</summary>
    internal void Add(string line, Prediction prediction)
    {
        if (line.Length > MaxCachedLength) return;
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _byLine.Clear();
            Interlocked.Exchange(ref _count, 1);
        }
        _byLine.TryAdd(line, prediction);
    }
}
