using System.Globalization;
using System.Text;
using CsvHelper;

namespace Analytics.Dashboards.Components;

/// <summary>CSV for the sending office's Excel: UTF-8 with a BOM (so Chinese opens correctly), a header row, RFC 4180 quoting.</summary>
internal static class ExcelCsv
{
    public static byte[] Write<T>(IReadOnlyList<string> headers, IEnumerable<T> rows, Func<T, IEnumerable<string>> cells)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in cells(row)) csv.WriteField(cell);
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }
}
