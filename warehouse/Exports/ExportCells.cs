using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Warehouse.Exports;

/// <summary>
/// The one rule for every cell the product exports (CSV and XLSX): a text cell that a spreadsheet could take for a
/// formula — it starts with <c>= + - @</c>, a tab or a carriage return (OWASP's list; also their full-width forms and
/// MiniExcel's <c>$=</c> formula marker) — is written with a leading apostrophe, so it shows as the text it is.
/// Numbers stay numbers: a number value is never touched, and a text that is exactly a plain number (<c>-3</c>,
/// <c>1.5</c>) is left as it is, since a spreadsheet reads it as that number and nothing else.
/// </summary>
public static partial class ExportCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    /// <summary>The text, with a leading apostrophe when a spreadsheet would otherwise read it as a formula.</summary>
    public static string Neutralise(string text)
    {
        if (text.Length == 0) return text;
        var risky = Array.IndexOf(FormulaStarts, text[0]) >= 0 || text.StartsWith("$=", StringComparison.Ordinal);
        return risky && !PlainNumber().IsMatch(text) ? "'" + text : text;
    }

    /// <summary>Whether the value is a number (written as a number, never neutralised).</summary>
    public static bool IsNumber(object? value) => value is byte or sbyte or short or ushort or int or uint or long or ulong
        or float or double or decimal or Half or BigInteger or Int128 or UInt128;

    /// <summary>
    /// The value as an XLSX cell: numbers, booleans and dates as themselves (a DateOnly as a DateTime), anything else as
    /// its text (<see cref="Text"/>), neutralised.
    /// </summary>
    public static object? Safe(object? value) => value switch
    {
        null or DBNull => null,
        bool or DateTime => value,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ when IsNumber(value) => value,
        _ => Neutralise(Text(value)),
    };

    /// <summary>The value as one CSV field: the text of numbers, booleans and dates as it is, any other text neutralised.</summary>
    public static string CsvField(object? value) =>
        value is null or DBNull or bool or DateTime or DateOnly || IsNumber(value) ? Text(value) : Neutralise(Text(value));

    /// <summary>
    /// The one text form of a warehouse value: invariant numbers, dates as yyyy-MM-dd (and HH:mm:ss when there is a
    /// time), lists as [a, b], structs as {'k': v}, maps as {k=v}, blobs as \x.. hex; NULL as the empty text.
    /// </summary>
    public static string Text(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => "\\x" + Convert.ToHexString(bytes),
        IDictionary map => Composite(map),
        IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Select(Nested)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A STRUCT (string keys) as {'k': v}; a MAP as {k=v}, as DuckDB prints them.</summary>
    private static string Composite(IDictionary map)
    {
        var isStruct = map.GetType().IsGenericType && map.GetType().GetGenericArguments()[0] == typeof(string)
            && map.GetType().GetGenericArguments()[1] == typeof(object);
        var text = new StringBuilder("{");
        var first = true;
        foreach (DictionaryEntry entry in map)
        {
            if (!first) text.Append(", ");
            first = false;
            text.Append(isStruct ? $"'{entry.Key}': {Nested(entry.Value)}" : $"{Nested(entry.Key)}={Nested(entry.Value)}");
        }
        return text.Append('}').ToString();
    }

    private static string Nested(object? value) => value is null or DBNull ? "NULL" : Text(value);
}
