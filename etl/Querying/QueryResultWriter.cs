using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Analytics.Etl.Querying;

internal enum QueryFormat { Table, Csv, Json }

/// <summary>Writes a query's rows as an aligned table, CSV with a header row, or a JSON array of objects.</summary>
internal static class QueryResultWriter
{
    public static int Write(DbDataReader reader, QueryFormat format, TextWriter output) => format switch
    {
        QueryFormat.Csv => WriteCsv(reader, output),
        QueryFormat.Json => WriteJson(reader, output),
        _ => WriteTable(reader, output),
    };

    private static string[] Names(DbDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();

    internal static string Text(object? value) => value switch
    {
        null or DBNull => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static int WriteCsv(DbDataReader reader, TextWriter output)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in Names(reader)) csv.WriteField(name);
        csv.NextRecord();
        var rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++) csv.WriteField(Text(reader.GetValue(i)));
            csv.NextRecord();
            rows++;
        }
        return rows;
    }

    private static int WriteJson(DbDataReader reader, TextWriter output)
    {
        var names = Names(reader);
        using var stream = new MemoryStream();
        var rows = 0;
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            while (reader.Read())
            {
                json.WriteStartObject();
                for (var i = 0; i < names.Length; i++)
                {
                    json.WritePropertyName(names[i]);
                    WriteJsonValue(json, reader.GetValue(i));
                }
                json.WriteEndObject();
                rows++;
            }
            json.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return rows;
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

    private static int WriteTable(DbDataReader reader, TextWriter output)
    {
        var names = Names(reader);
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, names.Length).Select(i => Text(reader.GetValue(i))).ToArray());
        var widths = names.Select((n, i) => rows.Select(r => DisplayWidth(r[i])).Append(DisplayWidth(n)).Max()).ToArray();
        string Line(string[] cells) => string.Join(" │ ", cells.Select((c, i) => c + new string(' ', widths[i] - DisplayWidth(c)))).TrimEnd();
        output.WriteLine(Line(names));
        output.WriteLine(string.Join("─┼─", widths.Select(w => new string('─', w))));
        foreach (var row in rows) output.WriteLine(Line(row));
        output.WriteLine($"({rows.Count:N0} 行 rows)");
        return rows.Count;
    }

    /// <summary>Terminal columns: CJK and full-width characters take two.</summary>
    internal static int DisplayWidth(string s) => s.Sum(c => c is >= '\u1100' and (<= '\u115f' or (>= '\u2e80' and <= '\ua4cf') or (>= '\uac00' and <= '\ud7a3') or (>= '\uf900' and <= '\ufaff') or (>= '\ufe30' and <= '\ufe4f') or (>= '\uff00' and <= '\uff60') or (>= '\uffe0' and <= '\uffe6')) ? 2 : 1);
}
