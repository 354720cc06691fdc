using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Dashboards.Tests.Upload;

/// <summary>Types rows into a template's first sheet as a spreadsheet program saves them: text as shared strings keeping
/// the column's style, dates as serial numbers with the column's date style.</summary>
internal static class TemplateFiller
{
    public static void Fill(string path, params IReadOnlyList<object?>[] rows)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable ??= new SharedStringTable();
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!);
        var styles = sheet.Worksheet.Elements<Columns>().First().Elements<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Style?.Value ?? 0U);
        var data = sheet.Worksheet.GetFirstChild<SheetData>()!;
        var rowNumber = (uint)data.Elements<Row>().Count() + 1;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = rowNumber };
            for (var i = 0; i < values.Count; i++)
            {
                var reference = ColumnName(i + 1) + rowNumber;
                var style = styles.GetValueOrDefault(i + 1);
                switch (values[i])
                {
                    case null: break;
                    case DateOnly date:
                        row.Append(new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                        break;
                    case int number:
                        row.Append(new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(number) });
                        break;
                    default:
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(values[i]!.ToString()!)));
                        var index = strings.SharedStringTable.Elements<SharedStringItem>().Count() - 1;
                        row.Append(new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.SharedString, CellValue = new CellValue(index) });
                        break;
                }
            }
            data.Append(row);
            rowNumber++;
        }
        sheet.Worksheet.Save();
        strings.SharedStringTable.Save();
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}
