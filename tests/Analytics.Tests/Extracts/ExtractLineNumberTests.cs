using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Tests.Extracts;

/// <summary>Physical line numbers (1 = header), RFC 4180 quoting, empty lines and ragged rows.</summary>
public sealed class ExtractLineNumberTests : IDisposable
{
    private const string Header = "名称,区划代码,认定年度,类别";
    private readonly ExtractTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    private List<RowOutcome<DemoSiteRow>> Read(string text, out int rowsRead)
    {
        using var file = ExtractFile.Open(folder.Write("sites.csv", text), TestUnits.Chengdu(), new FixedClock(2025));
        var rows = file.Read(ExtractKinds.DemoSites).ToList();
        rowsRead = file.RowsRead;
        return rows;
    }

    [Fact]
    public void QuotedCommasQuotesAndNewlinesAreKeptAndLaterLinesNumberedPhysically()
    {
        var text = Header + "\r\n"
            + "\"锦江区\"\"阳光\"\"示范点，一期, 二期\",510104,2022,示范点\r\n"   // line 2
            + "\"多行\r\n名称\r\n第三行\",510104,2022,示范项目\r\n"           // lines 3-5
            + "普通,510104,2023,微项目\r\n";                                  // line 6
        var rows = Read(text, out var rowsRead);

        Assert.Equal([2, 3, 6], rows.Select(r => r.LineNumber));
        Assert.All(rows, r => Assert.True(r.IsGood));
        Assert.Equal("锦江区\"阳光\"示范点，一期, 二期", rows[0].Row!.Name);
        Assert.Equal("多行\r\n名称\r\n第三行", rows[1].Row!.Name);
        Assert.Equal(3, rowsRead);
    }

    [Fact]
    public void EmptyLinesAreSkippedButCountInLineNumbers()
    {
        var text = Header + "\n\n普通,510104,2023,微项目\n   \n,,,\n\n另一个,510104,2023,微项目";
        var rows = Read(text, out var rowsRead);
        Assert.Equal([3, 7], rows.Select(r => r.LineNumber));
        Assert.Equal(2, rowsRead);
    }

    [Fact]
    public void BlankLinesBeforeTheHeaderCountToo()
    {
        var rows = Read("\n" + Header + "\n普通,510104,2023,微项目\n", out _);
        Assert.Equal(3, Assert.Single(rows).LineNumber);
    }

    [Fact]
    public void RaggedRowsAreBadRowsWithoutAColumnAndTheOthersStillLoad()
    {
        var text = Header + "\n"
            + "多了一列,510104,2023,微项目,额外\n"
            + "少了一列,510104,2023\n"
            + "好的,510104,2023,微项目\n";
        var rows = Read(text, out var rowsRead);

        Assert.Equal(3, rowsRead);
        var tooMany = Assert.Single(rows[0].Problems);
        Assert.Null(tooMany.Column);
        Assert.Null(rows[0].Row);
        Assert.Contains("本行有 5 列，表头有 4 列", tooMany.ReasonZh);
        Assert.Contains("this row has 5 fields, the header has 4", tooMany.ReasonEn, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("本行有 3 列，表头有 4 列", Assert.Single(rows[1].Problems).ReasonZh);
        Assert.Equal(3, rows[1].LineNumber);
        Assert.True(rows[2].IsGood);
    }

    [Fact]
    public void ARowWithSeveralBadCellsGetsOneProblemPerCell()
    {
        var rows = Read(Header + "\n,999,19,金奖\n", out _);
        var columns = Assert.Single(rows).Problems.Select(p => p.Column).ToList();
        Assert.Equal(["名称", "区划代码", "认定年度", "类别"], columns);
    }

    [Fact]
    public void AnUnclosedQuoteThatSwallowsTheRestOfTheFileRefusesTheFile()
    {
        var text = Header + "\n好的,510104,2023,微项目\n\"没有结尾的引号,510104,2023,微项目\n" + new string('很', ExtractFile.MaxFieldLength + 10);
        using var file = ExtractFile.Open(folder.Write("sites.csv", text), TestUnits.Chengdu(), new FixedClock(2025));
        var refused = Assert.Throws<ExtractRefusedException>(() => file.Read(ExtractKinds.DemoSites).ToList());
        Assert.Contains("line 3", refused.ReasonEn);
    }
}
