using MiniExcelLibs;

namespace Analytics.Warehouse.Exports;

/// <summary>One sheet of an XLSX export: its name and its rows, written as they come (no header row is added).</summary>
public sealed record ExportSheet(string Name, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// The product's XLSX writer (MiniExcel): every cell through <see cref="ExportCells.Safe"/>, so numbers and dates stay
/// typed and formula-like text is neutralised exactly as in <see cref="ExportCsv"/>.
/// </summary>
public static class ExportXlsx
{
    public static byte[] ToBytes(IEnumerable<ExportSheet> sheets)
    {
        using var stream = new MemoryStream();
        Write(stream, sheets);
        return stream.ToArray();
    }

    public static void Write(string path, IEnumerable<ExportSheet> sheets)
    {
        using var stream = File.Create(path);
        Write(stream, sheets);
    }

    public static void Write(Stream stream, IEnumerable<ExportSheet> sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var sheet in sheets) workbook[sheet.Name] = Lines(sheet.Rows);
        if (workbook.Count == 0) workbook["Sheet1"] = new List<Dictionary<string, object?>>();
        stream.SaveAs(workbook, printHeader: false, excelType: ExcelType.XLSX);
    }

    /// <summary>Rows keyed by column letter, every row with every column, so MiniExcel writes a rectangular sheet.</summary>
    private static List<Dictionary<string, object?>> Lines(IEnumerable<IReadOnlyList<object?>> rows)
    {
        var materialised = rows.ToList();
        var width = materialised.Count == 0 ? 0 : materialised.Max(r => r.Count);
        var letters = Enumerable.Range(0, width).Select(ColumnName).ToArray();
        return materialised.Select(row =>
        {
            var line = new Dictionary<string, object?>(width);
            for (var i = 0; i < width; i++) line[letters[i]] = i < row.Count ? ExportCells.Safe(row[i]) : null;
            return line;
        }).ToList();
    }

    /// <summary>A, B, …, Z, AA, AB, … as Excel names columns.</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }
}
