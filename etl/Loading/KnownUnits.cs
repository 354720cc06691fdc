using Analytics.Etl.Extracts;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>The unit codes in the warehouse's org register when a file starts loading.</summary>
internal sealed class KnownUnits : IKnownUnits
{
    public static readonly KnownUnits None = new([]);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private KnownUnits(HashSet<string> codes) => lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryGet(ReadOnlySpan<char> code, out string known) => lookup.TryGetValue(code, out known!);

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
