namespace Analytics.Tests.DemoData;

/// <summary>
/// The story a leader reads, computed here from the files with the METRICS.md rules: most districts reach the 2022
/// post targets late or narrowly, 简阳市/金堂县/蒲江县 lag clearly, new talent overtakes certified stock after 2021.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class DemoDataStoryTests(DemoDataFixture fixture)
{
    private static readonly DateOnly Baseline = new(2020, 1, 1);
    private static readonly string[] Laggards = ["510121", "510131", "510185"];

    private sealed record Progress(Dictionary<string, int> GapByDistrict, Dictionary<string, int> RequiredByDistrict, int NewTalent, int StockCertified);

    private Progress At(DateOnly d)
    {
        var units = new Dictionary<string, (string Kind, DateOnly? Est, DateOnly? Abo)>(StringComparer.Ordinal);
        foreach (var t in new[] { "区划名录.csv", "区划名录_2020调整.csv" }.Select(fixture.Table))
            foreach (var (line, f) in t.Rows.Where(r => !fixture.BadLines.Contains((t.FileName, r.Line))))
                units[t.Get(f, "区划代码")] = (t.Get(f, "类型"), ContractChecks.Date(t.Get(f, "设立日期")), ContractChecks.Date(t.Get(f, "撤销日期")));
        var certifiedFrom = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var t in fixture.Tables.Where(t => t.FileName.StartsWith("exam_", StringComparison.Ordinal)))
            foreach (var (line, f) in t.Rows.Where(r => !fixture.BadLines.Contains((t.FileName, r.Line)) && t.Get(r.Fields, "考试结果") is "合格" or "pass"))
            {
                var from = ContractChecks.Date(t.Get(f, "发证日期")) ?? new DateOnly(int.Parse(t.Get(f, "考试年度")), 1, 1);
                var id = t.Get(f, "身份证号");
                if (!certifiedFrom.TryGetValue(id, out var earlier) || from < earlier) certifiedFrom[id] = from;
            }
        var roster = fixture.Rosters.Single(t => ContractChecks.Date(t.Get(t.Rows[0].Fields, "统计日期")) == d);
        var qualified = new Dictionary<string, int>(StringComparer.Ordinal);
        int newTalent = 0, stockCertified = 0;
        foreach (var (line, f) in roster.Rows.Where(r => !fixture.BadLines.Contains((roster.FileName, r.Line))))
        {
            if (roster.Get(f, "离职日期") != "") continue;
            var certified = certifiedFrom.TryGetValue(roster.Get(f, "身份证号"), out var c) && c <= d;
            var degree = roster.Get(f, "所学专业").Contains("社会工作") && roster.Get(f, "学历") is "大专" or "本科" or "硕士研究生" or "博士研究生";
            var stock = ContractChecks.Date(roster.Get(f, "入职日期")) < Baseline;
            if (!stock) newTalent++;
            else if (certified) stockCertified++;
            var since = ContractChecks.Date(roster.Get(f, "兼职起始日期"));
            if (roster.Get(f, "岗位类别") == "社会工作专业岗位" && (certified || degree) && (since is null || d <= since.Value.AddYears(2)))
                qualified[roster.Get(f, "工作单位代码")] = qualified.GetValueOrDefault(roster.Get(f, "工作单位代码")) + 1;
        }
        var gap = new Dictionary<string, int>(StringComparer.Ordinal);
        var required = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, u) in units.Where(u => u.Key.Length == 12 && (u.Value.Est is null || u.Value.Est <= d) && (u.Value.Abo is null || u.Value.Abo > d)))
        {
            var need = u.Kind == "社区" ? 2 : 1;
            gap[code[..6]] = gap.GetValueOrDefault(code[..6]) + Math.Max(0, need - qualified.GetValueOrDefault(code));
            required[code[..6]] = required.GetValueOrDefault(code[..6]) + need;
        }
        return new Progress(gap, required, newTalent, stockCertified);
    }

    [Fact]
    public void MostDistrictsReachThe2022PostTargetsLateOrNarrowly()
    {
        var end2021 = At(new DateOnly(2021, 12, 31));
        var end2022 = At(new DateOnly(2022, 12, 31));
        var end2023 = At(new DateOnly(2023, 12, 31));

        Assert.All(end2021.GapByDistrict, g => Assert.True(g.Value > 0, $"{g.Key} already met the targets in 2021"));
        var metIn2022 = end2022.GapByDistrict.Where(g => g.Value == 0).Select(g => g.Key).ToList();
        Assert.InRange(metIn2022.Count, 10, 17);
        Assert.Equal(17, end2023.GapByDistrict.Count(g => g.Value == 0));
        foreach (var laggard in Laggards)
        {
            Assert.True(end2022.GapByDistrict[laggard] > 0.1 * end2022.RequiredByDistrict[laggard], $"{laggard} should lag clearly in 2022");
            Assert.True(end2023.GapByDistrict[laggard] > 0, $"{laggard} should still lag in 2023");
        }
    }

    [Fact]
    public void NewTalentOvertakesCertifiedStockAfter2021()
    {
        var end2020 = At(new DateOnly(2020, 12, 31));
        var end2022 = At(new DateOnly(2022, 12, 31));
        Assert.True(end2020.NewTalent < end2020.StockCertified);
        Assert.True(end2022.NewTalent > end2022.StockCertified);
    }
}
