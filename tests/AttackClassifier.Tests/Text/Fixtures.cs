using System.Text.Json;

namespace AttackClassifier.Tests.Text;

/// <summary>Reads the golden files under Fixtures/Text (produced by Fixtures/Text/make_fixtures.py).</summary>
internal static class Fixtures
{
    internal static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Text", name);

    internal static JsonDocument Json(string name) => JsonDocument.Parse(File.ReadAllText(PathOf(name)));
}
