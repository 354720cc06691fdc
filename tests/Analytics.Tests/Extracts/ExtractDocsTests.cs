using Analytics.Etl.Extracts;

namespace Analytics.Tests.Extracts;

/// <summary>docs/extracts.md is checked against the table of kinds: one section per kind with exactly its columns, in order.</summary>
public sealed class ExtractDocsTests
{
    private static string Doc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "extracts.md");
            if (File.Exists(candidate)) return File.ReadAllText(candidate).ReplaceLineEndings("\n");
        }

        throw new FileNotFoundException("docs/extracts.md not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> Kinds() => [.. ExtractKinds.Codes];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_a_section_listing_its_columns_aliases_and_whether_the_header_needs_them(string code)
    {
        var kind = ExtractKinds.All.Single(k => k.Code == code);
        var lines = Doc().Split('\n');
        var heading = Array.FindIndex(lines, l => l.StartsWith("### ", StringComparison.Ordinal) && l.Contains(kind.ChineseName, StringComparison.Ordinal)
            && l.Contains($"`{kind.Code}`", StringComparison.Ordinal));
        Assert.True(heading >= 0, $"docs/extracts.md has no section \"### … {kind.ChineseName} (… `{kind.Code}`)\"");

        var rows = lines.Skip(heading + 1).TakeWhile(l => !l.StartsWith('#'))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1..^1])
            .Skip(1) // the table's own header
            .Select(cells => $"{cells[0]} {cells[1]} {(cells[2].StartsWith('是') ? "required" : cells[2].StartsWith('否') ? "optional" : cells[2])}")
            .ToList();
        Assert.Equal(kind.Columns.Select(c => $"{c.Chinese} {c.Alias} {(c.RequiredInHeader ? "required" : "optional")}"), rows);
    }
}
