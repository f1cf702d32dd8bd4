using System.Globalization;
using System.Text;
using AttackClassifier.Attack;

namespace AttackClassifier.Sessions;

/// <summary>A statement and its tag.</summary>
/// <param name="Statement">The statement and where it came from.</param>
/// <param name="State">Its tag in context: a tactic shortname (<c>discovery</c>) or <c>benign</c>.</param>
/// <param name="Tactic">The tag's catalog tactic (null for benign).</param>
/// <param name="Probability">p(State | the whole session), the forward–backward posterior marginal.</param>
/// <param name="StatementState">The tag the statement model gives it before the transitions smooth it.</param>
/// <param name="StatementProbability">That tag's probability.</param>
/// <param name="Technique">When a command classifier was given: its most probable technique among those serving <paramref name="Tactic"/>, else null.</param>
/// <param name="TechniqueProbability">That technique class's probability under the command classifier (0 without one).</param>
public sealed record TaggedStatement(SessionStatement Statement, string State, AttackTactic? Tactic, double Probability,
                                     string StatementState, double StatementProbability, AttackTechnique? Technique = null, double TechniqueProbability = 0);

/// <summary>A maximal run of consecutive statements with the same tag: one step of the attack chain.</summary>
/// <param name="State">The run's tag (a tactic shortname or <c>benign</c>).</param>
/// <param name="Tactic">Its catalog tactic (null for benign).</param>
/// <param name="First">Index of the run's first statement in the session window.</param>
/// <param name="Last">Index of its last statement.</param>
/// <param name="FirstTimestamp">The first statement's timestamp text, or null.</param>
/// <param name="LastTimestamp">The last statement's timestamp text, or null.</param>
public sealed record TacticSpan(string State, AttackTactic? Tactic, int First, int Last, string? FirstTimestamp, string? LastTimestamp)
{
    /// <summary>Statements in the run.</summary>
    public int Count => Last - First + 1;
}

/// <summary>A tagged session window: every statement's tag and the attack chain the tags form.</summary>
/// <param name="Window">The session window.</param>
/// <param name="Statements">One tag per statement of <see cref="SessionWindow.Statements"/>, in order.</param>
/// <param name="Chain">The runs of equal tags, in order (benign runs included).</param>
public sealed record TaggedSession(SessionWindow Window, IReadOnlyList<TaggedStatement> Statements, IReadOnlyList<TacticSpan> Chain)
{
    /// <summary>One line: the tactics in chain order, how many statements and commands, hosts, users and time range
    /// (<c>discovery → execution → persistence; 9 statements in 4 commands (2 benign); host web01; user alice; 10:01:02Z – 10:07:40Z</c>).</summary>
    public string Summary => AttackChain.Summary(this);
}

/// <summary>How tagged statements become a chain of tactic spans and a summary line.</summary>
internal static class AttackChain
{
    internal static TacticSpan[] Spans(IReadOnlyList<TaggedStatement> statements)
    {
        var spans = new List<TacticSpan>();
        for (int first = 0; first < statements.Count;)
        {
            int last = first;
            while (last + 1 < statements.Count && statements[last + 1].State == statements[first].State) last++;
            spans.Add(new TacticSpan(statements[first].State, statements[first].Tactic, first, last,
                                     FirstTime(statements, first, last), LastTime(statements, first, last)));
            first = last + 1;
        }
        return [.. spans];
    }

    private static string? FirstTime(IReadOnlyList<TaggedStatement> s, int first, int last)
    {
        for (int i = first; i <= last; i++) if (s[i].Statement.Timestamp is { } t) return t;
        return null;
    }

    private static string? LastTime(IReadOnlyList<TaggedStatement> s, int first, int last)
    {
        for (int i = last; i >= first; i--) if (s[i].Statement.Timestamp is { } t) return t;
        return null;
    }

    internal static string Summary(TaggedSession session)
    {
        var text = new StringBuilder();
        string[] tactics = session.Chain.Where(c => c.Tactic is not null).Select(c => c.State).ToArray();
        // Consecutive repeats collapse (a benign run between two discovery runs is not a new step).
        var steps = new List<string>();
        foreach (string t in tactics) if (steps.Count == 0 || steps[^1] != t) steps.Add(t);
        text.Append(steps.Count == 0 ? "benign only" : string.Join(" → ", steps));
        int n = session.Statements.Count, benign = session.Statements.Count(s => s.Tactic is null);
        int commands = session.Statements.Select(s => s.Statement.CommandIndex).Distinct().Count();
        text.Append(CultureInfo.InvariantCulture, $"; {n} statement{(n == 1 ? "" : "s")} in {commands} command{(commands == 1 ? "" : "s")}");
        if (benign > 0 && benign < n) text.Append(CultureInfo.InvariantCulture, $" ({benign} benign)");
        if (session.Window.Hosts is { Count: > 0 } hosts) text.Append($"; host{(hosts.Count == 1 ? "" : "s")} {string.Join(", ", hosts)}");
        if (session.Window.Users is { Count: > 0 } users) text.Append($"; user{(users.Count == 1 ? "" : "s")} {string.Join(", ", users)}");
        string? from = session.Chain.Count > 0 ? session.Chain.Select(c => c.FirstTimestamp).FirstOrDefault(t => t is not null) : null;
        string? to = session.Chain.Count > 0 ? session.Chain.Select(c => c.LastTimestamp).LastOrDefault(t => t is not null) : null;
        if (from is not null) text.Append($"; {from} – {to}");
        return text.ToString();
    }
}
