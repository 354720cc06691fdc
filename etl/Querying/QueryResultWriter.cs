using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Analytics.Warehouse.Exports;

namespace Analytics.Etl.Querying;

public enum QueryFormat { Table, Csv, Json }

/// <summary>Writes a query's rows as an aligned table, CSV with a header row, or a JSON array of objects.</summary>
public static class QueryResultWriter
{
    public static int Write(DbDataReader reader, QueryFormat format, TextWriter output) =>
        Write(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray(), Rows(reader), format, output);

    public static int Write(IReadOnlyList<string> names, IEnumerable<object?[]> rows, QueryFormat format, TextWriter output) => format switch
    {
        QueryFormat.Csv => WriteCsv(names, rows, output),
        QueryFormat.Json => WriteJson(names, rows, output),
        _ => WriteTable(names, rows, output),
    };

    private static IEnumerable<object?[]> Rows(DbDataReader reader)
    {
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            yield return row;
        }
    }

    /// <summary>The one text form of a value (lists, structs and maps as values, not .NET type names).</summary>
    public static string Text(object? value) => ExportCells.Text(value);

    /// <summary>The product's one CSV writer: formula-like text neutralised, numbers kept as numbers.</summary>
    private static int WriteCsv(IReadOnlyList<string> names, IEnumerable<object?[]> rows, TextWriter output) =>
        (int)ExportCsv.Write(output, names, rows);

    private static int WriteJson(IReadOnlyList<string> names, IEnumerable<object?[]> rows, TextWriter output)
    {
        using var stream = new MemoryStream();
        var count = 0;
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < names.Count; i++)
                {
                    json.WritePropertyName(names[i]);
                    WriteJsonValue(json, row[i]);
                }
                json.WriteEndObject();
                count++;
            }
            json.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return count;
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                json.WriteRawValue(Text(value)); break;
            case System.Numerics.BigInteger big: json.WriteRawValue(big.ToString(CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(Text(value)); break;
        }
    }

    private static int WriteTable(IReadOnlyList<string> names, IEnumerable<object?[]> values, TextWriter output)
    {
        var rows = values.Select(r => r.Select(Text).ToArray()).ToList();
        var widths = names.Select((n, i) => rows.Select(r => DisplayWidth(r[i])).Append(DisplayWidth(n)).Max()).ToArray();
        string Line(string[] cells) => string.Join(" │ ", cells.Select((c, i) => c + new string(' ', widths[i] - DisplayWidth(c)))).TrimEnd();
        output.WriteLine(Line([.. names]));
        output.WriteLine(string.Join("─┼─", widths.Select(w => new string('─', w))));
        foreach (var row in rows) output.WriteLine(Line(row));
        output.WriteLine($"({rows.Count:N0} 行 rows)");
        return rows.Count;
    }

    /// <summary>Terminal columns: CJK and full-width characters take two.</summary>
    internal static int DisplayWidth(string s) => s.Sum(c => c is >= '\u1100' and (<= '\u115f' or (>= '\u2e80' and <= '\ua4cf') or (>= '\uac00' and <= '\ud7a3') or (>= '\uf900' and <= '\ufaff') or (>= '\ufe30' and <= '\ufe4f') or (>= '\uff00' and <= '\uff60') or (>= '\uffe0' and <= '\uffe6')) ? 2 : 1);
}
