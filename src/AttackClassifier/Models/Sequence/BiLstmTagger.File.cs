using AttackClassifier.Serialization;

namespace AttackClassifier.Models.Sequence;

internal sealed partial class BiLstmTagger
{
    // Upper bounds on sizes read from a file, far above any trained tagger, so a crafted file cannot allocate gigabytes.
    private const int MaxWidth = 1 << 14;

    // Payload of a ModelKind.SessionTagger file (the container — magic, version, kind, SHA-256, metadata — is ModelFileFormat's):
    //   labels      string[]   C class labels in class-index order
    //   F, H, C     int32 × 3  (the BiLstmTaggerLayout)
    //   best epoch  int32
    //   theta       float[]    the BiLstmTaggerLayout's flat parameters
    // Nothing time-dependent is written (no epoch timings), so the same data and seed give a byte-identical file.

    /// <summary>Writes the tagger as an AttackClassifier model file of kind <see cref="ModelKind.SessionTagger"/>.</summary>
    public void Save(Stream stream, ModelMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var w = new PayloadWriter();
        w.Write(ClassLabels);
        w.Write(Layout.F);
        w.Write(Layout.H);
        w.Write(Layout.C);
        w.Write(BestEpoch);
        w.Write(_theta);
        ModelFileFormat.Write(stream, ModelKind.SessionTagger, w.Payload, (metadata ?? new ModelMetadata()).ToJson());
    }

    /// <summary>Reads a tagger written by <see cref="Save"/>; <paramref name="source"/> names the stream in error messages.</summary>
    /// <exception cref="ModelFormatException">Not a model file, another kind of model, truncated, corrupted, or an invalid payload.</exception>
    public static BiLstmTagger Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        byte[] payload = ModelFileFormat.Read(stream, source, ModelKind.SessionTagger, out _, out ushort version, out _);
        var r = new PayloadReader(payload, source, version);
        string[] labels = r.ReadStrings("labels");
        var layout = new BiLstmTaggerLayout(r.ReadInt32("F"), r.ReadInt32("H"), r.ReadInt32("C"));
        int bestEpoch = r.ReadInt32("best epoch");
        r.Check(layout.F is > 0 and <= MaxWidth && layout.H is > 0 and <= MaxWidth && layout.C is >= 2 and <= MaxWidth,
                $"a F={layout.F} H={layout.H} C={layout.C} tagger is outside the sizes this library builds");
        r.Check(layout.C == labels.Length, $"{layout.C} classes but {labels.Length} labels");
        float[] theta = r.ReadFloats("parameters");
        r.Check(theta.Length == layout.Count, $"{theta.Length} parameters for a F={layout.F} H={layout.H} C={layout.C} tagger (needs {layout.Count})");
        r.Check(Array.TrueForAll(theta, float.IsFinite), "a parameter is not finite");
        r.EnsureEnd();
        return new BiLstmTagger(layout, theta, labels, [], bestEpoch);
    }

    /// <summary>Reads a tagger from the model file at <paramref name="path"/>.</summary>
    /// <exception cref="ModelFormatException">As <see cref="Load(Stream, string)"/>.</exception>
    public static BiLstmTagger Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        return Load(stream, path);
    }
}
