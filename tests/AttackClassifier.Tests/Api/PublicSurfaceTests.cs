using System.Reflection;
using AttackClassifier.Data;
using AttackClassifier.Models.Lstm;

namespace AttackClassifier.Tests.Api;

/// <summary>Rules the public surface keeps before it ships (issue 13, item 7).</summary>
public class PublicSurfaceTests
{
    private static readonly Type[] PublicTypes = typeof(CommandDataset).Assembly.GetExportedTypes();

    private static IEnumerable<Type> TypesInPublicSignatures()
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (Type t in PublicTypes)
        {
            foreach (PropertyInfo p in t.GetProperties(Declared)) yield return p.PropertyType;
            foreach (FieldInfo f in t.GetFields(Declared)) yield return f.FieldType;
            foreach (MethodBase m in t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
            {
                if (m is MethodInfo mi) yield return mi.ReturnType;
                foreach (ParameterInfo q in m.GetParameters()) yield return q.ParameterType;
            }
        }
    }

    private static IEnumerable<Type> Unwrapped(Type t)
    {
        if (t.HasElementType) return Unwrapped(t.GetElementType()!);
        return t.IsGenericType ? t.GetGenericArguments().SelectMany(Unwrapped).Prepend(t) : [t];
    }

    [Fact]
    public void Every_public_enum_is_used_by_a_public_member_of_another_type()
    {
        HashSet<Type> used = TypesInPublicSignatures().SelectMany(Unwrapped).ToHashSet();
        Type[] unused = PublicTypes.Where(t => t.IsEnum && !used.Contains(t)).ToArray();
        Assert.True(unused.Length == 0, "public enums no public member uses: " + string.Join(", ", unused.Select(t => t.FullName)));
    }

    [Fact]
    public void Every_seed_in_the_options_is_an_int()
    {
        PropertyInfo[] seeds = PublicTypes.SelectMany(t => t.GetProperties()).Where(p => p.Name.EndsWith("Seed", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(seeds);
        Assert.All(seeds, p => Assert.True(p.PropertyType == typeof(int), $"{p.DeclaringType!.Name}.{p.Name} is {p.PropertyType.Name}"));
    }

    [Fact]
    public void Datasets_are_read_and_written_through_CommandDataset_only()
    {
        string[] csvTypes = PublicTypes.Where(t => t.Namespace == typeof(CommandDataset).Namespace && t.Name.Contains("Csv", StringComparison.Ordinal)).Select(t => t.Name).ToArray();
        Assert.Empty(csvTypes);
        var data = CommandDataset.Read(new StringReader("count,proctitle,technique_grouped\n3,\"a,b\",T1\n"), "mem", new DatasetReadOptions());
        Assert.Equal(new CommandRecord("a,b", "T1", 3), data.Records[0]);
        var saved = new StringWriter();
        Assert.Throws<DatasetFormatException>(() => CommandDataset.Read(new StringReader("proctitle,count\nls,1\n"), "mem"));
        new CommandDataset([data.Records[0]]).Write(saved);
        Assert.Equal("proctitle,technique,technique_grouped,count\n\"a,b\",,T1,3\n", saved.ToString());
    }

    [Fact]
    public void Token_sequences_cannot_be_changed_through_the_arrays_they_were_built_from()
    {
        int[] ids = [2, 3, 0, 4, 5, 6];
        int[] labels = [0, 1];
        float[] weights = [1f, 2f];
        var sequences = new TokenSequences(ids, 3, labels, weights);
        ids[0] = 9; labels[1] = 0; weights[1] = 7f;
        Assert.Equal([2, 3, 0, 4, 5, 6], sequences.TokenIds.ToArray());
        Assert.Equal([0, 1], sequences.Labels.ToArray());
        Assert.Equal([1f, 2f], sequences.SampleWeights.ToArray());
        double[] counts = [3, 4];
        var fromCounts = new TokenSequences(ids, 3, labels, counts);
        counts[0] = 0;
        Assert.Equal(3f, fromCounts.SampleWeights[0]);
    }
}

/// <summary>The core library's API is shipped: every change to it is a deliberate edit of PublicAPI.Shipped.txt.</summary>
public class ShippedApiTests
{
    private static string[] Entries(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "api", file)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Fact]
    public void Unshipped_is_empty_and_every_public_type_is_shipped()
    {
        Assert.Empty(Entries("PublicAPI.Unshipped.txt"));
        var shipped = Entries("PublicAPI.Shipped.txt").ToHashSet(StringComparer.Ordinal);
        string[] missing = typeof(CommandDataset).Assembly.GetExportedTypes()
            .Select(t => t.FullName!.Replace('+', '.'))
            .Select(name => name.Contains('`', StringComparison.Ordinal) ? name[..name.IndexOf('`', StringComparison.Ordinal)] : name)
            .Where(name => !shipped.Contains(name) && !shipped.Any(e => e.StartsWith(name + "<", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(missing.Length == 0, "public types missing from PublicAPI.Shipped.txt: " + string.Join(", ", missing));
    }
}
