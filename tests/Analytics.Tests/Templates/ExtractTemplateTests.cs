using Analytics.Etl.Cli;
using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;
using Analytics.Etl.Loading;
using Analytics.Etl.Templates;
using Analytics.Tests.Extracts;
using Analytics.Tests.Loading;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Tests.Templates;

/// <summary>`etl template`: a real .xlsx per kind (headers, text and date columns, drop-downs, a guide sheet) that loads
/// back through the loader once filled in as a spreadsheet program would.</summary>
public sealed class ExtractTemplateTests
{
    [Fact]
    public void The_cli_writes_a_roster_template_with_text_id_columns_drop_downs_and_a_guide()
    {
        using var f = new LoaderFixture();
        var path = Path.Combine(f.Folder, "out", "花名册模板.xlsx");

        var exit = CliApp.Root().Parse(["template", "--kind", "roster", "--out", path]).Invoke();

        Assert.Equal(0, exit);
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        Assert.Equal([ExtractTemplate.DataSheet, ExtractTemplate.GuideSheet], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var data = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var header = data.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().First().Elements<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(ExtractKinds.Roster.Columns.Select(c => c.Chinese), header);
        // 身份证号 (B) and 工作单位代码 (E) are Text (numFmt 49); 统计日期 (A) a date.
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().Select(x => x.NumberFormatId?.Value ?? 0).ToList();
        var columns = data.Worksheet.Elements<Columns>().First().Elements<Column>().ToDictionary(c => (int)c.Min!.Value, c => formats[(int)(c.Style?.Value ?? 0)]);
        Assert.Equal(49U, columns[2]);
        Assert.Equal(49U, columns[5]);
        Assert.Equal(164U, columns[1]);
        var lists = data.Worksheet.Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText ?? "", v => v.Formula1!.Text ?? "");
        Assert.Equal($"\"{string.Join(",", RosterKind.PostCategories)}\"", lists["F2:F5001"]);
        Assert.Equal("\"专职,兼职\"", lists["G2:G5001"]);
        Assert.Contains("L2:L5001", lists.Keys); // 学历
        var guide = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Last().Id!);
        var guideText = string.Join("\n", guide.Worksheet.Descendants<Row>().Select(r => string.Join("|", r.Elements<Cell>().Select(c => c.InnerText))));
        foreach (var column in ExtractKinds.Roster.Columns) Assert.Contains(column.Chinese + "|" + column.Alias, guideText);
        Assert.Contains("社会工作专业岗位、社区专职工作者、其他", guideText);
    }

    [Theory]
    [InlineData("org_units")]
    [InlineData("exam_results")]
    [InlineData("appraisals")]
    [InlineData("post_quotas")]
    [InlineData("demo_sites")]
    public void Every_kind_has_a_template_whose_header_is_recognised_as_that_kind(string code)
    {
        using var f = new LoaderFixture();
        var path = Path.Combine(f.Folder, code + ".xlsx");
        using (var file = File.Create(path)) Assert.True(ExtractTemplate.Write(code, file));
        using var source = XlsxRowSource.Open(path);
        Assert.True(source.NextRecord());
        var names = Enumerable.Range(0, source.FieldCount).Select(i => source.Cell(i).ToString()).ToList();
        Assert.Equal(code, ExtractHeader.Recognise(path, names).Kind.Code);
    }

    [Fact]
    public void A_filled_in_roster_template_loads_and_its_bad_row_is_quarantined_at_its_worksheet_row()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", SampleExtracts.OrgRegister));
        var path = Path.Combine(f.Folder, "in", "锦江区2026年12月花名册.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path)) ExtractTemplate.Write("roster", file);
        var asOf = new DateOnly(2026, 12, 31);
        object?[] Row(string id, string name, string unit, string post) =>
            [asOf, id, name, null, unit, post, "专职", null, new DateOnly(2020, 3, 1), null, "存量转岗", "本科", "社会工作", 400];
        TemplateFiller.Fill(path,
            Row(TestIds.Make(new DateOnly(1990, 1, 1), 123), "张三", "510104001001", "社会工作专业岗位"),
            Row(TestIds.Make(new DateOnly(1991, 2, 2), 124), "李四", "510104001002", "社区专职工作者"),
            Row(TestIds.Make(new DateOnly(1992, 3, 3), 125), "王五", "510104001001", "社工"));

        var result = Assert.Single(f.Load(path).Files);

        Assert.Equal(LoadOutcome.Loaded, result.Outcome);
        Assert.Equal((2, 1), (result.RowsLoaded, result.RowsQuarantined));
        Assert.Equal(["2026-12-31|2"], f.Rows("SELECT strftime(as_of, '%Y-%m-%d'), rows FROM roster_snapshot"));
        Assert.Equal(["4|岗位类别"], f.Rows("SELECT line_number, column_name FROM quarantine"));
    }
}
