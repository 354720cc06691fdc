using System.Globalization;
using System.Text;
using Analytics.Etl.Extracts;
using CsvHelper;
using CsvHelper.Configuration;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// Writes an N× copy of a roster extract (UTF-8, Chinese header): the rows repeated N times, each copy after the first
/// with other people — the 顺序码 digits 15–16 of every ID number shifted and the check character recomputed, so
/// birth date and gender stay coherent and the copies are not duplicates of one another. Streams row by row.
/// </summary>
internal static class RosterScaler
{
    public static int Write(string source, string target, int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = false };
        var rows = 0;
        using var csvOut = new ExtractCsvWriter(target, ExtractCsvWriter.Utf8Bom);
        for (var copy = 0; copy < times; copy++)
        {
            using var reader = new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var csvIn = new CsvParser(reader, config);
            if (!csvIn.Read()) throw new InvalidDataException($"{source}: empty file");
            var header = csvIn.Record!;
            var idColumn = Array.IndexOf(header, IdNumber.Column);
            if (idColumn < 0) throw new InvalidDataException($"{source}: no {IdNumber.Column} column (a roster with a Chinese header is needed)");
            if (copy == 0) csvOut.WriteRecord(header);
            while (csvIn.Read())
            {
                var record = csvIn.Record!;
                if (copy > 0 && idColumn < record.Length) record[idColumn] = OtherPerson(record[idColumn], copy);
                csvOut.WriteRecord(record);
                rows++;
            }
        }
        return rows;
    }

    /// <summary>Another valid ID of the same birth date and gender (a deliberately malformed one stays as it is).</summary>
    internal static string OtherPerson(string id, int copy)
    {
        if (id.Length != 18 || !CellText.IsAsciiDigits(id.AsSpan(0, 17))) return id;
        var sequence = int.Parse(id.AsSpan(14, 2), CultureInfo.InvariantCulture);
        var first17 = string.Concat(id.AsSpan(0, 14), ((sequence + 37 * copy) % 100).ToString("D2", CultureInfo.InvariantCulture), id.AsSpan(16, 1));
        return first17 + IdNumber.CheckCharOf(first17);
    }
}
