namespace AttackClassifier.Cli.Commands;

/// <summary>
/// A file that cannot be read or written is a user error naming the path and the option it came from:
/// <c>cannot write model to X (--out): reason</c>. Exceptions are told apart by type, never by their message text.
/// </summary>
internal static class FileErrors
{
    /// <summary>Runs <paramref name="read"/>; an I/O or permission failure becomes <c>cannot read WHAT PATH (OPTION): reason</c>.</summary>
    internal static T Reading<T>(string what, string path, string option, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {what}{path} ({option}): {Reason(e)}");
        }
    }

    /// <summary>Runs <paramref name="write"/>; an I/O or permission failure becomes <c>cannot write WHAT to PATH (OPTION): reason</c>.</summary>
    internal static T Writing<T>(string what, string path, string option, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {what} to {path} ({option}): {Reason(e)}");
        }
    }

    internal static void Writing(string what, string path, string option, Action write) => Writing(what, path, option, () => { write(); return 0; });

    // ModelFile.Save wraps the system's error in one that names the file; the inner one is the reason.
    private static string Reason(Exception e) =>
        CliApp.UserMessage(e.InnerException is IOException or UnauthorizedAccessException ? e.InnerException : e);
}
