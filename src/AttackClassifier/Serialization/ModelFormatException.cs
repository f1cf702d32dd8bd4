namespace AttackClassifier.Serialization;

/// <summary>A model file that cannot be loaded: not a model file, truncated, corrupted, from a newer format version, or of another model kind.</summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception with a message that names the file and the problem.</summary>
    public ModelFormatException(string message, Exception? inner = null) : base(message, inner) { }
}
