using AttackClassifier.Serialization;

namespace AttackClassifier.Models.Sequence;

internal sealed partial class BiLstmTagger
{
    // Upper bound on sizes read from a file, far above any trained tagger, so a crafted file cannot allocate gigabytes.
    private const int MaxWidth = 1 << 14;

    // The tagger's block inside a model payload, in order. The session model file (kind SessionTagger) embeds it after its
    // own fields; its class labels are that file's states, so they are not repeated here.
    //   F, H, C     int32 × 3  (the BiLstmTaggerLayout)
    //   best epoch  int32
    //   theta       float[]    the BiLstmTaggerLayout's flat parameters
    // Nothing time-dependent is written (no epoch timings), so the same data and seed give identical bytes.

    /// <summary>Appends the tagger's block (sizes, best epoch, θ) to a model payload.</summary>
    internal void Write(PayloadWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(Layout.F);
        w.Write(Layout.H);
        w.Write(Layout.C);
        w.Write(BestEpoch);
        w.Write(_theta);
    }

    /// <summary>Reads the block <see cref="Write"/> wrote; <paramref name="classLabels"/> (C names) come from the enclosing payload.</summary>
    /// <exception cref="ModelFormatException">Sizes out of range, a class count other than the labels', a wrong parameter count,
    /// or a parameter that is not finite; the message names the file.</exception>
    internal static BiLstmTagger Read(PayloadReader r, IReadOnlyList<string> classLabels)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(classLabels);
        var layout = new BiLstmTaggerLayout(r.ReadInt32("BiLSTM F"), r.ReadInt32("BiLSTM H"), r.ReadInt32("BiLSTM C"));
        int bestEpoch = r.ReadInt32("BiLSTM best epoch");
        r.Check(layout.F is > 0 and <= MaxWidth && layout.H is > 0 and <= MaxWidth && layout.C is >= 2 and <= MaxWidth,
                $"a F={layout.F} H={layout.H} C={layout.C} BiLSTM tagger is outside the sizes this library builds");
        r.Check(layout.C == classLabels.Count, $"a BiLSTM tagger of {layout.C} classes for {classLabels.Count} labels");
        float[] theta = r.ReadFloats("BiLSTM parameters");
        r.Check(theta.Length == layout.Count, $"{theta.Length} BiLSTM parameters for F={layout.F} H={layout.H} C={layout.C} (needs {layout.Count})");
        r.Check(Array.TrueForAll(theta, float.IsFinite), "a BiLSTM parameter is not finite");
        return new BiLstmTagger(layout, theta, classLabels, [], bestEpoch);
    }
}
