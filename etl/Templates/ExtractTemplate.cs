using Analytics.Etl.Extracts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Etl.Templates;

/// <summary>
/// A blank .xlsx template for one extract kind: sheet 1 (填报) has the Chinese headers, ID and code columns formatted as
/// Text (Excel keeps all 18 digits), date columns as yyyy-mm-dd, and drop-down lists on the coded columns; sheet 2
/// (填写说明) explains every column and its codes. Written with the Open XML SDK; the loader reads it back as any .xlsx.
/// </summary>
public static class ExtractTemplate
{
    /// <summary>Rows of the data sheet that get the formats and drop-downs.</summary>
    public const int PreparedRows = 5000;

    public const string DataSheet = "填报", GuideSheet = "填写说明";

    private const uint BoldStyle = 1, TextStyle = 2, DateStyle = 3;

    /// <summary>The kind codes a template exists for (load_run.kind: roster, exam_results, ...).</summary>
    public static IReadOnlyList<string> KindCodes => ExtractKinds.Codes;

    /// <summary>The kind's Chinese name (社区工作者花名册 for roster), or null for an unknown code.</summary>
    public static string? KindName(string code) => ExtractKinds.ByCode(code)?.ChineseName;

    /// <summary>Writes the template of the kind to the stream; false when the kind code is unknown.</summary>
    public static bool Write(string kindCode, Stream output)
    {
        if (ExtractKinds.ByCode(kindCode) is not { } kind) return false;
        var columns = TemplateColumns.Of(kind);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        AddSheet(workbook, sheets, 1, DataSheet, DataSheetOf(columns));
        AddSheet(workbook, sheets, 2, GuideSheet, GuideOf(kind, columns));
        workbook.Workbook.Save();
        return true;
    }

    private static Worksheet DataSheetOf(IReadOnlyList<TemplateColumn> columns)
    {
        var cols = new Columns(columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Max(12, c.Column.Chinese.Length * 2.6 + 4), CustomWidth = true,
            Style = c.Format switch { TemplateFormat.Text => TextStyle, TemplateFormat.Date => DateStyle, _ => 0U },
        }));
        var header = new Row { RowIndex = 1 };
        foreach (var (c, i) in columns.Select((c, i) => (c, i))) header.Append(TextCell(Reference(i + 1, 1), c.Column.Chinese, BoldStyle));
        var sheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            cols, new SheetData(header));
        var lists = columns.Select((c, i) => (c, i)).Where(x => x.c.Codes.Count > 0).Select(x => new DataValidation
        {
            Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
            ErrorTitle = "取值不在列表中", Error = $"「{x.c.Column.Chinese}」请从下拉列表选择：{string.Join("、", x.c.Codes)}",
            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{Reference(x.i + 1, 2)}:{Reference(x.i + 1, PreparedRows + 1)}" },
            Formula1 = new Formula1($"\"{string.Join(",", x.c.Codes)}\""),
        }).ToList();
        if (lists.Count > 0) sheet.Append(new DataValidations(lists) { Count = (uint)lists.Count });
        return sheet;
    }

    private static Worksheet GuideOf(ExtractKind kind, IReadOnlyList<TemplateColumn> columns)
    {
        var data = new SheetData();
        uint row = 1;
        void Line(uint style, params string[] values)
        {
            var r = new Row { RowIndex = row };
            for (var i = 0; i < values.Length; i++) r.Append(TextCell(Reference(i + 1, (int)row), values[i], style));
            data.Append(r);
            row++;
        }
        Line(BoldStyle, $"{kind.ChineseName} 填写说明 / How to fill in the {kind.Code} template");
        Line(0, "在「填报」表第 2 行起每行填写一条记录；不要修改表头、不要合并单元格、不要添加合计行；身份证号和代码列已设为文本格式。");
        Line(0, "Fill one record per row of the 填报 sheet from row 2; keep the header, merge no cells, add no total row; ID and code columns are Text.");
        Line(0, "");
        Line(BoldStyle, "列名", "英文别名 alias", "是否必填 required", "填写要求", "Rule", "可选值 codes");
        foreach (var c in columns)
            Line(0, c.Column.Chinese, c.Column.Alias, c.Column.RequiredInHeader ? "必填 yes" : "视情况 optional", c.HintZh, c.HintEn, string.Join("、", c.Codes));
        return new Worksheet(
            new Columns(new Column { Min = 1, Max = 3, Width = 18, CustomWidth = true }, new Column { Min = 4, Max = 6, Width = 48, CustomWidth = true }),
            data);
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, Worksheet worksheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Name = name, SheetId = id, Id = workbook.GetIdOfPart(part) });
    }

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    private static string Reference(int column, int row) => XlsxWorkbook.ColumnName(column) + row;

    /// <summary>0 general, 1 bold header (text), 2 text (@), 3 date yyyy-mm-dd.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true, NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 4 });
}
