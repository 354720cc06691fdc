using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Tests.Extracts;

/// <summary>One cell as a spreadsheet program saves it: shared text, a number, a date (serial with a date style), or a
/// formula with its cached value.</summary>
internal sealed record XlsxTestCell(string Kind, string Value, string? FormulaText = null)
{
    public static XlsxTestCell Text(string value) => new("text", value);
    public static XlsxTestCell Number(double value) => new("number", value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    public static XlsxTestCell Date(DateOnly date) => new("date", date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static XlsxTestCell Formula(string formula, string cached) => new("formula", cached, formula);
    public static implicit operator XlsxTestCell(string text) => Text(text);
}

/// <summary>Writes real .xlsx workbooks with the Open XML SDK (shared strings, a date style, hidden sheets, merges).</summary>
internal sealed class XlsxTestBook
{
    private readonly List<(string Name, bool Hidden, SortedDictionary<int, XlsxTestCell?[]> Rows, List<string> Merges)> sheets = [];
    private bool date1904;

    /// <summary>Saves the workbook in the 1904 date system (&lt;workbookPr date1904="1"/&gt;, as older Mac Excel does).</summary>
    public XlsxTestBook Date1904()
    {
        date1904 = true;
        return this;
    }

    public XlsxTestBook Sheet(string name, bool hidden = false)
    {
        sheets.Add((name, hidden, new SortedDictionary<int, XlsxTestCell?[]>(), []));
        return this;
    }

    /// <summary>Puts a row at the worksheet row number (1-based); null cells are left empty.</summary>
    public XlsxTestBook Row(int rowNumber, params XlsxTestCell?[] cells)
    {
        sheets[^1].Rows[rowNumber] = cells;
        return this;
    }

    /// <summary>Rows of text from a CSV-like line (commas), starting at the row number.</summary>
    public XlsxTestBook TextRow(int rowNumber, string line) => Row(rowNumber, [.. line.Split(',').Select(v => v.Length == 0 ? null : XlsxTestCell.Text(v))]);

    public XlsxTestBook Merge(string reference)
    {
        sheets[^1].Merges.Add(reference);
        return this;
    }

    public string Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        if (date1904) workbookPart.Workbook.AppendChild(new WorkbookProperties { Date1904 = true });
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
        var strings = new List<string>();
        var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var (name, hidden, rows, merges) in sheets)
        {
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (number, cells) in rows)
            {
                var row = new Row { RowIndex = (uint)number };
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c] is not { } cell) continue;
                    var reference = ColumnName(c + 1) + number;
                    row.Append(cell.Kind switch
                    {
                        "text" => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(strings, cell.Value)) },
                        "date" => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(cell.Value) },
                        "formula" => new Cell { CellReference = reference, CellFormula = new CellFormula(cell.FormulaText!), CellValue = new CellValue(cell.Value) },
                        _ => new Cell { CellReference = reference, CellValue = new CellValue(cell.Value) },
                    });
                }
                data.Append(row);
            }
            var worksheet = new Worksheet(data);
            if (merges.Count > 0) worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
            sheetPart.Worksheet = worksheet;
            sheetList.Append(new Sheet
            {
                Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(sheetPart),
                State = hidden ? SheetStateValues.Hidden : null,
            });
        }
        stringsPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
        workbookPart.Workbook.Save();
        return path;
    }

    private static string Shared(List<string> strings, string value)
    {
        var at = strings.IndexOf(value);
        if (at < 0) { strings.Add(value); at = strings.Count - 1; }
        return at.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}
