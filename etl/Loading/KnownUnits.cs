using Analytics.Etl.Extracts;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>The unit codes in the warehouse's org register when a file starts loading.</summary>
internal sealed class KnownUnits(HashSet<string> codes) : IKnownUnits
{
    public static readonly KnownUnits None = new([]);

    public bool Contains(string code) => codes.Contains(code);

    public static KnownUnits From(DuckDBConnection connection)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT code FROM org_unit";
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) codes.Add(reader.GetString(0));
        return new KnownUnits(codes);
    }
}
