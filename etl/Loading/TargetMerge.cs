using Analytics.Etl.Extracts;

namespace Analytics.Etl.Loading;

/// <summary>
/// Settles one file's rows where they were appended: in the kind's target table, under the file's load_id, inside
/// the file's transaction (one copy, no staging table). Duplicates by natural key are quarantined (or counted once),
/// the rows the file supersedes are deleted, the people it names are brought up to date (<see cref="PeopleMerge"/>), and the kind's own steps
/// run. Table and column names come from the kind table; values are only ever bound ($load, $file).
/// </summary>
internal static class TargetMerge
{
    /// <summary>Runs the merge; returns the number of rows loaded.</summary>
    public static int Run(MergeContext merge, ExtractKind kind)
    {
        var target = kind.Target;
        kind.BeforeSettle(merge);
        var settled = SettleDuplicates(merge, kind);
        var loaded = (int)merge.Count($"SELECT count(*) FROM {target.Table} WHERE load_id = $load");
        if (kind.NamesPeople)
            PeopleMerge.Settle(merge, target.Table, settled || loaded == 0, target.Policy == DuplicatePolicy.AllBad && target.Key is ["person_key"]);
        if (loaded == 0) return 0;
        Replace(merge, target);
        kind.AfterReplace(merge);
        return loaded;
    }

    private static string Match(string a, string b, IEnumerable<string> columns) => string.Join(" AND ", columns.Select(c => $"{a}.{c} = {b}.{c}"));

    /// <summary>Quarantines the rows whose key clashes; for <see cref="DuplicatePolicy.IdenticalOnce"/> keeps the first of identical rows. True when rows were removed.</summary>
    private static bool SettleDuplicates(MergeContext merge, ExtractKind kind)
    {
        var t = kind.Target;
        var keys = string.Join(", ", t.Key);
        merge.Execute($"CREATE OR REPLACE TEMP TABLE load_dup_key AS SELECT {keys} FROM {t.Table} WHERE load_id = $load GROUP BY {keys} HAVING count(*) > 1");
        if (merge.Count("SELECT count(*) FROM load_dup_key") == 0) return false;
        if (t.Policy == DuplicatePolicy.AllBad)
        {
            merge.Execute("CREATE OR REPLACE TEMP TABLE load_clash_key AS SELECT * FROM load_dup_key");
        }
        else
        {
            // Rows of a repeated key disagree when some other column differs (or is NULL in some rows only).
            var others = kind.TargetShape.Select(c => c.Name).Where(c => !t.Key.Contains(c) && c is not ("load_id" or "line_number"));
            var differ = string.Join(" OR ", others.Select(c => $"min(s.{c}) IS DISTINCT FROM max(s.{c}) OR count(s.{c}) NOT IN (0, count(*))"));
            merge.Execute($"""
                CREATE OR REPLACE TEMP TABLE load_clash_key AS
                SELECT {string.Join(", ", t.Key.Select(k => "s." + k))} FROM {t.Table} s SEMI JOIN load_dup_key d ON {Match("s", "d", t.Key)}
                WHERE s.load_id = $load GROUP BY ALL HAVING {differ}
                """);
        }

        merge.Execute($"""
            CREATE OR REPLACE TEMP TABLE load_clash AS
            SELECT {string.Join(", ", t.Key.Select(k => "s." + k))}, string_agg(s.line_number::VARCHAR, ', ' ORDER BY s.line_number) AS lines
            FROM {t.Table} s SEMI JOIN load_clash_key k ON {Match("s", "k", t.Key)} WHERE s.load_id = $load GROUP BY ALL
            """);
        var (zh, en) = t.Policy == DuplicatePolicy.AllBad
            ? ($"'{t.KeyLabelZh}在本文件中重复出现（第 ' || c.lines || ' 行），每个只能有一行，请删去多余的行'",
               $"'the same {t.KeyLabelEn} appears more than once in this file (lines ' || c.lines || '); keep exactly one row'")
            : ($"'同一{t.KeyLabelZh}有内容不一致的多行（第 ' || c.lines || ' 行），请核对后只保留正确的一行'",
               $"'rows for the same {t.KeyLabelEn} disagree (lines ' || c.lines || '); check them and keep the correct one'");
        var column = t.KeyColumnZh is null ? "CAST(NULL AS VARCHAR)" : $"'{t.KeyColumnZh}'";
        merge.Quarantine($"SELECT s.line_number, {column}, {zh}, {en} FROM {t.Table} s JOIN load_clash c ON {Match("s", "c", t.Key)} WHERE s.load_id = $load");
        merge.Execute($"DELETE FROM {t.Table} s WHERE s.load_id = $load AND EXISTS (SELECT 1 FROM load_clash c WHERE {Match("s", "c", t.Key)})");
        if (t.Policy == DuplicatePolicy.IdenticalOnce)
        {
            merge.Execute($"""
                DELETE FROM {t.Table} s WHERE s.load_id = $load AND EXISTS (
                    SELECT 1 FROM (SELECT x.{string.Join(", x.", t.Key)}, min(x.line_number) AS first
                                   FROM {t.Table} x SEMI JOIN load_dup_key d ON {Match("x", "d", t.Key)} WHERE x.load_id = $load GROUP BY ALL) f
                    WHERE {Match("s", "f", t.Key)} AND f.first < s.line_number)
                """);
        }

        return true;
    }

    /// <summary>
    /// Deletes the rows of earlier loads that this file supersedes (same replace-by values). A district clerk's file of a
    /// kind with a district column (the roster: one city-wide snapshot per 统计日期) supersedes only its own district's
    /// rows, so the 20 districts can each submit their part of the same snapshot.
    /// </summary>
    private static void Replace(MergeContext merge, KindTarget t) => merge.Execute($"""
        DELETE FROM {t.Table} t WHERE t.load_id <> $load AND EXISTS (
            SELECT 1 FROM (SELECT DISTINCT {string.Join(", ", t.ReplaceBy)} FROM {t.Table} WHERE load_id = $load) s
            WHERE {Match("s", "t", t.ReplaceBy)})
        {(merge.District is not null && t.DistrictColumn is { } column ? $"AND starts_with(t.{column}, $district)" : "")}
        """);
}
