using System.Text.RegularExpressions;

namespace Analytics.Dashboards.Tests.Localization;

/// <summary>
/// One localisation style: UI text goes through T["key"] / T.Format with entries in dashboards/Localization/UiStrings*.cs;
/// T.Pick(zh, en) only for pairs that come as data (reason_zh/reason_en columns, targets.json), never two literals.
/// </summary>
public sealed partial class OneLocalisationStyleTests
{
    /// <summary>T.Pick( "…" , "…" ): two string literals (plain, interpolated or verbatim, over any lines).</summary>
    [GeneratedRegex("""\bT\.Pick\(\s*[$@]*"(?:[^"\\]|\\.)*"\s*,\s*[$@]*"(?:[^"\\]|\\.)*"\s*\)""")]
    private static partial Regex LiteralPair();

    private static string DashboardsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "dashboards");
            if (File.Exists(Path.Combine(candidate, "Analytics.Dashboards.csproj"))) return candidate;
        }
        throw new DirectoryNotFoundException("dashboards/ not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("""@T.Pick("运行", "Run")""", true)]
    [InlineData("""status = T.Pick($"{n:N0} 行", $"{n:N0} rows");""", true)]
    [InlineData("<p>@T.Pick(\"去标识研究库。\",\n  \"The research surface.\")</p>", true)]
    [InlineData("""@T.Pick(q.ReasonZh, q.ReasonEn)""", false)]
    [InlineData("""T.Pick(outcome.MessageZh ?? "", outcome.MessageEn ?? "")""", false)]
    [InlineData("""@T["sql.run"]""", false)]
    public void The_check_finds_literal_pairs_and_lets_data_pairs_through(string code, bool literalPair) =>
        Assert.Equal(literalPair, LiteralPair().IsMatch(code));

    [Fact]
    public void No_razor_or_cs_file_under_dashboards_picks_between_two_literals()
    {
        var folder = DashboardsFolder();
        var offenders = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralPair().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(folder, f)}: {m.Value}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Move these to keys in dashboards/Localization/UiStrings*.cs (T[\"key\"]):\n" + string.Join("\n", offenders));
    }
}
