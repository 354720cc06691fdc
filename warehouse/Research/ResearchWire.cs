using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Analytics.Warehouse.Exports;

namespace Analytics.Warehouse.Research;

/// <summary>What the parent asks the query process to run.</summary>
internal sealed record ResearchWorkerRequest(string ResearchPath, string Sql, int MaxRows, string MemoryLimit, int Threads);

/// <summary>
/// The query process's answer on its standard output, one JSON document per line: a "columns" line, one array per row,
/// then an "end" line (or an "error" line). Values keep their type: each column says its .NET type, and nested values
/// (LIST, STRUCT, MAP) travel as their text.
/// </summary>
internal static class ResearchWire
{
    private static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal), typeof(BigInteger), typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset),
        typeof(TimeOnly), typeof(Guid), typeof(string),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The type a column travels as: its own when the wire keeps it, else string (its text).</summary>
    public static Type WireType(Type clr) => Types.TryGetValue(clr.Name, out var t) && t == clr ? clr : typeof(string);

    public static Type TypeNamed(string name) => Types.TryGetValue(name, out var t) ? t : typeof(string);

    public static void WriteValue(Utf8JsonWriter json, object? value, Type wireType)
    {
        switch (value)
        {
            case null or DBNull: json.WriteNullValue(); return;
            case bool b: json.WriteBooleanValue(b); return;
            case byte or sbyte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); return;
            case ulong u: json.WriteNumberValue(u); return;
            case float or double:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsFinite(d)) json.WriteNumberValue(d); else json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                return;
            case decimal m: json.WriteStringValue(m.ToString(CultureInfo.InvariantCulture)); return;
            case BigInteger big: json.WriteStringValue(big.ToString(CultureInfo.InvariantCulture)); return;
            case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); return;
            case DateTime time: json.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture)); return;
            case DateTimeOffset offset: json.WriteStringValue(offset.ToString("O", CultureInfo.InvariantCulture)); return;
            case TimeOnly clock: json.WriteStringValue(clock.ToString("O", CultureInfo.InvariantCulture)); return;
            case Stream blob:
                using (var copy = new MemoryStream()) { blob.CopyTo(copy); json.WriteStringValue(ExportCells.Text(copy.ToArray())); }
                return;
            default:
                json.WriteStringValue(wireType == typeof(string) ? ExportCells.Text(value) : Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }

    public static object? ReadValue(JsonElement element, Type type)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        if (type == typeof(string)) return element.GetString();
        if (type == typeof(bool)) return element.GetBoolean();
        if (type == typeof(double) || type == typeof(float))
        {
            var d = element.ValueKind == JsonValueKind.String ? double.Parse(element.GetString()!, CultureInfo.InvariantCulture) : element.GetDouble();
            return type == typeof(float) ? (float)d : d;
        }
        if (type == typeof(ulong)) return element.GetUInt64();
        if (type == typeof(long)) return element.GetInt64();
        if (type == typeof(int)) return element.GetInt32();
        if (type == typeof(short)) return element.GetInt16();
        if (type == typeof(sbyte)) return element.GetSByte();
        if (type == typeof(byte)) return element.GetByte();
        if (type == typeof(ushort)) return element.GetUInt16();
        if (type == typeof(uint)) return element.GetUInt32();
        var text = element.GetString()!;
        if (type == typeof(decimal)) return decimal.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(BigInteger)) return BigInteger.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(DateOnly)) return DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (type == typeof(DateTime)) return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        if (type == typeof(TimeOnly)) return TimeOnly.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(Guid)) return Guid.Parse(text);
        return text;
    }
}
