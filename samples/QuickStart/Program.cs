// QuickStart: the library used as a NuGet consumer would — load labelled command lines, split them as the study did,
// train TF-IDF + logistic regression, score it, save and reload the model, and classify a few new commands.
// Usage: dotnet run --project samples/QuickStart -- [path/to/commands.csv]
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Metrics;
using AttackClassifier.Serialization;

string path = args.Length > 0 ? args[0] : Path.Combine("data", "commands.csv");
CommandDataset data = CommandDataset.Load(path).Consolidate();             // counts summed per (command, technique)
var (train, _, test) = data.Split(validationFraction: 0.2, testFraction: 0.2, seed: 42, SplitProtocol.Study);   // the study's two calls: 0.4 off, then half of it

var classifier = TfidfLogisticRegressionClassifier.Train(train);
ClassificationReport report = classifier.Evaluate(test);                       // observation counts are the sample weights
Console.WriteLine($"{data.Count} commands, {data.Labels().Count} techniques; test: weighted accuracy {report.Accuracy:P1}, weighted F1 {report.WeightedAverage.F1:P1}");

string modelPath = Path.Combine(Path.GetTempPath(), "quickstart.acm");
ModelFile.Save(classifier, modelPath);
IAttackClassifier loaded = ModelFile.Load(modelPath);

foreach (string command in new[] { "cat /etc/shadow", "nmap -sV 10.0.0.0/24", "crontab -l", "ls -la /home" })
{
    Prediction p = loaded.Predict(command, top: 2);
    Console.WriteLine($"{command,-24} → {p.Label} [{p.Kind}; tactics: {string.Join(", ", p.TopTactics.Select(t => t.Tactic.Name))}] ({p.Probability:P1}); runner-up {p.Top[1].Label} ({p.Top[1].Probability:P1})");
}
File.Delete(modelPath);
