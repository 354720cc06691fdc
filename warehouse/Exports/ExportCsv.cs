using System.Globalization;
using System.Text;
using CsvHelper;

namespace Analytics.Warehouse.Exports;

/// <summary>
/// The product's one CSV writer (CsvHelper, RFC 4180 quoting), used by every CSV export: a header row, then the rows;
/// each cell through <see cref="ExportCells.CsvField"/> (numbers stay numbers, formula-like text is neutralised).
/// Files and downloads are UTF-8 with a BOM, so Excel opens Chinese text correctly.
/// </summary>
public static class ExportCsv
{
    /// <summary>The whole file as bytes (UTF-8 with BOM), e.g. for an HTTP download.</summary>
    public static byte[] ToBytes(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        Write(stream, headers, rows);
        return stream.ToArray();
    }

    /// <summary>Writes the file to a path (UTF-8 with BOM), replacing it.</summary>
    public static void Write(string path, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = File.Create(path);
        Write(stream, headers, rows);
    }

    /// <summary>Writes UTF-8 with BOM to the stream, leaving it open.</summary>
    public static void Write(Stream stream, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        Write(writer, headers, rows);
    }

    /// <summary>Writes to a text writer in its own encoding (no BOM added: e.g. the CLI's standard output). Returns the row count.</summary>
    public static long Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in headers) csv.WriteField(ExportCells.Neutralise(header));
        csv.NextRecord();
        long count = 0;
        foreach (var row in rows)
        {
            foreach (var cell in row) csv.WriteField(ExportCells.CsvField(cell));
            csv.NextRecord();
            count++;
        }
        csv.Flush();
        return count;
    }
}
