using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Submissions;

/// <summary>The "Submissions" section: the roster month every district owes (yyyy-MM) and its deadline.</summary>
internal sealed class SubmissionPeriodOptions
{
    public const string Section = "Submissions";

    /// <summary>The month of the roster due, e.g. 2026-12 (a roster whose 统计日期 falls in that month counts).</summary>
    [Required, RegularExpression("^[0-9]{4}-(0[1-9]|1[0-2])$")] public string Period { get; set; } = "2026-12";

    /// <summary>The day by which it is due (after it, a district without it is overdue).</summary>
    [Required] public DateOnly Deadline { get; set; } = new(2027, 1, 10);

    public DateOnly PeriodStart => DateOnly.ParseExact(Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One district's line: latest roster date received, whether this period's roster is in, problem rows of its submissions.</summary>
public sealed record DistrictSubmission(string DistrictCode, string DistrictName, DateOnly? LatestRoster, string Status, long QuarantinedRows);

/// <summary>Per district: the latest roster 统计日期 among its units' roster rows, this period's status, and the
/// quarantine rows of the loads of its clerks' submissions.</summary>
internal sealed class SubmissionStatusQueries(WarehouseConnections warehouse, IOptions<SubmissionPeriodOptions> options, TimeProvider clock)
{
    public const string Received = "received", Missing = "missing", Overdue = "overdue";

    public SubmissionPeriodOptions Period => options.Value;

    public IReadOnlyList<DistrictSubmission> Districts()
    {
        var period = options.Value;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return warehouse.Query(
            """
            WITH d AS (SELECT code, name FROM org_unit WHERE level = 'district'),
            latest AS (SELECT o.district_code, max(e.as_of) AS as_of FROM roster_entry e JOIN org_unit o ON o.code = e.unit_code GROUP BY 1),
            bad AS (
                SELECT s.district_code, count(q.line_number) AS n FROM submission s
                JOIN load_run l ON l.sha256 = s.sha256 JOIN quarantine q ON q.load_id = l.load_id
                WHERE s.district_code IS NOT NULL GROUP BY 1)
            SELECT d.code, d.name, latest.as_of, coalesce(bad.n, 0) AS n
            FROM d LEFT JOIN latest ON latest.district_code = d.code LEFT JOIN bad ON bad.district_code = d.code
            ORDER BY d.code
            """,
            r => new DistrictSubmission(r.Text("code"), r.Text("name"), r.Date("as_of"),
                r.Date("as_of") is { } asOf && asOf >= period.PeriodStart ? Received : today > period.Deadline ? Overdue : Missing,
                r.Long("n")));
    }
}

internal static class SubmissionStatusHosting
{
    public static WebApplicationBuilder AddSubmissionStatus(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SubmissionPeriodOptions>().Bind(builder.Configuration.GetSection(SubmissionPeriodOptions.Section))
            .ValidateDataAnnotations().Validate(o => o.Deadline >= o.PeriodStart, "Submissions:Deadline must not be before the period").ValidateOnStart();
        builder.Services.AddSingleton<SubmissionStatusQueries>();
        return builder;
    }
}
