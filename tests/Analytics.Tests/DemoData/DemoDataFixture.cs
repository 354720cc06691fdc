using Analytics.Etl.DemoData;

namespace Analytics.Tests.DemoData;

/// <summary>One city-scale run with the default options (2019–2026), read back once for the read-only checks.</summary>
public sealed class DemoDataFixture : IDisposable
{
    public DemoDataFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "demodata-" + Guid.NewGuid().ToString("N"));
        Summary = DemoDataGenerator.Write(new DemoDataOptions(Folder));
        Tables = Directory.GetFiles(Folder).Order(StringComparer.Ordinal).Select(ExtractTable.Read).ToList();
    }

    public string Folder { get; }
    internal DemoDataSummary Summary { get; }
    internal List<ExtractTable> Tables { get; }

    internal IEnumerable<ExtractTable> Rosters => Tables.Where(t => t.FileName.EndsWith("社区工作者花名册.csv", StringComparison.Ordinal));

    internal ExtractTable Table(string fileName) => Tables.Single(t => t.FileName == fileName);

    /// <summary>The (file, line) pairs the summary lists as deliberately bad.</summary>
    internal HashSet<(string File, int Line)> BadLines => Summary.BadRows.Select(b => (b.FileName, b.LineNumber)).ToHashSet();

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoDataCollection : ICollectionFixture<DemoDataFixture>
{
    public const string Name = "demo data (city, 2019–2026)";
}
