using AttackClassifier.Classification;
using AttackClassifier.Serialization;
using AttackClassifier.Sessions;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Sessions;

/// <summary>
/// Tagging one 50-statement session with the shipped <c>builtin:linux-sessions</c> tagger (the goal: ≤ 1 ms on one core).
/// The session is the first 50 statements of the Linux corpus's test split, in order. Baseline: the statement model alone (q for
/// every statement); then the full tag — q, the command classifier's view when the tagger weighs one, Viterbi and forward–backward
/// posteriors, spans — and the decoding alone on precomputed emission scores, so the breakdown shows what dominates.
/// Loading the shipped models is cheap, so the suite stays cheap in the Dry job.
/// </summary>
[MemoryDiagnoser]
public class AttackChainBenchmarks
{
    private const int Statements = 50;
    private SessionTagger _tagger = null!;
    private IAttackClassifier _commandModel = null!;
    private SessionWindow _window = null!;
    private string[] _texts = [];
    private double[] _q = [], _r = [], _posterior = [], _e = [];   // _r: the command model's view, when the statement model reads it
    private int[] _path = [];

    [GlobalSetup]
    public void Setup()
    {
        _tagger = Cli.BuiltinModels.BuiltinModels.OpenSessionTagger("builtin:linux-sessions").Tagger;
        _commandModel = Cli.Commands.EvaluateCommand.LoadModel("builtin:linux");
        string corpus = Path.Combine(AppContext.BaseDirectory, "data", "sessions-linux.csv");
        _texts = SessionCorpus.Load(corpus).Where(s => s.Split == "test").SelectMany(s => s.Statements).Take(Statements).ToArray();
        var statements = _texts.Select((t, i) => new SessionStatement(t, t, i, 0, i + 1, "host", "user", null, null)).ToArray();
        _window = new SessionWindow("bench", 1, true, [], statements, []);
        int s = _tagger.States.Count;
        (_q, _posterior, _e, _path) = (new double[Statements * s], new double[Statements * s], new double[Statements * s], new int[Statements]);
        if (_tagger.Features.CommandFeatureWeight > 0)
        {
            _r = new double[Statements * s];
            _tagger.CommandStates(_commandModel, _texts, _r);
        }
        _tagger.StatementProbabilities(_texts, _r, _q);
        for (int k = 0; k < _q.Length; k++) _e[k] = Math.Log(Math.Max(_q[k], 1e-12));
    }

    [Benchmark(Baseline = true)]
    public double[] StatementModelOnly()
    {
        _tagger.StatementProbabilities(_texts, _r, _q);
        return _q;
    }

    [Benchmark]
    public TaggedSession TagSession() => _tagger.Tag(_window, _tagger.NeedsCommandModel ? _commandModel : null);

    [Benchmark]
    public TaggedSession TagSessionWithTechniques() => _tagger.Tag(_window, _commandModel);

    [Benchmark]
    public int[] DecodeOnly()
    {
        _tagger.Transitions.Viterbi(_e, _path);
        _tagger.Transitions.Posteriors(_e, _posterior);
        return _path;
    }
}
