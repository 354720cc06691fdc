using Analytics.Etl.Extracts;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>The steps around the generic merge that only one kind has.</summary>
internal static class KindRules
{
    public static int Merge(DuckDBConnection connection, ExtractKind kind)
    {
        if (kind == ExtractKind.OrgUnits) QuarantineUnknownParents(connection);
        var loaded = StageMerges.For(kind).Run(connection);
        if (loaded == 0) return 0;
        if (kind == ExtractKind.OrgUnits)
            connection.Execute("""
                INSERT INTO org_unit_history
                SELECT code, name, kind, level, parent_code, district_code, established, abolished, (SELECT load_id FROM stage_load)
                FROM stage_org_unit
                """);
        if (kind == ExtractKind.Roster)
            connection.Execute("""
                DELETE FROM roster_snapshot WHERE as_of IN (SELECT as_of FROM stage_roster);
                INSERT INTO roster_snapshot
                SELECT as_of, l.load_id, l.file_name, count(*)::INTEGER FROM stage_roster, stage_load l GROUP BY ALL;
                """);
        return loaded;
    }

    /// <summary>
    /// A parent must be a known unit: in the register already or a good row of this file. A row whose parent is
    /// itself bad becomes bad too, so repeat until nothing changes.
    /// </summary>
    private static void QuarantineUnknownParents(DuckDBConnection connection)
    {
        const string orphan = """
            parent_code IS NOT NULL
            AND parent_code NOT IN (SELECT code FROM org_unit)
            AND parent_code NOT IN (SELECT code FROM stage_org_unit)
            """;
        while (Convert.ToInt64(connection.Scalar($"SELECT count(*) FROM stage_org_unit WHERE {orphan}")) > 0)
        {
            connection.Execute($"""
                INSERT INTO stage_problem
                SELECT line_number, '上级代码',
                       '上级代码 ' || parent_code || ' 不是已知单位：名录中没有它，本文件中也没有它的有效行',
                       'parent code ' || parent_code || ' is not a known unit: it is not in the register, nor a good row of this file'
                FROM stage_org_unit WHERE {orphan};
                DELETE FROM stage_org_unit WHERE {orphan};
                """);
        }
    }
}
