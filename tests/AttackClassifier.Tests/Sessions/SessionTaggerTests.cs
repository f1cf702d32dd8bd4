using AttackClassifier.Data;
using AttackClassifier.Serialization;
using AttackClassifier.Sessions;
using AttackClassifier.Telemetry;
using AttackClassifier.Text;

namespace AttackClassifier.Tests.Sessions;

/// <summary>A tagger trained on the fixture corpus (Fixtures/Sessions/corpus.csv): training, tagging, the model file, the corpus reader.</summary>
public class SessionTaggerTests
{
    private static readonly SessionTaggerOptions Small = new()
    {
        StatementFeatures = [new TfidfOptions { SublinearTf = true }],
        EmissionWeights = [1, 2],
        PriorExponents = [0, 1],
        // The fixture's 12 training sessions (63 statements) need the weak regularisation of the earlier default C = 10; the
        // library's default C = 0.3 was chosen on the validation families of corpora of 500–4,000 sessions.
        Classifier = new() { InverseRegularization = 10 },
    };

    private static IReadOnlyList<LabelledSession> Corpus() => SessionCorpus.Load(SessionReaderTests.FixturePath("corpus.csv"));

    private static SessionTagger Train() => SessionTaggerTrainer.Train(Corpus().Where(s => s.Split == "train").ToArray(), Small).Tagger;

    private static byte[] Bytes(SessionTagger tagger)
    {
        using var stream = new MemoryStream();
        ModelFile.Save(tagger, stream, null);
        return stream.ToArray();
    }

    [Fact]
    public void Training_is_reproducible_to_the_byte_and_keeps_test_families_out()
    {
        IReadOnlyList<LabelledSession> corpus = Corpus();
        Assert.Equal(12, corpus.Count(s => s.Split == "train"));
        SessionTagger a = Train(), b = Train();
        Assert.Equal(Bytes(a), Bytes(b));
        Assert.Equal(["benign", "execution", "persistence", "discovery", "command-and-control"], a.States);
        // The statement vocabulary holds no word only the test families use.
        var vocabulary = Assert.Single(a.Features.Current.Parts).Vocabulary;
        Assert.False(vocabulary.ContainsKey("journalctl"));
        Assert.True(vocabulary.ContainsKey("crontab"));
    }

    // 40 families f0…f39, each with a hand-written session, a mixed session paired with another (host) family, and an atomic
    // session whose two techniques it shares with the next family's.
    private static List<LabelledSession> FamilyCorpus()
    {
        static LabelledSession Session(string id, string family, string source, string host, params string[] techniques) =>
            new(id, "train", family, techniques.Select((_, i) => $"cmd{i}").ToArray(), techniques.Select((_, i) => i).ToArray(),
                techniques.Select(t => t.Length == 0 ? "benign" : "discovery").ToArray(), techniques, source, host);
        var sessions = new List<LabelledSession>();
        for (int i = 0; i < 40; i++)
        {
            sessions.Add(Session($"h{i}", $"f{i}", "handwritten", "", "T1082"));
            sessions.Add(Session($"m{i}", $"f{i}", "mixed", $"f{(i * 7 + 3) % 40}", "", "T1082"));
            sessions.Add(Session($"a{i}", $"f{i}", "atomic", "", $"T{1000 + i}", $"T{1000 + (i + 1) % 40}"));
        }
        return sessions;
    }

    [Fact]
    public void Validation_holds_out_mixed_sessions_host_families_and_atomic_techniques()
    {
        // Families f0…f39 with share 0.5: about half are held out.
        List<LabelledSession> sessions = FamilyCorpus();
        var (fit, validation) = SessionTaggerTrainer.HoldOutFamilies(sessions, 0.5, seed: 42);
        var heldFamilies = validation.Select(s => s.Family).ToHashSet();
        Assert.InRange(heldFamilies.Count, 5, 35);
        Assert.DoesNotContain(fit, s => heldFamilies.Contains(s.Family) || heldFamilies.Contains(s.HostFamily));
        // A mixed session whose two families fall on different sides is in neither.
        int split = sessions.Count(s => s.Source == "mixed" && heldFamilies.Contains(s.Family) != heldFamilies.Contains(s.HostFamily));
        Assert.True(split > 0);
        Assert.Equal(sessions.Count(s => s.Source != "atomic") - split, fit.Count(s => s.Source != "atomic") + validation.Count(s => s.Source != "atomic"));
        // No technique of a held-out atomic session is fitted; the fit atomic sessions keep their other statements.
        var heldTechniques = validation.Where(s => s.Source == "atomic").SelectMany(s => s.Techniques).ToHashSet();
        Assert.DoesNotContain(fit.Where(s => s.Source == "atomic").SelectMany(s => s.Techniques), heldTechniques.Contains);
        Assert.Contains(fit, s => s.Source == "atomic" && s.Statements.Length == 1);
        Assert.All(fit, s => Assert.Equal(s.Statements.Length, s.Tactics.Length));
    }

    [Fact]
    public void Cross_fitting_folds_keep_each_host_family_and_atomic_technique_to_one_side()
    {
        List<LabelledSession> sessions = FamilyCorpus();
        var folds = SessionTaggerTrainer.FamilyFolds(sessions, 3, seed: 42);
        Assert.Equal(3, folds.Length);
        static IEnumerable<string> Families(LabelledSession s) => s.HostFamily.Length == 0 ? [s.Family] : [s.Family, s.HostFamily];
        static IEnumerable<string> AtomicTechniques(IEnumerable<LabelledSession> part) =>
            part.Where(s => s.Source == "atomic").SelectMany(s => s.Techniques);
        foreach (var (fit, held) in folds)
        {
            Assert.NotEmpty(held);
            // No family, own or host, of a held session is in a fitted one; no technique of a held atomic session is fitted.
            var heldFamilies = held.SelectMany(Families).ToHashSet();
            Assert.DoesNotContain(fit.SelectMany(Families), heldFamilies.Contains);
            var heldTechniques = AtomicTechniques(held).ToHashSet();
            Assert.DoesNotContain(AtomicTechniques(fit), heldTechniques.Contains);
            Assert.Contains(fit, s => s.Source == "atomic" && s.Statements.Length == 1);   // trimmed, not dropped
        }
        // Each session is held by at most one fold; every family lies in exactly one fold; a mixed session is held only when
        // both its families lie in the same fold, and those that span two folds exist here.
        var holder = new Dictionary<string, int>();
        for (int k = 0; k < folds.Length; k++)
            foreach (LabelledSession s in folds[k].Held) holder.Add(s.Id, k);
        var familyFold = new Dictionary<string, int>();
        foreach (var (id, k) in holder)
            foreach (string f in Families(sessions.Single(s => s.Id == id)))
                Assert.Equal(k, familyFold.TryAdd(f, k) ? k : familyFold[f]);
        Assert.All(sessions.Where(s => s.Source != "mixed"), s => Assert.True(holder.ContainsKey(s.Id)));
        Assert.Contains(sessions, s => s.Source == "mixed" && !holder.ContainsKey(s.Id));
        Assert.Contains(sessions, s => s.Source == "mixed" && holder.ContainsKey(s.Id));
    }

    [Fact]
    public void Save_then_load_gives_the_same_tags_and_probabilities()
    {
        SessionTagger trained = Train();
        using var stream = new MemoryStream(Bytes(trained));
        LoadedSessionTagger loaded = ModelFile.OpenSessionTagger(stream, "memory");
        Assert.Equal(ModelKind.SessionTagger, loaded.Info.Kind);
        foreach (LabelledSession session in Corpus())
        {
            int n = session.Statements.Length, s = trained.States.Count;
            double[] q1 = new double[n * s], p1 = new double[n * s], q2 = new double[n * s], p2 = new double[n * s];
            int[] path1 = new int[n], path2 = new int[n];
            trained.Decode(session.Statements, q1, p1, path1);
            loaded.Tagger.Decode(session.Statements, q2, p2, path2);
            Assert.Equal(path1, path2);
            Assert.Equal(p1, p2);
        }
    }

    // A command classifier that knows downloads (T1105) and CPU fingerprinting (T1082) and calls everything else benign.
    private static readonly AttackClassifier.Tests.Review.FixedClassifier Command = new(["benign", "T1082", "T1105"], c =>
        c.StartsWith("wget", StringComparison.Ordinal) ? [0.05, 0.05, 0.9] : c.StartsWith("cat /proc", StringComparison.Ordinal) ? [0.1, 0.8, 0.1] : [0.8, 0.1, 0.1]);

    [Theory]
    [InlineData(-1.0, 0.0)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(double.PositiveInfinity, 0.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(1.0, double.NegativeInfinity)]
    public void A_negative_or_non_finite_command_feature_weight_or_benign_offset_is_refused_by_name(double wf, double delta)
    {
        var options = Small with { CommandFeatureWeight = wf, BenignOffsets = [0, delta] };
        var e = Assert.ThrowsAny<ArgumentException>(() => SessionTaggerTrainer.Train(Corpus().Where(s => s.Split == "train").ToArray(), options));
        Assert.Equal(double.IsFinite(wf) && wf >= 0 ? nameof(SessionTaggerOptions.BenignOffsets) : nameof(SessionTaggerOptions.CommandFeatureWeight), e.ParamName);
        Assert.Throws<ArgumentException>(() => SessionTaggerTrainer.Train(Corpus().Where(s => s.Split == "train").ToArray(), Small with { BenignOffsets = [] }));
    }

    [Fact]
    public void A_statement_model_that_reads_a_command_classifier_needs_it_and_survives_save_then_load()
    {
        var options = Small with { CommandModel = Command, CommandFeatureWeight = 2, CommandFeatureNeighbours = true, CommandWeights = [0] };
        LabelledSession[] train = [.. Corpus().Where(s => s.Split == "train")];
        SessionTagger tagger = SessionTaggerTrainer.Train(train, options).Tagger;
        Assert.True(tagger.NeedsCommandModel);
        Assert.Equal(0, tagger.CommandWeight);
        Assert.Equal(tagger.States.Count, tagger.Features.CommandStateCount);
        Assert.True(tagger.Features.CommandNeighbours);
        Assert.Equal(Bytes(tagger), Bytes(SessionTaggerTrainer.Train(train, options).Tagger));
        string[] statements = Corpus().First(s => s.Split == "test").Statements;
        int n = statements.Length, s = tagger.States.Count;
        double[] q = new double[n * s], p = new double[n * s];
        int[] path = new int[n];
        Assert.Throws<InvalidOperationException>(() => tagger.Decode(statements, q, p, path));
        // The block is read: another view of the same statements gives other statement probabilities.
        var r = new double[n * s];
        tagger.CommandStates(Command, statements, r);
        double[] qUniform = new double[n * s];
        tagger.StatementProbabilities(statements, r, q);
        tagger.StatementProbabilities(statements, Enumerable.Repeat(1.0 / s, n * s).ToArray(), qUniform);
        Assert.NotEqual(q, qUniform);
        using var stream = new MemoryStream(Bytes(tagger));
        SessionTagger loaded = ModelFile.OpenSessionTagger(stream, "memory").Tagger;
        double[] q2 = new double[n * s], p2 = new double[n * s];
        int[] path2 = new int[n];
        tagger.Decode(statements, q, p, path, Command);
        loaded.Decode(statements, q2, p2, path2, Command);
        Assert.Equal(path, path2);
        Assert.Equal(p, p2);
        Assert.Equal(tagger.BenignOffset, loaded.BenignOffset);
        Assert.True(loaded.Features.CommandNeighbours);
    }

    [Fact]
    public void The_command_block_holds_w_f_times_r_and_with_neighbours_the_views_before_and_after()
    {
        string[] statements = ["wget http://192.0.2.1/x", "chmod +x x", "./x"];
        double[] r = [0.1, 0.9, 0.7, 0.3, 0.5, 0.5];   // (T = 3, S = 2)
        var text = TfidfFeatureUnion.Fit(statements, [new TfidfOptions()]);
        int dc = text.FeatureCount;
        foreach (bool neighbours in new[] { false, true })
        {
            var features = new StatementFeatures(text, null, 0, commandFeatureWeight: 2, commandStateCount: 2, commandNeighbours: neighbours);
            Assert.Equal(dc + (neighbours ? 6 : 2), features.FeatureCount);
            var columns = new int[features.FeatureCount];
            var values = new double[features.FeatureCount];
            int n = features.Write(statements, r, 1, columns, values);
            var block = Enumerable.Range(0, n).Where(k => columns[k] >= dc).ToDictionary(k => columns[k] - dc, k => values[k]);
            var expected = new Dictionary<int, double> { [0] = 1.4, [1] = 0.6 };   // 2 · r_1
            if (neighbours) { expected[2] = 0.2; expected[3] = 1.8; expected[4] = 1.0; expected[5] = 1.0; }   // 2 · r_0, 2 · r_2
            Assert.Equal(expected.OrderBy(e => e.Key).Select(e => (e.Key, Math.Round(e.Value, 12))), block.OrderBy(e => e.Key).Select(e => (e.Key, Math.Round(e.Value, 12))));
            Assert.Equal(Enumerable.Range(0, n).Select(k => columns[k]).Order(), columns[..n]);   // ascending
            // The first statement has no statement before it: its neighbour block holds only the view after it.
            int first = features.Write(statements, r, 0, columns, values);
            Assert.Equal(neighbours ? 4 : 2, Enumerable.Range(0, first).Count(k => columns[k] >= dc));
        }
    }

    [Fact]
    public void The_benign_offset_adds_to_the_benign_score_only_and_shifts_probability_to_benign()
    {
        double[] q = [0.5, 0.3, 0.2, 0.1, 0.6, 0.3], logPrior = [Math.Log(0.5), Math.Log(0.25), Math.Log(0.25)];
        double[] e0 = new double[6], e1 = new double[6];
        SessionTagger.EmissionScores(q, [], logPrior, 1.5, 0.5, 0, benign: 0, delta: 0, e0);
        SessionTagger.EmissionScores(q, [], logPrior, 1.5, 0.5, 0, benign: 0, delta: 0.7, e1);
        for (int k = 0; k < 6; k++) Assert.Equal(e0[k] + (k % 3 == 0 ? 0.7 : 0), e1[k], 12);
        Assert.Equal(1.5 * (Math.Log(0.5) - 0.5 * Math.Log(0.5)), e0[0], 12);
        double[] p = [0.2, 0.5, 0.3];
        SessionTagger.OffsetBenign(p, 3, 0, Math.Log(4));   // benign 0.2 → 0.8 before renormalising by 1.6
        Assert.Equal([0.5, 0.3125, 0.1875], p.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void A_session_file_of_the_earlier_layout_is_refused_with_how_to_retrain()
    {
        var w = new PayloadWriter();
        w.Write(1);   // the first layout began with the decoder (1 = transition smoothing)
        w.Write(new[] { "benign", "discovery" });
        using var stream = new MemoryStream();
        ModelFileFormat.Write(stream, ModelKind.SessionTagger, w.Payload, "{}"u8);
        stream.Position = 0;
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.OpenSessionTagger(stream, "old.acm"));
        Assert.Contains("retrain it with attack-classifier train-sessions", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SessionDecoder.TransitionSmoothing)]
    [InlineData(SessionDecoder.BiLstm)]
    public void The_validation_report_scores_the_chosen_tagging_with_macro_f1_and_benign_recall(SessionDecoder decoder)
    {
        var options = Small with { Decoder = decoder, SequenceHiddenSize = 4, SequenceMaxEpochs = 3 };
        SessionTrainingReport report = SessionTaggerTrainer.Train([.. Corpus().Where(s => s.Split == "train")], options).Report;
        Assert.True(report.ValidationSessions > 0, "the fixture should leave validation families");
        TaggingScores chosen = Assert.IsType<TaggingScores>(report.InContext);
        // The scores are those of the tagging the grid chose: same statements, same accuracy as the one it maximised.
        Assert.Equal(report.ValidationStatements, chosen.Statements);
        Assert.Equal(report.ContextAccuracy, chosen.Accuracy, 12);
        Assert.InRange(chosen.MacroF1, 0, 1);
        Assert.True(double.IsNaN(chosen.BenignRecall) || chosen.BenignRecall is >= 0 and <= 1);
        Assert.Equal(chosen.Report.Classes.Sum(c => c.Support), chosen.Statements, 9);
    }

    [Fact]
    public void The_bilstm_decoder_trains_reproducibly_and_survives_save_then_load()
    {
        var options = Small with { Decoder = SessionDecoder.BiLstm, SequenceHiddenSize = 4, SequenceMaxEpochs = 3 };
        LabelledSession[] train = [.. Corpus().Where(s => s.Split == "train")];
        SessionTagger a = SessionTaggerTrainer.Train(train, options).Tagger, b = SessionTaggerTrainer.Train(train, options).Tagger;
        Assert.Equal(SessionDecoder.BiLstm, a.Decoder);
        Assert.Equal(Bytes(a), Bytes(b));
        using var stream = new MemoryStream(Bytes(a));
        SessionTagger loaded = ModelFile.OpenSessionTagger(stream, "memory").Tagger;
        Assert.Equal(SessionDecoder.BiLstm, loaded.Decoder);
        foreach (LabelledSession session in Corpus())
        {
            int n = session.Statements.Length, s = a.States.Count;
            double[] q1 = new double[n * s], p1 = new double[n * s], q2 = new double[n * s], p2 = new double[n * s];
            int[] path1 = new int[n], path2 = new int[n];
            a.Decode(session.Statements, q1, p1, path1);
            loaded.Decode(session.Statements, q2, p2, path2);
            Assert.Equal(path1, path2);
            Assert.Equal(p1, p2);
            for (int t = 0; t < n; t++) Assert.Equal(1.0, p1.AsSpan(t * s, s).ToArray().Sum(), 5);
        }
    }

    [Fact]
    public void A_command_classifier_file_is_not_a_session_tagger_and_the_reverse()
    {
        using var tagger = new MemoryStream(Bytes(Train()));
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Open(tagger, "tagger.acm"));
        Assert.Contains("session tagger", e.Message);
        var model = AttackClassifier.Classification.TfidfLogisticRegressionClassifier.Train(new CommandDataset([new("ls", "Normal", 1), new("id", "T1033", 1)]),
                                                                           AttackClassifier.Classification.TfidfLogisticRegressionOptions.Study);
        using var classifier = new MemoryStream();
        ModelFile.Save(model, classifier);
        classifier.Position = 0;
        Assert.Contains("not a session tagger", Assert.Throws<ModelFormatException>(() => ModelFile.OpenSessionTagger(classifier, "lr.acm")).Message);
    }

    [Fact]
    public void Tagging_learns_the_fixture_chains_and_the_chain_covers_every_statement()
    {
        SessionTagger tagger = Train();
        SessionEvaluationResult result = SessionEvaluation.Evaluate(tagger, Corpus().Where(s => s.Split == "test").ToArray());
        Assert.True(result.InContext.Accuracy >= 0.6, $"accuracy {result.InContext.Accuracy}");
        Assert.Equal(1.0, result.InContext.BenignRecall);

        using FileStream file = File.OpenRead(SessionReaderTests.FixturePath("sessions-ecs.ndjson"));
        SessionWindow window = SessionReader.Read(TelemetryReader.Read(file, new TelemetryReaderOptions { Format = TelemetryFormat.Ecs }),
                                                  new SessionOptions { SessionField = "process.session_leader.entity_id" }, "ecs").First(i => i.Window is not null).Window!;
        TaggedSession tagged = tagger.Tag(window);
        Assert.Equal(window.Statements.Count, tagged.Statements.Count);
        Assert.Equal(window.Statements, tagged.Statements.Select(t => t.Statement));
        Assert.Equal(Enumerable.Range(0, window.Statements.Count), tagged.Chain.SelectMany(c => Enumerable.Range(c.First, c.Count)));   // spans tile the session
        for (int k = 1; k < tagged.Chain.Count; k++) Assert.NotEqual(tagged.Chain[k - 1].State, tagged.Chain[k].State);           // maximal runs
        Assert.All(tagged.Statements, t => Assert.InRange(t.Probability, 0, 1));
        Assert.Equal("discovery", tagged.Statements.Single(t => t.Statement.Text == "grep name").State);
        Assert.StartsWith("discovery → command-and-control → execution; 7 statements in 3 commands; host web-01; user www-data; 2026-01-05T09:00:01Z – 2026-01-05T09:00:05Z", tagged.Summary);
    }

    [Theory]
    [InlineData("session_id,split,family,command_index,statement_index,statement,tactic\n", "corpus.csv:1: field 'technique': missing column")]
    [InlineData("session_id,split,family,command_index,statement_index,statement,tactic,technique\ns1,train,f,x,0,ls,benign,\n", "corpus.csv:2: field 'command_index': 'x' is not a whole number ≥ 0")]
    [InlineData("session_id,split,family,command_index,statement_index,statement,tactic,technique\ns1,train,f,0,0,ls,recon,\n", "corpus.csv:2: field 'tactic': 'recon' is neither 'benign' nor an ATT&CK tactic shortname")]
    [InlineData("session_id,split,family,command_index,statement_index,statement,tactic,technique\ns1,train,f,0,0,ls,benign,\ns1,test,f,1,0,id,discovery,\n", "corpus.csv:3: field 'split': 'test', but line 2 of session 's1' says 'train'")]
    [InlineData("session_id,split,family,command_index,statement_index,statement,tactic,technique\ns1,train,f,0,0,ls,benign,\ns1,train,f,0,0,id,discovery,\n", "corpus.csv:3: field 'statement_index': session 's1' repeats command 0, statement 0 (line 2)")]
    [InlineData("session_id,split,family,command_index,statement_index,statement,tactic,technique\ns1,train,f,0,0, ,benign,\n", "corpus.csv:2: field 'statement': empty")]
    [InlineData("session_id,split,family,command_index,statement_index,statement,tactic,technique\ns1,train,f,0,0,ls\n", "corpus.csv:2: 6 fields; the header has 8")]
    public void A_malformed_corpus_names_file_line_and_field(string csv, string expected)
    {
        var e = Assert.Throws<DatasetFormatException>(() => SessionCorpus.Load(new StringReader(csv), "corpus.csv"));
        Assert.StartsWith(expected, e.Message);
    }
}
