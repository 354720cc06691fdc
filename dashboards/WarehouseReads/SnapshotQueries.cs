using DuckDB.NET.Data;

namespace Analytics.Dashboards.WarehouseReads;

/// <summary>A 区(市)县 of the organisation register.</summary>
public sealed record DistrictChoice(string Code, string Name);

/// <summary>The filter choices every page offers: roster snapshot dates and the districts.</summary>
internal sealed class SnapshotQueries(WarehouseConnections warehouse)
{
    /// <summary>Every roster snapshot date, latest first.</summary>
    public IReadOnlyList<DateOnly> SnapshotDates() =>
        warehouse.Query("SELECT DISTINCT as_of FROM roster_snapshot ORDER BY as_of DESC", r => r.Date("as_of")!.Value);

    /// <summary>The as-of date asked for, else the latest snapshot, else today's date by the given clock.</summary>
    public DateOnly ResolveAsOf(string? requested, TimeProvider clock)
    {
        if (DateOnly.TryParseExact(requested, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var asked))
            return asked;
        var latest = SnapshotDates();
        return latest.Count > 0 ? latest[0] : DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    }

    /// <summary>The 区(市)县 existing at the date (units_at), by code.</summary>
    public IReadOnlyList<DistrictChoice> Districts(DateOnly asOf) => warehouse.Query(
        "SELECT code, name FROM units_at($as_of) WHERE level = 'district' ORDER BY code",
        r => new DistrictChoice(r.Text("code"), r.Text("name")),
        new DuckDBParameter("as_of", asOf));

    /// <summary>The name and parent of any unit (null when the code is unknown).</summary>
    public OrgUnitName? Unit(string code) => warehouse.Single(
        "SELECT code, name, kind, level, parent_code, district_code FROM org_unit WHERE code = $code",
        r => new OrgUnitName(r.Text("code"), r.Text("name"), r.Text("kind"), r.Text("level"), r.TextOrNull("parent_code"), r.Text("district_code")),
        new DuckDBParameter("code", code));
}

internal sealed record OrgUnitName(string Code, string Name, string Kind, string Level, string? ParentCode, string DistrictCode);
