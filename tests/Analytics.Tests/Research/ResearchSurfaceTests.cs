using System.Text.RegularExpressions;
using Analytics.Warehouse.Research;
using DuckDB.NET.Data;

namespace Analytics.Tests.Research;

/// <summary>The research file: de-identified, documented, the metric macros work over it, and it follows the warehouse.</summary>
public sealed partial class ResearchSurfaceTests : IDisposable
{
    private readonly ResearchFixture research = new();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{15}|\d{17}[\dXx])(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    private List<object?[]> Rows(string sql) => research.Run(sql, 1_000_000).Rows.ToList();

    [Fact]
    public void People_have_no_names_no_id_numbers_and_a_birth_year_only()
    {
        var columns = research.Run("SELECT * FROM person").Columns.Select(c => c.Name).ToList();

        Assert.Equal(["person_key", "gender", "birth_year", "name_masked", "load_id"], columns);
        Assert.Empty(Rows("SELECT * FROM person WHERE name_masked IS NOT NULL"));
        Assert.DoesNotContain(research.Run("SELECT * FROM information_schema.columns").Rows,
            r => r.Any(v => v is string s && s is "id_masked" or "name" && r.Contains("person")));
    }

    [Fact]
    public void Person_keys_are_research_only_pseudonyms()
    {
        var warehouseKeys = research.Warehouse.Query("SELECT person_key FROM person").Select(r => (string)r["person_key"]!).ToHashSet();
        var researchKeys = Rows("SELECT person_key FROM person").Select(r => (string)r[0]!).ToList();

        Assert.Equal(warehouseKeys.Count, researchKeys.Count);
        Assert.DoesNotContain(researchKeys, warehouseKeys.Contains);
        // The same person keeps one key across tables, so joins still work.
        Assert.Empty(Rows("SELECT e.person_key FROM roster_entry e LEFT JOIN person p USING (person_key) WHERE p.person_key IS NULL"));
    }

    [Fact]
    public void No_text_in_the_research_file_looks_like_an_id_number()
    {
        foreach (var table in ResearchCatalog.Tables)
        {
            foreach (var row in Rows($"SELECT * FROM {table.Name}"))
                Assert.DoesNotContain(row, v => v is string s && IdNumber().IsMatch(s));
        }
    }

    [Fact]
    public void Metric_macros_give_the_warehouse_figures()
    {
        const string sql = "SELECT district_code, required_posts, qualified_posts, gap_posts, workers FROM district_progress(DATE '2023-06-30') ORDER BY district_code";
        var expected = research.Warehouse.Query(sql).Select(r => string.Join(",", r.Values)).ToList();
        var actual = Rows(sql).Select(r => string.Join(",", r)).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_documented_object_exists_and_every_macro_binds()
    {
        foreach (var item in ResearchCatalog.All)
        {
            var sql = item.Kind switch
            {
                ResearchObjectKind.Macro => MacroCall(item),
                _ => $"SELECT * FROM {item.Name} LIMIT 1",
            };
            var e = Record.Exception(() => research.Run(sql));
            Assert.True(e is null, $"{sql}: {e?.Message}");
        }
        Assert.Contains(ResearchCatalog.Macros, m => m.Name == "district_progress" && m.DescriptionZh.Length > 10);
        Assert.Contains(ResearchCatalog.Macros, m => m.Name == "city_progress");
    }

    private static string MacroCall(ResearchObject macro)
    {
        var args = macro.Signature[(macro.Signature.IndexOf('(') + 1)..^1]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a switch
            {
                "year" => "2022",
                "district" => "'510104'",
                "area_level" => "'district'",
                "town" => "'510104001'",
                "unit" => "'510104001002'",
                "unit_kind" or "district_kind" => "'社区'",
                "education_level" => "'本科'",
                "major_text" => "'社会工作'",
                "employment_kind" => "'专职'",
                "post_category" => "'社会工作专业岗位'",
                "unit_level" => "'community'",
                "exam_year" => "2020",
                "varying_rows" => "true",
                _ => "DATE '2023-06-30'",
            });
        var call = $"{macro.Name}({string.Join(", ", args)})";
        return macro.DescriptionEn.StartsWith("table macro", StringComparison.Ordinal) ? $"SELECT * FROM {call}" : $"SELECT {call} AS v";
    }

    [Fact]
    public void The_file_is_rebuilt_when_the_warehouse_changes_and_only_then()
    {
        Assert.False(research.Database.EnsureFresh(research.Warehouse.Connection));
        research.Warehouse.Execute("""
            INSERT INTO load_run (load_id, file_name, sha256, kind, started_at, outcome) VALUES (99, 'x.csv', 'x', 'demo_sites', now(), 'loaded');
            INSERT INTO demo_site VALUES ('新示范点', '510104001002', 2023, '示范点', 99, 2);
            """);

        Assert.True(research.Database.EnsureFresh(research.Warehouse.Connection));
        Assert.Single(Rows("SELECT * FROM demo_site WHERE name = '新示范点'"));
    }

    [Fact]
    public void Display_rows_are_capped()
    {
        var result = research.Run("SELECT * FROM range(5000) t(x)", 1000);
        Assert.Equal(1000, result.Rows.Count);
        Assert.True(result.Truncated);
    }

    [Fact]
    public void The_research_file_cannot_be_written_through_the_sandbox()
    {
        using var connection = new DuckDBConnection(research.Runner.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM setting";
        Assert.ThrowsAny<DuckDBException>(() => command.ExecuteNonQuery());
    }

    public void Dispose() => research.Dispose();
}
