namespace Analytics.Tests.DemoData;

[Collection(DemoDataCollection.Name)]
public sealed class DemoDataRegisterTests(DemoDataFixture fixture)
{
    private static readonly (string Code, string Name, string Kind)[] RealDistricts =
    [
        ("510104", "锦江区", "区"), ("510105", "青羊区", "区"), ("510106", "金牛区", "区"), ("510107", "武侯区", "区"),
        ("510108", "成华区", "区"), ("510112", "龙泉驿区", "区"), ("510113", "青白江区", "区"), ("510114", "新都区", "区"),
        ("510115", "温江区", "区"), ("510116", "双流区", "区"), ("510117", "郫都区", "区"), ("510118", "新津区", "区"),
        ("510121", "金堂县", "县"), ("510129", "大邑县", "县"), ("510131", "蒲江县", "县"), ("510181", "都江堰市", "市"),
        ("510182", "彭州市", "市"), ("510183", "邛崃市", "市"), ("510184", "崇州市", "市"), ("510185", "简阳市", "市"),
    ];

    private IEnumerable<(ExtractTable Table, int Line, string[] Fields)> RegisterRows() =>
        new[] { "区划名录.csv", "区划名录_2020调整.csv" }.Select(fixture.Table)
            .SelectMany(t => t.Rows.Select(r => (t, r.Line, r.Fields)))
            .Where(r => !fixture.BadLines.Contains((r.t.FileName, r.Line)));

    [Fact]
    public void TheTwentyRealDistrictsWithTheirCodesAndKinds()
    {
        var register = fixture.Table("区划名录.csv");
        var districts = register.Rows.Where(r => register.Get(r.Fields, "区划代码").Length == 6)
            .Select(r => (register.Get(r.Fields, "区划代码"), register.Get(r.Fields, "名称"), register.Get(r.Fields, "类型")))
            .OrderBy(d => d.Item1, StringComparer.Ordinal).ToArray();
        Assert.Equal(RealDistricts.OrderBy(d => d.Code, StringComparer.Ordinal).ToArray(), districts);
    }

    [Fact]
    public void EveryCodeHasAValidStructureAndAKnownParent()
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (table, line, f) in RegisterRows())
        {
            var code = table.Get(f, "区划代码");
            var kind = table.Get(f, "类型");
            var parent = table.Get(f, "上级代码");
            Assert.True(code.All(char.IsAsciiDigit), $"{table.FileName}:{line} {code}");
            switch (code.Length)
            {
                case 6:
                    Assert.Contains(kind, new[] { "区", "市", "县", "新区" });
                    Assert.Equal("", parent);
                    break;
                case 9:
                    Assert.Contains(kind, new[] { "街道", "镇", "乡" });
                    Assert.Equal(code[..6], parent);
                    Assert.True(known.ContainsKey(parent), $"{table.FileName}:{line} parent {parent} unknown");
                    break;
                case 12:
                    var suffix = int.Parse(code[9..]);
                    Assert.True(kind == "社区" ? suffix is >= 1 and <= 199 : kind == "建制村" && suffix is >= 200 and <= 399,
                        $"{table.FileName}:{line} {code} {kind}");
                    Assert.Equal(code[..9], parent);
                    Assert.True(known.ContainsKey(parent), $"{table.FileName}:{line} parent {parent} unknown");
                    break;
                default:
                    Assert.Fail($"{table.FileName}:{line} code {code} has {code.Length} digits");
                    break;
            }
            Assert.True(ContractChecks.ValidOrEmptyDate(table.Get(f, "设立日期")) && ContractChecks.ValidOrEmptyDate(table.Get(f, "撤销日期")));
            known[code] = kind;
        }
    }

    [Fact]
    public void CityScaleHasAboutTheRealNumbersOfTownsAndCommunities()
    {
        var rows = RegisterRows().Select(r => (Code: r.Table.Get(r.Fields, "区划代码"), Abolished: r.Table.Get(r.Fields, "撤销日期"),
            Established: r.Table.Get(r.Fields, "设立日期"))).ToList();
        var abolished = rows.Where(r => r.Abolished != "").Select(r => r.Code).ToHashSet();
        Assert.InRange(rows.Count(r => r.Code.Length == 9), 230, 290);
        var afterReform = rows.Where(r => r.Code.Length == 12 && !abolished.Contains(r.Code)).Select(r => r.Code).Distinct().Count();
        Assert.InRange(afterReform, 2700, 3400);
        // The 2020 merger: some units abolished in 2020, new ones established in 2020.
        Assert.InRange(abolished.Count, 100, 1000);
        Assert.All(rows.Where(r => r.Abolished != "" || r.Established != ""), r =>
            Assert.Equal(2020, ContractChecks.Date(r.Abolished != "" ? r.Abolished : r.Established)!.Value.Year));
        Assert.Contains(rows, r => r.Established != "");

        var last = fixture.Rosters.Last();
        var perUnit = last.Rows.Where(r => last.Get(r.Fields, "工作单位代码").Length == 12).Count() / (double)afterReform;
        Assert.InRange(perUnit, 5.5, 8.5);
    }

    [Fact]
    public void DemonstrationSitesAndQuotasUseKnownCodes()
    {
        var codes = RegisterRows().Select(r => r.Table.Get(r.Fields, "区划代码")).ToHashSet();
        var sites = fixture.Table("示范点名录.csv");
        Assert.All(sites.Rows, r => Assert.Contains(sites.Get(r.Fields, "区划代码"), codes));
        int DemoSitesBy2022(string district) => sites.Rows.Count(r => sites.Get(r.Fields, "类别") == "示范点"
            && sites.Get(r.Fields, "区划代码").StartsWith(district, StringComparison.Ordinal) && int.Parse(sites.Get(r.Fields, "认定年度")) <= 2022);
        foreach (var central in new[] { "510104", "510105", "510106", "510107", "510108" }) Assert.True(DemoSitesBy2022(central) >= 2, central);
        Assert.Equal(0, DemoSitesBy2022("510121")); // 金堂县 lags
        Assert.Equal(0, DemoSitesBy2022("510131")); // 蒲江县 lags
        Assert.Contains(sites.Rows, r => sites.Get(r.Fields, "名称").Contains(',') && sites.Get(r.Fields, "名称").Contains('"'));

        var quotas = fixture.Table("专业岗位开发设置.csv");
        Assert.All(quotas.Rows, r => Assert.Contains(quotas.Get(r.Fields, "区划代码"), codes));
        Assert.All(quotas.Rows.Where(r => quotas.Get(r.Fields, "年度") == "2026"), r => Assert.Equal("", quotas.Get(r.Fields, "审定数")));
        Assert.All(quotas.Rows.Where(r => quotas.Get(r.Fields, "年度") != "2026"), r =>
            Assert.InRange(int.Parse(quotas.Get(r.Fields, "审定数")), 0, int.Parse(quotas.Get(r.Fields, "申报数"))));
    }
}
