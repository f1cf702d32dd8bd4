using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.BuiltinModels;

/// <summary>
/// The models shipped inside the tool (<c>builtin:linux</c>, <c>builtin:windows</c>), embedded as resources and built by
/// <c>BuiltinModels/build.sh</c> (see MODELS.md beside it). Without <c>--model</c>, <c>predict</c> uses the one that fits the
/// input format: Windows event sources (sysmon, win4688) get the Windows model, everything else the Linux model.
/// </summary>
internal static class BuiltinModels
{
    internal const string Prefix = "builtin:";
    internal static readonly string[] Names = ["linux", "windows"];

    /// <summary>The built-in model for an input format: Windows for Sysmon and 4688 events, Linux for the rest.</summary>
    internal static string DefaultFor(TelemetryFormat format) => Prefix + (format is TelemetryFormat.Sysmon or TelemetryFormat.Win4688 ? "windows" : "linux");

    /// <summary>The shipped session taggers (<c>builtin:linux-sessions</c>, <c>builtin:windows-sessions</c>), built by <c>build-sessions.sh</c>.</summary>
    internal static readonly string[] SessionNames = ["linux-sessions", "windows-sessions"];

    /// <summary>The built-in session tagger for an input format: Windows for Sysmon and 4688 events, Linux for the rest.</summary>
    internal static string DefaultSessionsFor(TelemetryFormat format) => DefaultFor(format) + "-sessions";

    /// <summary>Loads a session tagger: <c>builtin:NAME</c> or a file written by <c>train-sessions</c>.</summary>
    internal static LoadedSessionTagger OpenSessionTagger(string model)
    {
        if (!IsBuiltin(model))
        {
            if (!File.Exists(model)) throw new CliException($"--model: file not found: {model}");
            return ModelFile.OpenSessionTagger(model);
        }
        string name = model[Prefix.Length..];
        if (!SessionNames.Contains(name)) throw new CliException($"--model: unknown built-in session model '{model}'; choose {string.Join(" or ", SessionNames.Select(n => Prefix + n))}.");
        using Stream? stream = typeof(BuiltinModels).Assembly.GetManifestResourceStream($"AttackClassifier.Cli.BuiltinModels.{name}.acm");
        if (stream is null) throw new CliException($"--model: the built-in session model '{model}' is not part of this build.");
        return ModelFile.OpenSessionTagger(stream, model);
    }

    internal static bool IsBuiltin(string model) => model.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Loads <c>builtin:NAME</c>; a name that is not shipped is a user error naming the choices.</summary>
    internal static LoadedModel Open(string model)
    {
        string name = model[Prefix.Length..];
        if (!Names.Contains(name)) throw new CliException($"--model: unknown built-in model '{model}'; choose {string.Join(" or ", Names.Select(n => Prefix + n))}.");
        using Stream? stream = typeof(BuiltinModels).Assembly.GetManifestResourceStream($"AttackClassifier.Cli.BuiltinModels.{name}.acm");
        if (stream is null) throw new CliException($"--model: the built-in model '{model}' is not part of this build.");
        return ModelFile.Open(stream, model);
    }
}
