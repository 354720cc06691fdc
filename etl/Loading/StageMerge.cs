using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>How rows sharing a natural key within one file are treated.</summary>
internal enum DuplicatePolicy
{
    /// <summary>Every row of a repeated key is bad (a person twice in one roster, a code twice in a register).</summary>
    AllBad,
    /// <summary>Identical rows count once; rows that disagree are all bad (exam results and the like).</summary>
    IdenticalOnce,
}

/// <summary>
/// Moves one file's staged good rows into the warehouse table: settles duplicates by natural key, replaces what the
/// file supersedes, inserts, and records the people it names. Table and column names are fixed identifiers from
/// <see cref="StageMerges"/>; no value is ever spliced into the SQL.
/// </summary>
internal sealed record StageMerge(
    string Stage,
    string Target,
    string[] Key,
    string[] ReplaceBy,
    string[] Columns,
    DuplicatePolicy Policy,
    string KeyLabelZh,
    string KeyLabelEn,
    bool NamesPeople,
    string? KeyColumnZh = null)
{
    private string KeyMatch(string a, string b, IEnumerable<string> columns) =>
        string.Join(" AND ", columns.Select(c => $"{a}.{c} IS NOT DISTINCT FROM {b}.{c}"));

    private string KeyList => string.Join(", ", Key);

    /// <summary>Runs the merge; returns the number of rows loaded.</summary>
    public int Run(DuckDBConnection connection)
    {
        SettleDuplicates(connection);
        var loaded = Convert.ToInt32(connection.Scalar($"SELECT count(*) FROM {Stage}"));
        if (loaded == 0) return 0;
        connection.Execute($"DELETE FROM {Target} t WHERE EXISTS (SELECT 1 FROM {Stage} s WHERE {KeyMatch("s", "t", ReplaceBy)})");
        var values = string.Join(", ", Columns.Select(c => c == "load_id" ? "(SELECT load_id FROM stage_load)" : c));
        connection.Execute($"INSERT INTO {Target} ({string.Join(", ", Columns)}) SELECT {values} FROM {Stage}");
        if (NamesPeople) RecordPeople(connection);
        return loaded;
    }

    private void SettleDuplicates(DuckDBConnection connection)
    {
        var fingerprint = string.Join(", ", Columns.Where(c => c is not "load_id" and not "line_number"));
        var clash = Policy == DuplicatePolicy.AllBad ? "count(*) > 1"
            : $"min(CAST(ROW({fingerprint}) AS VARCHAR)) <> max(CAST(ROW({fingerprint}) AS VARCHAR))";
        // Find the clashing keys with plain aggregates (they spill to disk under a memory limit), then list the lines
        // of those few keys only: an ordered string_agg over the whole file cannot spill.
        connection.Execute($"CREATE OR REPLACE TEMP TABLE stage_clash_key AS SELECT {KeyList} FROM {Stage} GROUP BY {KeyList} HAVING {clash}");
        connection.Execute($"""
            CREATE OR REPLACE TEMP TABLE stage_clash AS
            SELECT {KeyList}, string_agg(line_number::VARCHAR, ', ' ORDER BY line_number) AS lines
            FROM {Stage} s SEMI JOIN stage_clash_key k ON {KeyMatch("s", "k", Key)} GROUP BY ALL
            """);
        var (zh, en) = Policy == DuplicatePolicy.AllBad
            ? ($"'{KeyLabelZh}在本文件中重复出现（第 ' || c.lines || ' 行），每个只能有一行，请删去多余的行'",
               $"'the same {KeyLabelEn} appears more than once in this file (lines ' || c.lines || '); keep exactly one row'")
            : ($"'同一{KeyLabelZh}有内容不一致的多行（第 ' || c.lines || ' 行），请核对后只保留正确的一行'",
               $"'rows for the same {KeyLabelEn} disagree (lines ' || c.lines || '); check them and keep the correct one'");
        connection.Execute($"""
            INSERT INTO stage_problem
            SELECT s.line_number, {(KeyColumnZh is null ? "NULL" : $"'{KeyColumnZh}'")}, {zh}, {en}
            FROM {Stage} s JOIN stage_clash c ON {KeyMatch("s", "c", Key)}
            """);
        connection.Execute($"DELETE FROM {Stage} s WHERE EXISTS (SELECT 1 FROM stage_clash c WHERE {KeyMatch("s", "c", Key)})");
        if (Policy == DuplicatePolicy.IdenticalOnce)
        {
            connection.Execute($"""
                DELETE FROM {Stage} s WHERE EXISTS (
                    SELECT 1 FROM (SELECT {KeyList}, min(line_number) AS first FROM {Stage} GROUP BY {KeyList} HAVING count(*) > 1) f
                    WHERE {KeyMatch("s", "f", Key)} AND f.first < s.line_number)
                """);
        }
    }

    private void RecordPeople(DuckDBConnection connection)
    {
        connection.Execute($"DELETE FROM person WHERE person_key IN (SELECT person_key FROM {Stage})");
        connection.Execute($"""
            INSERT INTO person
            SELECT s.person_key, s.id_masked, s.name, s.name_masked, s.gender, s.birth_date, (SELECT load_id FROM stage_load)
            FROM {Stage} s SEMI JOIN (SELECT person_key, max(line_number) AS line_number FROM {Stage} GROUP BY person_key) l
                ON s.person_key = l.person_key AND s.line_number = l.line_number
            """);
    }
}
