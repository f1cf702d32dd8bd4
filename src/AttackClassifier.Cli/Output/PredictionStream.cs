using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using AttackClassifier.Classification;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Output;

/// <summary>How <see cref="PredictionStream"/> classifies and writes.</summary>
internal sealed record PredictionStreamOptions
{
    /// <summary>The output format (default text).</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Text;

    /// <summary>Enriched input events or predictions alone (JSON formats; enriched needs a JSON input).</summary>
    public EmitMode Emit { get; init; } = EmitMode.Prediction;

    /// <summary>The input format the records were read as (it decides what <see cref="Keep"/> names mean).</summary>
    public TelemetryFormat InputFormat { get; init; } = TelemetryFormat.Plain;

    /// <summary>Input fields copied into prediction records (<see cref="KeptFields"/>).</summary>
    public IReadOnlyList<string> Keep { get; init; } = [];

    /// <summary>How many classes each prediction lists (≥ 1; default 3).</summary>
    public int Top { get; init; } = 3;

    /// <summary>Abstain ("unknown") below this calibrated top probability; null: the model's threshold.</summary>
    public double? MinProbability { get; init; }

    /// <summary>Add the n-grams that pushed each prediction (TF-IDF + logistic regression models).</summary>
    public bool Explain { get; init; }

    /// <summary>Stop at the first error record (a <see cref="CliException"/> naming <see cref="Source"/> and the line)
    /// instead of writing it as an output record.</summary>
    public bool Strict { get; init; }

    /// <summary>The input's name in error messages (a path or <c>&lt;stdin&gt;</c>).</summary>
    public string Source { get; init; } = "<stdin>";

    /// <summary>Predictions of repeated command lines kept (<see cref="PredictionCache"/>; default 16,384); 0 classifies every line.</summary>
    public int CacheCapacity { get; init; } = 16_384;

    /// <summary>Threads that classify and format (default: one per core). 1 runs the single-threaded loop; more read on a
    /// thread of their own and classify batches of records in parallel, writing them in input order.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
}

/// <summary>What a run of <see cref="PredictionStream.Run"/> saw.</summary>
/// <param name="Records">Input records read (= output records written, unless a strict run stopped).</param>
/// <param name="Errors">Input records that held no command (written as error records).</param>
internal readonly record struct PredictionSummary(long Records, long Errors);

/// <summary>
/// <c>predict</c>'s loop, apart from option parsing so benchmarks and tests drive it directly: telemetry records in,
/// exactly one output record per input record out, in input order — a record the reader could not use becomes an output
/// record carrying <c>error</c> and its line, never a gap. Streaming in bounded memory, allocation-light: one JSON writer per
/// output buffer, input events copied through as bytes, ECS threat objects built once per technique.
/// </summary>
/// <remarks>
/// With one worker (<see cref="PredictionStreamOptions.Workers"/>) every record is classified and written in turn on the
/// calling thread. With more, a reader thread fills a bounded queue (<see cref="QueueCapacity"/> records); the calling
/// thread takes whatever the queue holds, up to <see cref="BatchSize"/> records, cuts the batch into contiguous chunks,
/// classifies and formats the chunks in parallel — each into its own byte buffer with its own record writer — and copies
/// the buffers to the output in chunk order, so the bytes are exactly those of the single-threaded loop. A live stream
/// (<see cref="OutputBuffer.FlushesEveryRecord"/>) is flushed whenever the queue runs empty: a record that arrives alone
/// (<c>tail -F</c>) is a batch of one and is written at once, and a fast producer is not paid one system call per record.
/// Memory stays flat: at most the queue, one batch and its formatted bytes.
/// </remarks>
internal sealed class PredictionStream
{
    /// <summary>Records read ahead at most (the reader thread waits when the queue is full).</summary>
    internal const int QueueCapacity = 8192;

    /// <summary>Records classified together at most.</summary>
    internal const int BatchSize = 2048;

    /// <summary>Chunks per worker in a full batch: several, so a chunk of long commands does not leave a core idle.</summary>
    private const int ChunksPerWorker = 4;

    private readonly IAttackClassifier _classifier;
    private readonly TfidfLogisticRegressionClassifier? _explainer;
    private readonly PredictionStreamOptions _options;
    private readonly OutputBuffer _output;
    private readonly IRecordWriter _writer;
    private readonly Func<OutputBuffer, IRecordWriter> _newWriter;
    private readonly PredictionCache? _cache;
    private readonly Func<string, Prediction> _classify;
    private ChunkOutput[] _chunks = [];

    /// <exception cref="CliException">An option that does not fit the input, the output or the model.</exception>
    internal PredictionStream(LoadedModel model, string modelName, PredictionStreamOptions options, OutputBuffer output)
    {
        _classifier = model.Classifier;
        _options = options;
        _output = output;
        if (options.Top < 1) throw new CliException("--top must be ≥ 1.");
        if (options.Workers < 1) throw new CliException("The number of prediction workers must be ≥ 1.");
        if (options.CacheCapacity < 0) throw new CliException("The prediction cache capacity must be ≥ 0.");
        _cache = options.CacheCapacity > 0 ? new PredictionCache(options.CacheCapacity) : null;
        _classify = line => _classifier.Predict(line, options.Top, options.MinProbability);
        if (options.Explain)
        {
            _explainer = model.Classifier as TfidfLogisticRegressionClassifier
                ?? throw new CliException("--explain needs a TF-IDF + logistic regression model.");
        }
        bool jsonInput = options.InputFormat is not (TelemetryFormat.Plain or TelemetryFormat.Auditd);
        if (options.Emit == EmitMode.Enriched && options.Format == OutputFormat.Text)
            throw new CliException("--emit enriched writes JSON events: use --format jsonl or ecs.");
        if (options.Emit == EmitMode.Enriched && !jsonInput)
            throw new CliException($"--emit enriched needs JSON input events; {Name(options.InputFormat)} input has none to enrich (use --emit prediction).");
        if (options.Emit == EmitMode.Enriched && options.Keep.Count > 0)
            throw new CliException("--keep applies to --emit prediction: enriched events already carry every input field.");
        IReadOnlyCollection<string> reserved = options.Format switch
        {
            OutputFormat.Jsonl => JsonRecordWriter.JsonlReserved,
            OutputFormat.Ecs => JsonRecordWriter.EcsReserved,
            _ => [],
        };
        KeptFields kept = KeptFields.Create(options.Keep, options.InputFormat, options.Format, reserved);
        _newWriter = buffer => options.Format == OutputFormat.Text
            ? new TextRecordWriter(buffer, options.Explain, kept)
            : new JsonRecordWriter(buffer, options.Format, options.Emit, kept, modelName, model.Info);
        _writer = _newWriter(output);
    }

    /// <summary>The cache of repeated lines' predictions, or null when <see cref="PredictionStreamOptions.CacheCapacity"/> is 0.</summary>
    internal PredictionCache? Cache => _cache;

    /// <summary>Predictions of <paramref name="commands"/> in order, for callers that classify a batch at once (<c>serve</c>):
    /// lines held by the cache come from it, the others from one <see cref="ClassifierExtensions.PredictBatch"/> call and
    /// are kept — the same predictions, line for line, as the streaming loop's.</summary>
    internal Prediction[] PredictBatch(IReadOnlyList<string> commands)
    {
        if (_cache is null) return _classifier.PredictBatch(commands, _options.Top, _options.MinProbability);
        var predictions = new Prediction[commands.Count];
        List<int> missing = [];
        for (int i = 0; i < commands.Count; i++)
            if (_cache.TryGet(commands[i], out Prediction? known)) predictions[i] = known;
            else missing.Add(i);
        if (missing.Count == 0) return predictions;
        Prediction[] fresh = _classifier.PredictBatch(missing.Select(i => commands[i]).ToArray(), _options.Top, _options.MinProbability);
        for (int j = 0; j < missing.Count; j++)
        {
            predictions[missing[j]] = fresh[j];
            _cache.Add(commands[missing[j]], fresh[j]);
        }
        return predictions;
    }

    /// <inheritdoc cref="PredictionStreamOptions"/>
    internal PredictionStreamOptions Options => _options;

    /// <summary>Writes one output record: <paramref name="record"/>'s prediction (with its evidence when asked), or its
    /// error record when <paramref name="prediction"/> is null. The record ends in the output buffer, not yet flushed.</summary>
    internal void Write(TelemetryRecord record, Prediction? prediction) => WriteWith(_writer, record, prediction);

    /// <summary>The name of an input format on the command line (<c>win4688</c>).</summary>
    internal static string Name(TelemetryFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Classifies and writes every record, then flushes the output.</summary>
    /// <exception cref="CliException">With <see cref="PredictionStreamOptions.Strict"/>: the first error record, as
    /// <c>source:line: message</c> (the records before it are written and flushed).</exception>
    internal PredictionSummary Run(IEnumerable<TelemetryRecord> records) =>
        _options.Workers == 1 ? RunSingleThreaded(records) : RunBatched(records);

    private PredictionSummary RunSingleThreaded(IEnumerable<TelemetryRecord> records)
    {
        long count = 0, errors = 0;
        foreach (TelemetryRecord record in records)
        {
            count++;
            if (record.CommandLine is null)
            {
                errors++;
                if (_options.Strict) throw StrictError(record);
            }
            WriteOne(record, _writer);
        }
        _output.Flush();
        return new PredictionSummary(count, errors);
    }

    // One output record for one input record: its prediction (and evidence), or the error record. The one step both loops share.
    private void WriteOne(TelemetryRecord record, IRecordWriter writer)
    {
        if (record.CommandLine is { } command && _explainer is not null)
        {
            FeatureRow row = _explainer.Featurize(command);   // one vectorization serves the prediction and its evidence
            Prediction prediction = _explainer.Predict(row, _options.Top, _options.MinProbability);
            writer.Write(record, prediction, _explainer.Explain(row, EvidenceCount, prediction.Label));
        }
        else WriteWith(writer, record, record.CommandLine is not { } line ? null : _cache is { } cache ? cache.GetOrClassify(line, _classify) : _classify(line));
    }

    // The record's output from a prediction made elsewhere (null: the error record), with the evidence when --explain asked for it.
    private void WriteWith(IRecordWriter writer, TelemetryRecord record, Prediction? prediction)
    {
        IReadOnlyList<Evidence>? evidence = prediction is not null && record.CommandLine is { } command && _explainer is { } explainer
            ? explainer.Explain(explainer.Featurize(command), EvidenceCount, prediction.Label) : null;
        writer.Write(record, prediction, evidence);
    }

    private const int EvidenceCount = 5;   // n-grams listed per prediction with --explain

    private CliException StrictError(TelemetryRecord record)
    {
        _output.Flush();
        return new CliException($"{_options.Source}:{record.LineNumber}: {record.Error}");
    }

    private PredictionSummary RunBatched(IEnumerable<TelemetryRecord> records)
    {
        using var queue = new BlockingCollection<TelemetryRecord>(new ConcurrentQueue<TelemetryRecord>(), QueueCapacity);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? readError = null;
        var reader = new Thread(() =>
        {
            try
            {
                foreach (TelemetryRecord record in records) queue.Add(record, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped (a strict error or a failure): nothing more to read.
            }
            catch (Exception e)
            {
                readError = ExceptionDispatchInfo.Capture(e);   // rethrown on the calling thread once the records before it are written
            }
            finally
            {
                queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "predict reader" };   // background: a read blocked on a terminal never holds the process
        reader.Start();

        long count = 0, errors = 0;
        var batch = new TelemetryRecord[BatchSize];
        bool finished = false;
        try
        {
            while (queue.TryTake(out TelemetryRecord? first, Timeout.Infinite))
            {
                int n = 0;
                batch[n++] = first;
                while (n < BatchSize && queue.TryTake(out TelemetryRecord? next)) batch[n++] = next;
                int chunkCount = FormatInParallel(batch, n);
                for (int c = 0; c < chunkCount; c++)
                {
                    ChunkOutput chunk = _chunks[c];
                    _output.WriteRecords(chunk.Bytes.GetBuffer().AsSpan(0, (int)chunk.Bytes.Length));
                    if (chunk.StrictError is { } bad)
                    {
                        count += chunk.Written + 1;
                        errors += chunk.Errors + 1;
                        throw StrictError(bad);
                    }
                    count += chunk.Written;
                    errors += chunk.Errors;
                }
                Array.Clear(batch, 0, n);   // the records are written: let them go
                if (_output.FlushesEveryRecord && queue.Count == 0) _output.Flush();
            }
            finished = true;
        }
        finally
        {
            stop.Cancel();
            if (finished) reader.Join();   // the reader completed the queue: it has returned or is about to
        }
        _output.Flush();
        readError?.Throw();
        return new PredictionSummary(count, errors);
    }

    // Classifies and formats batch[0 .. n) in contiguous chunks on up to Workers threads; returns the number of chunks.
    private int FormatInParallel(TelemetryRecord[] batch, int n)
    {
        int chunkCount = Math.Min(n, _options.Workers * ChunksPerWorker);
        if (_chunks.Length < chunkCount)
        {
            int had = _chunks.Length;
            Array.Resize(ref _chunks, chunkCount);
            for (int c = had; c < chunkCount; c++) _chunks[c] = new ChunkOutput(_newWriter);
        }
        Parallel.For(0, chunkCount, new ParallelOptions { MaxDegreeOfParallelism = _options.Workers }, c =>
            _chunks[c].Format(this, batch, (int)((long)n * c / chunkCount), (int)((long)n * (c + 1) / chunkCount)));
        return chunkCount;
    }

    /// <summary>One chunk's formatted records: its own memory buffer and record writer, reused batch after batch.</summary>
    private sealed class ChunkOutput
    {
        private readonly OutputBuffer _buffer;
        private readonly IRecordWriter _writer;

        public ChunkOutput(Func<OutputBuffer, IRecordWriter> newWriter)
        {
            _buffer = OutputBuffer.ForStream(Bytes, flushEveryRecord: false);
            _writer = newWriter(_buffer);
        }

        public MemoryStream Bytes { get; } = new();

        /// <summary>Records written (error records included) and error records among them.</summary>
        public int Written { get; private set; }

        public int Errors { get; private set; }

        /// <summary>In a strict run, the first error record of the chunk: the chunk stops before it.</summary>
        public TelemetryRecord? StrictError { get; private set; }

        public void Format(PredictionStream stream, TelemetryRecord[] batch, int from, int to)
        {
            Bytes.SetLength(0);
            Written = Errors = 0;
            StrictError = null;
            for (int i = from; i < to; i++)
            {
                TelemetryRecord record = batch[i];
                if (record.CommandLine is null)
                {
                    if (stream._options.Strict) { StrictError = record; break; }
                    Errors++;
                }
                stream.WriteOne(record, _writer);
                Written++;
            }
            _buffer.Flush();
        }
    }
}
