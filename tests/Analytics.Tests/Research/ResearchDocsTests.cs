using Analytics.Tests.Cli;
using Analytics.Warehouse.Research;

namespace Analytics.Tests.Research;

/// <summary>
/// docs/research-sql.md shows the same descriptions as the schema browser: its catalog section is generated from one
/// source by `dotnet run --project etl -- research-docs --write`. These tests only read the doc.
/// </summary>
public sealed class ResearchDocsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-research-docs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string DocPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "research-sql.md");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("docs/research-sql.md not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_doc_lists_every_table_view_and_macro_with_the_browser_description()
    {
        var doc = File.ReadAllText(DocPath()).ReplaceLineEndings("\n");

        Assert.True(ResearchCatalogDocs.Splice(doc) == doc,
            "docs/research-sql.md is out of date: run `dotnet run --project etl -- research-docs --write` and commit the doc");
    }

    [Fact]
    public async Task The_command_reports_an_out_of_date_copy_and_writes_it_only_when_asked()
    {
        var doc = File.ReadAllText(DocPath()).ReplaceLineEndings("\n");
        var begin = doc.IndexOf(ResearchCatalogDocs.Begin, StringComparison.Ordinal) + ResearchCatalogDocs.Begin.Length;
        var stale = Path.Combine(folder, "research-sql.md");
        File.WriteAllText(stale, doc[..begin] + "\n| `stale` | 过时 |\n" + doc[doc.IndexOf(ResearchCatalogDocs.End, StringComparison.Ordinal)..]);
        var before = File.ReadAllText(stale);

        var check = await EtlProcess.RunAsync(folder, "research-docs", "--doc", stale);
        var unchanged = File.ReadAllText(stale);
        var write = await EtlProcess.RunAsync(folder, "research-docs", "--doc", stale, "--write");
        var again = await EtlProcess.RunAsync(folder, "research-docs", "--doc", stale);

        Assert.Equal(2, check.ExitCode);
        Assert.Contains("out of date", check.Err);
        Assert.Equal(before, unchanged);
        Assert.Equal(0, write.ExitCode);
        Assert.Equal(ResearchCatalogDocs.Splice(doc), File.ReadAllText(stale));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("is current", again.Out);
    }
}
