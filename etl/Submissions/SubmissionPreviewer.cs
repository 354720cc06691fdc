using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;
using Analytics.Etl.Loading;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Submissions;

/// <summary>One problem row of a preview: worksheet row / CSV line, column, reason.</summary>
public sealed record PreviewProblem(int Line, string? Column, string ReasonZh, string ReasonEn);

/// <summary>What a replacing roster changes in one unit: people added, removed, and kept with changed figures.</summary>
public sealed record UnitChange(string UnitCode, int Added, int Removed, int Changed);

/// <summary>What a file is before anything is committed: kind, 统计日期, rows, districts, every problem row, and for a
/// roster of a date already loaded, what it changes per unit. <see cref="RefusedZh"/> set: the whole file is refused.</summary>
public sealed record SubmissionPreview(
    string FileName, string? KindCode, string? KindName, DateOnly? AsOf, int Rows, int GoodRows, IReadOnlyList<string> Districts,
    IReadOnlyList<PreviewProblem> Problems, string? RefusedZh, string? RefusedEn, bool ReplacesSnapshot, IReadOnlyList<UnitChange> Changes)
{
    /// <summary>Rows of another district than the clerk's: listed as problems, quarantined by the load (SubmittedDistrict).</summary>
    public int OtherDistrictRows { get; init; }

    public bool MaySubmit => RefusedZh is null && GoodRows > 0;
}

/// <summary>
/// The dry run of a load: the file is read and validated by the loader's own ExtractFile and kind rules against the
/// warehouse's org register, nothing is written. Rows of another district than the clerk's are problems too.
/// </summary>
public sealed class SubmissionPreviewer(WarehouseDatabase warehouse, PersonKeyHasher hasher, TimeProvider clock)
{
    public SubmissionPreview Preview(string path, string fileName, string? clerkDistrict)
    {
        KnownUnits units;
        using (var connection = warehouse.Open()) units = KnownUnits.From(connection);
        try
        {
            using var file = ExtractFile.Open(path, units, clock);
            var sink = new PreviewSink(clerkDistrict);
            file.Kind.AppendRows(file, sink);
            // A district clerk's roster replaces only that district's part of the snapshot (the load does the same).
            var changes = sink.AsOf is { } asOf && file.Kind == ExtractKinds.Roster ? RosterChanges(asOf, sink.Roster, clerkDistrict) : null;
            return new SubmissionPreview(fileName, file.Kind.Code, file.Kind.ChineseName, sink.AsOf, sink.Rows, sink.Good,
                [.. sink.Districts.Order(StringComparer.Ordinal)], sink.Problems, null, null, changes is not null, changes ?? [])
            {
                OtherDistrictRows = sink.OtherDistrict,
            };
        }
        catch (ExtractRefusedException e)
        {
            return new SubmissionPreview(fileName, null, null, null, 0, 0, [], [], e.ReasonZh, e.ReasonEn, false, []);
        }
    }

    /// <summary>Per unit, against the loaded snapshot of the same 统计日期: people added, removed, changed (post, employment,
    /// education, supplement or dates). Null when no snapshot of that date is loaded (for a district clerk: no rows of
    /// their district in it).</summary>
    private IReadOnlyList<UnitChange>? RosterChanges(DateOnly asOf, IReadOnlyList<RosterRow> rows, string? district)
    {
        var old = new List<(string Key, string Unit, string Figures)>();
        using (var connection = warehouse.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT person_key, unit_code, concat_ws('|', post_category, employment, education, salary_supplement, hired, part_time_since, left_on) AS figures
                FROM roster_entry WHERE as_of = $as_of AND ($district IS NULL OR starts_with(unit_code, $district))
                """;
            command.Parameters.Add(new DuckDBParameter("as_of", asOf));
            command.Parameters.Add(new DuckDBParameter("district", district));
            using var reader = command.ExecuteReader();
            while (reader.Read()) old.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        if (old.Count == 0) return null;
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var now = rows.Select(r => (Key: hasher.KeyOf(r.IdNumber), Unit: r.UnitCode,
            Figures: string.Join('|', new[] { r.PostCategory, r.Employment, r.Education, r.SalarySupplement?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Day(r.Hired), Day(r.PartTimeSince), Day(r.Left) }.Where(s => s.Length > 0)))).ToList();
        var before = old.ToDictionary(o => (o.Key, o.Unit));
        var after = now.ToDictionary(n => (n.Key, n.Unit));
        return before.Keys.Concat(after.Keys).Select(k => k.Unit).Distinct().Order(StringComparer.Ordinal).Select(unit => new UnitChange(unit,
                after.Keys.Count(k => k.Unit == unit && !before.ContainsKey(k)),
                before.Keys.Count(k => k.Unit == unit && !after.ContainsKey(k)),
                after.Count(a => a.Key.Unit == unit && before.TryGetValue(a.Key, out var b) && b.Figures != a.Value.Figures)))
            .Where(c => c.Added + c.Removed + c.Changed > 0).ToList();
    }

    /// <summary>Counts and collects the validated rows of any kind (the loader's IRowSink, without a warehouse).</summary>
    private sealed class PreviewSink(string? clerkDistrict) : IRowSink
    {
        public int Rows, Good, OtherDistrict;
        public DateOnly? AsOf;
        public readonly HashSet<string> Districts = [];
        public readonly List<PreviewProblem> Problems = [];
        public readonly List<RosterRow> Roster = [];

        public void Append<TRow>(ExtractKind<TRow> kind, IEnumerable<RowOutcome<TRow>> rows)
            where TRow : class
        {
            foreach (var outcome in rows)
            {
                Rows++;
                foreach (var p in outcome.Problems) Problems.Add(new PreviewProblem(outcome.LineNumber, p.Column, p.ReasonZh, p.ReasonEn));
                if (!outcome.IsGood) continue;
                var unit = outcome.Row switch
                {
                    RosterRow r => r.UnitCode, AppraisalRow a => a.AssessorCode, PostQuotaRow q => q.UnitCode, DemoSiteRow d => d.UnitCode, OrgUnitRow o => o.Code,
                    _ => null,
                };
                if (outcome.Row is RosterRow roster) AsOf ??= roster.AsOf;
                var district = unit is { Length: >= 6 } ? unit[..6] : null;
                if (clerkDistrict is not null && district is not null && district != clerkDistrict)
                {
                    OtherDistrict++;
                    Problems.Add(new PreviewProblem(outcome.LineNumber, null,
                        $"本行的单位 {unit} 属于区(市)县 {district}，不是您所在的 {clerkDistrict}：只能报送本区(市)县的数据，本行不会导入。",
                        $"This row's unit {unit} belongs to district {district}, not yours ({clerkDistrict}): only your own district's rows are loaded."));
                    continue;
                }
                if (district is not null) Districts.Add(district);
                if (outcome.Row is RosterRow kept) Roster.Add(kept);
                Good++;
            }
        }
    }
}
