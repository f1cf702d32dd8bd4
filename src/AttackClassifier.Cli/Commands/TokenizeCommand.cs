using System.CommandLine;
using System.Text.Json;
using AttackClassifier.Normalization;
using AttackClassifier.Text;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier tokenize "…" [--json]</c>: the tokens and the word n-grams (1–2, as the default TF-IDF sees
/// them) of a command, and what <see cref="CommandNormalizer"/> makes of it — an analyst's debugging aid. Without a
/// command it reads one command per line from standard input. Text output is two lines per command, fields separated
/// by tabs (a token never contains a tab; a bigram contains one space), then a <c>statements:</c> line when the command
/// has several and one <c>decoded:</c> line per decoded payload (kind, depth, text with tabs and newlines escaped).
/// With <c>--json</c>, one object per command:
/// <c>{"tokens": [...], "ngrams": [...], "statements": [{"text", "start", "length"}], "decoded": [{"kind", "depth", "text",
/// "parent", "statement"}], "segments": [...]}</c>.
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
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object per command: tokens, ngrams, statements, decoded payloads and feature segments." };
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
        string[] ngrams = TfidfVectorizer.Analyze(command, NGrams);
        NormalizedCommand normalized = CommandNormalizer.Normalize(command);
        if (!json)
        {
            output.WriteLine("tokens:\t" + string.Join('\t', tokens));
            output.WriteLine("ngrams:\t" + string.Join('\t', ngrams));
            if (normalized.Statements.Count > 1)
                output.WriteLine("statements:\t" + string.Join('\t', normalized.Statements.Select(st => Escape(st.Text))));
            foreach (DecodedText d in normalized.Decoded)
                output.WriteLine($"decoded:\t{d.Kind}\t{d.Depth}\t{Escape(d.Text)}");
            return;
        }
        JsonOutput.WriteLine(output, writer =>
        {
            writer.WriteStartObject();
            WriteArray(writer, "tokens", tokens);
            WriteArray(writer, "ngrams", ngrams);
            writer.WriteStartArray("statements");
            foreach (CommandStatement st in normalized.Statements)
            {
                writer.WriteStartObject();
                writer.WriteString("text", st.Text);
                writer.WriteNumber("start", st.Start);
                writer.WriteNumber("length", st.Length);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("decoded");
            foreach (DecodedText d in normalized.Decoded)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", d.Kind.ToString());
                writer.WriteNumber("depth", d.Depth);
                writer.WriteString("text", d.Text);
                writer.WriteNumber("parent", d.ParentIndex);
                writer.WriteNumber("statement", d.StatementIndex);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            WriteArray(writer, "segments", normalized.Segments);
            writer.WriteEndObject();
        });
    }

    // One line per command part in text output: a tab, newline or carriage return inside a statement or decoded text is
    // shown as \t, \n, \r (backslashes are left alone, so Windows paths read as typed).
    private static string Escape(string text) => text.Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
