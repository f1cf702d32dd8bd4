using System.Text.Encodings.Web;
using System.Text.Json;

namespace AttackClassifier.Cli.Commands;

/// <summary>Writes one JSON object per call to the command's output (compact, UTF-8, non-ASCII kept readable).</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Runs <paramref name="write"/> against a JSON writer and prints the result as one line.</summary>
    internal static void WriteLine(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options)) write(json);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
