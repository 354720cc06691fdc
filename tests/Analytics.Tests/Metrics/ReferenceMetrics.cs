using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Analytics.Tests.Metrics;

/// <summary>
/// The metric macros as they were before the snapshot facts (Reference/*.sql: a copy of warehouse/Metrics 010..050,
/// defined over the raw tables only), installed beside the live ones with every macro renamed ref_NAME, so one query
/// can compare the two definitions on the same data.
/// </summary>
internal static partial class ReferenceMetrics
{
    public const string Prefix = "ref_";

    [GeneratedRegex(@"CREATE OR REPLACE (?:MACRO|VIEW) (?<name>\w+)")]
    private static partial Regex Definition();

    public static void Install(DuckDBConnection connection)
    {
        var scripts = Scripts();
        var names = scripts.SelectMany(s => Definition().Matches(s).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal);
        // A macro is always followed by "(" where it is defined or called; a column of the same name never is.
        var call = new Regex(@"\b(?<name>" + string.Join("|", names) + @")\b(?=\s*\()|(?<=VIEW )(?<name>quota_summary)\b");
        foreach (var script in scripts)
        {
            using var command = connection.CreateCommand();
            command.CommandText = call.Replace(script, m => Prefix + m.Groups["name"].Value);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The reference macros under their own names: the metric SQL of a warehouse written before the facts.</summary>
    public static void InstallUnderTheirOwnNames(DuckDBConnection connection)
    {
        foreach (var script in Scripts())
        {
            using var command = connection.CreateCommand();
            command.CommandText = script;
            command.ExecuteNonQuery();
        }
    }

    private static List<string> Scripts()
    {
        var assembly = typeof(ReferenceMetrics).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Reference/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return reader.ReadToEnd();
            })
            .ToList();
    }

    /// <summary>
    /// The rows one query returns and the other does not (either way, duplicates counted), at most 10, each as
    /// "new: ..." or "reference: ...". Both queries must return the same columns in the same order; both see the same
    /// $name parameters. A cheap checksum (row count and the sum of row hashes) is compared first; only when it differs
    /// (a real difference, or merely a column typed BIGINT on one side and HUGEINT on the other) are the rows compared.
    /// </summary>
    public static IReadOnlyList<string> Differences(DuckDBConnection connection, string live, string reference,
        params DuckDBParameter[] parameters)
    {
        const string checksum = "SELECT count(*) AS n, coalesce(sum(CAST(hash(*COLUMNS(*)) AS HUGEINT)), 0) AS h FROM ({0})";
        var sums = Strings(connection,
            $"SELECT CAST(l.n AS VARCHAR) || ' ' || CAST(l.h AS VARCHAR) || ' ' || CAST(r.n AS VARCHAR) || ' ' || CAST(r.h AS VARCHAR) " +
            $"FROM ({string.Format(CultureInfo.InvariantCulture, checksum, live)}) l, ({string.Format(CultureInfo.InvariantCulture, checksum, reference)}) r",
            Copies(parameters)).Single().Split(' ');
        if (sums[0] == sums[2] && sums[1] == sums[3]) return [];
        using var command = connection.CreateCommand();
        foreach (var parameter in Copies(parameters)) command.Parameters.Add(parameter);
        command.CommandText = $"""
            SELECT 'new' AS side, CAST(d AS VARCHAR) AS row_text FROM (({live}) EXCEPT ALL ({reference})) d
            UNION ALL
            SELECT 'reference', CAST(d AS VARCHAR) FROM (({reference}) EXCEPT ALL ({live})) d
            ORDER BY row_text, side
            LIMIT 10
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0) + ": " + reader.GetString(1));
        return rows;
    }

    private static DuckDBParameter[] Copies(DuckDBParameter[] parameters) =>
        parameters.Select(p => new DuckDBParameter(p.ParameterName, p.Value)).ToArray();

    /// <summary>The column names a query returns, in order.</summary>
    public static IReadOnlyList<string> Columns(DuckDBConnection connection, string query, params DuckDBParameter[] parameters)
    {
        using var command = connection.CreateCommand();
        foreach (var parameter in Copies(parameters)) command.Parameters.Add(parameter);
        command.CommandText = $"SELECT * FROM ({query}) LIMIT 0";
        using var reader = command.ExecuteReader();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }

    /// <summary>Rows of a one-column query as text.</summary>
    public static IReadOnlyList<string> Strings(DuckDBConnection connection, string query, params DuckDBParameter[] parameters)
    {
        using var command = connection.CreateCommand();
        foreach (var parameter in Copies(parameters)) command.Parameters.Add(parameter);
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return rows;
    }
}
