using Analytics.Warehouse.Research;

namespace Analytics.Tests.Research;

/// <summary>docs/research-sql.md shows the same descriptions as the schema browser: its catalog section is generated from one source.</summary>
public sealed class ResearchDocsTests
{
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
        var path = DocPath();
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = doc.IndexOf(ResearchCatalogDocs.Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(ResearchCatalogDocs.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "the doc lacks the generated catalog markers");
        var expected = ResearchCatalogDocs.Markdown().ReplaceLineEndings("\n");
        var actual = doc[begin..(end + ResearchCatalogDocs.End.Length)] + "\n";
        if (Environment.GetEnvironmentVariable("ANALYTICS_WRITE_DOCS") == "1" && actual != expected)
        {
            File.WriteAllText(path, doc[..begin] + expected + doc[(end + ResearchCatalogDocs.End.Length + 1)..]);
            return;
        }
        Assert.Equal(expected, actual);
    }
}
