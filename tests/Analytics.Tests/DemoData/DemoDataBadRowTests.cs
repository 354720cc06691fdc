namespace Analytics.Tests.DemoData;

/// <summary>An independent validator (from EXTRACTS.md) finds exactly the bad rows the summary lists, and no others.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class DemoDataBadRowTests(DemoDataFixture fixture)
{
    private static readonly string[] DateColumns = ["设立日期", "撤销日期", "统计日期", "兼职起始日期", "入职日期", "离职日期", "发证日期"];
    private static readonly string[] ScoreColumns = ["职业操守", "服务绩效", "群众满意度"];

    [Fact]
    public void TheValidatorFindsExactlyTheListedBadRows()
    {
        var found = new HashSet<(string File, int Line)>();
        var registers = new[] { "区划名录.csv", "区划名录_2020调整.csv" }.Select(fixture.Table).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in registers)
            foreach (var (line, f) in t.Rows)
            {
                var code = t.Get(f, "区划代码");
                var kind = t.Get(f, "类型");
                var bad = f.Length != t.Header.Count
                    || (code.Length == 12 && (kind == "社区") != (int.Parse(code[9..]) <= 199))
                    || (code.Length > 6 && !known.Contains(t.Get(f, "上级代码")));
                if (bad) found.Add((t.FileName, line));
                else known.Add(code);
            }

        foreach (var t in fixture.Tables.Except(registers))
        {
            var duplicates = t.Has("统计日期")
                ? t.Rows.GroupBy(r => t.Get(r.Fields, "身份证号")).Where(g => g.Count() > 1).SelectMany(g => g.Select(r => r.Line)).ToHashSet()
                : [];
            foreach (var (line, f) in t.Rows)
            {
                var bad = f.Length != t.Header.Count
                    || duplicates.Contains(line)
                    || (t.Has("身份证号") && !ContractChecks.ValidId(t.Get(f, "身份证号")))
                    || DateColumns.Any(c => t.Has(c) && !ContractChecks.ValidOrEmptyDate(t.Get(f, c)))
                    || ScoreColumns.Any(c => t.Has(c) && t.Get(f, c) != "" && double.Parse(t.Get(f, c)) is < 0 or > 100)
                    || new[] { "工作单位代码", "考评单位代码", "区划代码" }.Any(c => t.Has(c) && !known.Contains(t.Get(f, c)));
                if (bad) found.Add((t.FileName, line));
            }
        }

        Assert.Equal(fixture.BadLines.OrderBy(b => b.File, StringComparer.Ordinal).ThenBy(b => b.Line),
            found.OrderBy(b => b.File, StringComparer.Ordinal).ThenBy(b => b.Line));
    }

    [Fact]
    public void TheSummaryNamesEachKindOfProblemWithReasonsInBothLanguages()
    {
        var bad = fixture.Summary.BadRows;
        Assert.Contains(bad, b => b.ReasonEn.Contains("check character", StringComparison.Ordinal));
        Assert.Contains(bad, b => b.ReasonEn.Contains("2023-02-30", StringComparison.Ordinal));
        Assert.Contains(bad, b => b.ReasonEn.Contains("5.10104E+17", StringComparison.Ordinal));
        Assert.Contains(bad, b => b.ReasonEn.Contains("not in the org register", StringComparison.Ordinal));
        Assert.Equal(2, bad.Count(b => b.ReasonEn.Contains("listed twice", StringComparison.Ordinal)));
        Assert.All(bad, b => Assert.False(string.IsNullOrWhiteSpace(b.ReasonZh)));
        // the lines really hold what the reasons say
        var impossible = bad.Single(b => b.ReasonEn.Contains("2023-02-30", StringComparison.Ordinal));
        var roster = fixture.Table(impossible.FileName);
        Assert.Equal("2023-02-30", roster.Get(roster.Rows.Single(r => r.Line == impossible.LineNumber).Fields, "入职日期"));
        var mangled = bad.Single(b => b.ReasonEn.Contains("5.10104E+17", StringComparison.Ordinal));
        var exam = fixture.Table(mangled.FileName);
        Assert.Equal("5.10104E+17", exam.Get(exam.Rows.Single(r => r.Line == mangled.LineNumber).Fields, "身份证号"));
    }
}
