using System.Text;
using AttackClassifier.Classification;
using AttackClassifier.Cli.Commands;
using AttackClassifier.Cli.Output;
using AttackClassifier.Streaming;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Serve;

/// <summary>
/// <c>serve</c>'s payload classifier: each message body is read by <c>predict</c>'s telemetry reader (one line, or for
/// auditd one event's lines), every command of the batch not in the stream's cache of repeated lines is classified in one
/// <see cref="ClassifierExtensions.PredictBatch"/> call, and each record is written by <c>predict</c>'s record writer (<see cref="PredictionStream.Write"/>), so a message
/// gives exactly the bytes <c>predict</c> would have written for that line.
/// </summary>
internal sealed class TelemetryPayloadClassifier : IPayloadClassifier
{
    private readonly TelemetryReaderOptions _readerOptions;
    private readonly PredictionStream _stream;
    private readonly RecordBytes _bytes = new();
    private readonly List<(int Input, TelemetryRecord Record)> _records = [];
    private readonly List<string> _commands = [];
    private readonly List<int> _ends = [];

    /// <exception cref="CliException">Options that do not fit the input, the output or the model.</exception>
    internal TelemetryPayloadClassifier(ResolvedClassification classification)
    {
        if (classification.Stream.Format == OutputFormat.Text) throw new CliException("serve writes JSON records: use --format jsonl or ecs.");
        _readerOptions = classification.Reader;
        // Flushing every record hands the record's bytes to RecordBytes at once, so each record's end is known.
        _stream = new PredictionStream(classification.Model, classification.ModelName, classification.Stream,
                                       OutputBuffer.ForStream(_bytes, flushEveryRecord: true));
    }

    public void Classify(IReadOnlyList<ReadOnlyMemory<byte>> payloads, List<ClassifiedOutput> outputs)
    {
        _records.Clear();
        _commands.Clear();
        for (int i = 0; i < payloads.Count; i++)
            foreach (TelemetryRecord record in Decode(payloads[i]))
            {
                _records.Add((i, record));
                if (record.CommandLine is { } command) _commands.Add(command);
            }

        Prediction[] predictions = _stream.PredictBatch(_commands);   // repeated lines from predict's cache of predictions

        _bytes.SetLength(0);
        _ends.Clear();
        int next = 0;
        foreach ((int _, TelemetryRecord record) in _records)
        {
            _stream.Write(record, record.CommandLine is null ? null : predictions[next++]);
            _ends.Add((int)_bytes.Length);
        }
        ReadOnlyMemory<byte> all = _bytes.GetBuffer().AsMemory(0, (int)_bytes.Length);
        int start = 0;
        for (int r = 0; r < _records.Count; r++)
        {
            outputs.Add(new ClassifiedOutput(_records[r].Input, all[start..(_ends[r] - 1)], _records[r].Record));   // without the LF
            start = _ends[r];
        }
    }

    // A message body is one input record's text. The reader never throws on bad content (it makes an error record), and
    // a body of nothing at all is still one record: the error says so, the message is acknowledged, nothing is dropped.
    private IEnumerable<TelemetryRecord> Decode(ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty) return [new TelemetryRecord { LineNumber = 1, Error = "empty message" }];
        // Decoded at once (a message is small): bytes that are not UTF-8 become U+FFFD, as on the reader's byte path, and a
        // byte-order mark is dropped as that path drops it. A StreamReader per message would cost two 16 KiB buffers.
        string text = Encoding.UTF8.GetString(payload.Span);
        return TelemetryReader.Read(new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text), _readerOptions);
    }

    // The output buffer's destination: a memory stream whose Flush does nothing (records are cut by position).
    private sealed class RecordBytes : MemoryStream
    {
        public override void Flush()
        {
        }
    }
}
