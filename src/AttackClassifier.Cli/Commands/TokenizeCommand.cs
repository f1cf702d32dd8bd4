using System.CommandLine;
using System.Text.Json;
using AttackClassifier.Text;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier tokenize "…" [--json]</c>: the tokens and the word n-grams (1–2, as the default TF-IDF sees
/// them) of a command — an analyst's debugging aid. Without a command it reads one command per line from standard
/// input. Text output is two lines per command, fields separated by tabs (a token never contains a tab; a bigram
/// contains one space); with <c>--json</c>, one object <c>{"tokens": [...], "ngrams": [...]}</c> per command.
/// </summary>
internal static class TokenizeCommand
{
    internal static Command Create()
    {
        var commandArgument = new Argument<string?>("command")
        {
            Description = "The command line to tokenize; omit to read one command per line from standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object per command: {\"tokens\": [...], \"ngrams\": [...]}." };
        var command = new Command("tokenize", "Show the tokens and word n-grams the classifier sees in a command line.");
        command.Arguments.Add(commandArgument);
        command.Options.Add(jsonOption);
        command.SetAction(parseResult =>
            Run(parseResult.GetValue(commandArgument), parseResult.GetValue(jsonOption), CliApp.Input, parseResult.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Tokenizes <paramref name="command"/>, or each line of <paramref name="input"/> when it is null; returns the exit code.</summary>
    internal static int Run(string? command, bool json, TextReader input, TextWriter output)
    {
        if (command is not null)
        {
            Write(command, json, output);
            return 0;
        }
        while (input.ReadLine() is string line) Write(line, json, output);
        return 0;
    }

    private static readonly TfidfOptions NGrams = new() { NGramRange = new(1, 2) };

    private static void Write(string command, bool json, TextWriter output)
    {
        string[] tokens = CommandLineTokenizer.Tokenize(command);
        var s = new AnalyzerScratch();
        NGramAnalyzer.Analyze(NGrams, command, s);
        string[] ngrams = new string[s.TermCount];
        for (int k = 0; k < ngrams.Length; k++) ngrams[k] = new string(s.Term(k));
        if (!json)
        {
            output.WriteLine("tokens:\t" + string.Join('\t', tokens));
            output.WriteLine("ngrams:\t" + string.Join('\t', ngrams));
            return;
        }
        JsonOutput.WriteLine(output, writer =>
        {
            writer.WriteStartObject();
            WriteArray(writer, "tokens", tokens);
            WriteArray(writer, "ngrams", ngrams);
            writer.WriteEndObject();
        });
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, string[] values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
