namespace Analytics.Tests.DemoData;

[Collection(DemoDataCollection.Name)]
public sealed class DemoDataRosterTests(DemoDataFixture fixture)
{
    private IEnumerable<(ExtractTable Table, string[] Fields)> Good(ExtractTable t) =>
        t.Rows.Where(r => !fixture.BadLines.Contains((t.FileName, r.Line))).Select(r => (t, r.Fields));

    [Fact]
    public void EveryIdNumberOutsideTheListedBadRowsIsValid()
    {
        var checkedIds = 0;
        foreach (var table in fixture.Tables.Where(t => t.Has("身份证号")))
            foreach (var (t, f) in Good(table))
            {
                Assert.True(ContractChecks.ValidId(t.Get(f, "身份证号")), $"{t.FileName}: {t.Get(f, "身份证号")}");
                checkedIds++;
            }
        Assert.True(checkedIds > 300_000);
    }

    [Fact]
    public void TheNewHrSystemsRostersCarryTheTitleTheirPassedCertificatesGive()
    {
        // Every passed exam: person -> (level, the first day it counts: 发证日期, else January 1 of 考试年度).
        var passed = fixture.Tables.Where(t => t.Has("资格级别")).SelectMany(t => Good(t))
            .Where(r => r.Table.Get(r.Fields, "考试结果") is "合格" or "pass")
            .Select(r => (Id: r.Table.Get(r.Fields, "身份证号"), Level: r.Table.Get(r.Fields, "资格级别"),
                From: ContractChecks.Date(r.Table.Get(r.Fields, "发证日期"))
                      ?? new DateOnly(int.Parse(r.Table.Get(r.Fields, "考试年度"), System.Globalization.CultureInfo.InvariantCulture), 1, 1)))
            .ToLookup(e => e.Id, StringComparer.Ordinal);
        string[] ranks = ["社工员", "助理社会工作师", "社会工作师", "高级社会工作师"];
        var titled = 0;
        foreach (var roster in fixture.Rosters)
        {
            var asOf = ContractChecks.Date(roster.Get(roster.Rows[0].Fields, "统计日期"))!.Value;
            // The old HR system (to 2020) had no 职称 column; the optional column is simply absent there.
            Assert.Equal(asOf.Year > 2020, roster.Has("职称"));
            if (!roster.Has("职称")) continue;
            foreach (var (t, f) in Good(roster))
            {
                var best = passed[t.Get(f, "身份证号")].Where(e => e.From <= asOf).Select(e => Array.IndexOf(ranks, e.Level)).DefaultIfEmpty(-1).Max();
                var expected = best >= 1 ? ranks[best] : "";
                Assert.Equal(expected, t.Get(f, "职称"));
                if (expected != "") titled++;
            }
        }
        Assert.True(titled > 1_000, $"only {titled} rows carry a 职称");
    }

    [Fact]
    public void SnapshotsAreHalfYearlyWithOneDateEach()
    {
        var dates = new List<DateOnly>();
        foreach (var roster in fixture.Rosters)
        {
            var asOf = roster.Rows.Select(r => roster.Get(r.Fields, "统计日期")).Select(ContractChecks.Date).Distinct().ToList();
            Assert.Single(asOf);
            dates.Add(asOf[0]!.Value);
        }
        var expected = Enumerable.Range(2019, 8).SelectMany(y => new[] { new DateOnly(y, 6, 30), new DateOnly(y, 12, 31) }).SkipLast(1);
        Assert.Equal(expected, dates.Order());
    }

    [Fact]
    public void HistoryIsCoherentFromSnapshotToSnapshot()
    {
        var snapshots = fixture.Rosters.Select(t => (Table: t, Rows: Good(t).ToList()))
            .OrderBy(s => ContractChecks.Date(s.Table.Get(s.Rows[0].Fields, "统计日期"))).ToList();
        var gone = new HashSet<string>(StringComparer.Ordinal);
        // IDs on quarantined rows (e.g. the person listed twice) are missing from that one snapshot only.
        var quarantined = fixture.Rosters.SelectMany(t => t.Rows.Where(r => fixture.BadLines.Contains((t.FileName, r.Line)))
            .Select(r => t.Get(r.Fields, "身份证号"))).ToHashSet(StringComparer.Ordinal);
        HashSet<string>? previous = null;
        foreach (var (table, rows) in snapshots)
        {
            var asOf = ContractChecks.Date(table.Get(rows[0].Fields, "统计日期"))!.Value;
            var inPost = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (t, f) in rows)
            {
                var id = t.Get(f, "身份证号");
                var hired = ContractChecks.Date(t.Get(f, "入职日期"));
                Assert.True(hired <= asOf, $"{t.FileName}: {id} hired {hired} after {asOf}");
                Assert.DoesNotContain(id, gone); // a leaver never reappears
                var left = t.Get(f, "离职日期");
                if (left != "")
                {
                    Assert.True(ContractChecks.Date(left) >= hired && ContractChecks.Date(left) <= asOf);
                    gone.Add(id);
                    continue;
                }
                inPost.Add(id);
                var partTime = t.Get(f, "用工方式") == "兼职";
                Assert.Equal(partTime, t.Get(f, "兼职起始日期") != "");
                if (partTime) Assert.Equal("社会工作专业岗位", t.Get(f, "岗位类别"));
            }
            if (previous is not null)
            {
                var continuing = previous.Count(inPost.Contains) / (double)previous.Count;
                Assert.InRange(continuing, 0.9, 0.995); // most continue, some leave
                foreach (var id in previous.Where(id => !inPost.Contains(id) && !quarantined.Contains(id))) gone.Add(id);
            }
            previous = inPost;
        }
        Assert.True(gone.Count > 3000);
    }

    [Fact]
    public void SalarySupplementsMatchTheCertificateLevelAtEachSnapshot()
    {
        var ranks = new Dictionary<string, int> { ["社工员"] = 1, ["助理社会工作师"] = 2, ["社会工作师"] = 3, ["高级社会工作师"] = 4 };
        var passes = new Dictionary<string, List<(DateOnly From, int Rank)>>(StringComparer.Ordinal);
        foreach (var exam in fixture.Tables.Where(t => t.FileName.StartsWith("exam_", StringComparison.Ordinal)))
            foreach (var (t, f) in Good(exam))
            {
                var result = t.Get(f, "考试结果");
                Assert.Contains(result, new[] { "合格", "通过", "pass", "不合格", "未通过", "fail" });
                if (result is not ("合格" or "通过" or "pass")) continue;
                Assert.NotEqual("", t.Get(f, "证书编号"));
                var from = ContractChecks.Date(t.Get(f, "发证日期")) ?? new DateOnly(int.Parse(t.Get(f, "考试年度")), 1, 1);
                if (!passes.TryGetValue(t.Get(f, "身份证号"), out var list)) passes[t.Get(f, "身份证号")] = list = [];
                list.Add((from, ranks[t.Get(f, "资格级别")]));
            }
        var supplements = new HashSet<int>();
        foreach (var roster in fixture.Rosters)
            foreach (var (t, f) in Good(roster))
            {
                var asOf = ContractChecks.Date(t.Get(f, "统计日期"))!.Value;
                var level = passes.TryGetValue(t.Get(f, "身份证号"), out var list) ? list.Where(p => p.From <= asOf).Select(p => p.Rank).DefaultIfEmpty(0).Max() : 0;
                var supplement = int.Parse(t.Get(f, "基本工资增发"));
                supplements.Add(supplement);
                Assert.True(level switch { 0 => supplement == 0, 1 => supplement == 200, 2 => supplement is >= 400 and <= 600, 3 => supplement == 800, _ => supplement == 1200 },
                    $"{t.FileName}: level {level} with supplement {supplement}");
            }
        Assert.Superset(new HashSet<int> { 0, 200, 400, 500, 600, 800, 1200 }, supplements);
        Assert.Subset(new HashSet<int> { 0, 200, 400, 500, 600, 800, 1200 }, supplements);
    }

    [Fact]
    public void FilesComeInTheEncodingsAndHeaderStylesTheOfficesUse()
    {
        Assert.Equal("GB18030", fixture.Table("2019年06月社区工作者花名册.csv").Encoding);
        Assert.False(fixture.Table("2019年06月社区工作者花名册.csv").Has("性别"));
        Assert.Equal("GB18030", fixture.Table("2022年绩效考评结果.csv").Encoding);
        Assert.Equal("UTF-8 BOM", fixture.Table("2023年06月社区工作者花名册.csv").Encoding);
        Assert.Equal("UTF-8", fixture.Table("exam_2021.csv").Encoding);
        Assert.Equal("id_number", File.ReadLines(Path.Combine(fixture.Folder, "exam_2021.csv")).First().Split(',')[0]);
        Assert.Equal("code", File.ReadLines(Path.Combine(fixture.Folder, "区划名录_2020调整.csv")).First().Split(',')[0]);
        var summary = fixture.Summary.Files.ToDictionary(f => f.FileName);
        Assert.All(fixture.Tables, t => Assert.Equal(summary[t.FileName].Rows, t.Rows.Count));
        Assert.All(fixture.Tables, t => Assert.Equal(summary[t.FileName].Encoding, t.Encoding));
    }
}
