using System.CommandLine;
using AttackClassifier.Cli.Commands;

namespace AttackClassifier.Cli;

/// <summary>The <c>attack-classifier</c> command tree. Each subcommand lives in <c>Commands/</c>.</summary>
internal static class CliApp
{
    internal static RootCommand Build()
    {
        var root = new RootCommand("Classify command lines (auditd proctitle, Windows command lines) into MITRE ATT&CK techniques.");
        foreach (Command command in Commands()) root.Subcommands.Add(command);
        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return StatsCommand.Create();
        yield return SplitCommand.Create();
        yield return TokenizeCommand.Create();
        yield return TrainCommand.Create();
        yield return EvaluateCommand.Create();
        yield return PredictCommand.Create();
        yield return ServeCommand.Create();
        yield return InfoCommand.Create();
        yield return TuneCommand.Create();
        yield return CompareCommand.Create();
        yield return ReviewCommand.Create();
        yield return SessionsCommand.Create();
        yield return TrainSessionsCommand.Create();
        yield return ScoreSessionsCommand.Create();
    }

    private static readonly AsyncLocal<TextReader?> s_input = new();

    /// <summary>Where commands read standard input from (tests substitute their own reader).</summary>
    internal static TextReader Input => s_input.Value ?? Console.In;

    /// <summary>Runs with <paramref name="input"/> as standard input.</summary>
    internal static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        s_input.Value = input;
        try
        {
            return Run(args, output, error);
        }
        finally
        {
            s_input.Value = null;
        }
    }

    /// <summary>Parses and runs; a user mistake (<see cref="CliException"/>, bad data) prints one clear line, never a stack trace.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ParseResult parsed = Build().Parse(args);
        bool wantsHelp = args.Any(a => a is "-h" or "--help" or "-?" or "--version");
        if (parsed.Errors.Count > 0 && !wantsHelp)
        {
            // An unknown option, a value of the wrong type, a missing required option: one line on stderr, like every other mistake.
            error.WriteLine($"error: {parsed.Errors[0].Message} (see --help)");
            return 2;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Models.TrainingFailedException e)
        {
            // No model was fitted, so none was saved and no metrics were printed for it.
            error.WriteLine($"error: training failed: {UserMessage(e)}");
            return 2;
        }
        catch (Exception e) when (e is CliException or FormatException or IOException or UnauthorizedAccessException or ArgumentException or InvalidDataException)
        {
            error.WriteLine($"error: {UserMessage(e)}");
            return 2;
        }
    }

    /// <summary>The first line of the message, without .NET's "(Parameter 'x')" suffix: users never see our parameter names.</summary>
    internal static string UserMessage(Exception e)
    {
        string message = e.Message.Split('\n')[0].TrimEnd('\r');
        if (e is ArgumentException { ParamName: { } name })
            message = message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
        return message;
    }
}

/// <summary>A user mistake on the command line: printed as one line, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
