using System.Globalization;
using Analytics.Etl.Cli;
using Analytics.Etl.Forecasting;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Tests.Forecasting;

/// <summary>
/// End to end on a real warehouse file: the 060 macros read the unit × half-year history from the metric building
/// blocks (the 2026-06-30 point is a half-year with six-month flows), the --history-until cut, the stored run the
/// nightly refresh and the façade share, and the CLI's long export.
/// </summary>
public sealed class ForecastWarehouseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forecast-warehouse-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private WarehouseDatabase Seeded()
    {
        var db = new WarehouseDatabase(new WarehouseOptions { Path = Path.Combine(_folder, "w.duckdb") });
        using var connection = db.Open();
        Seed(connection);
        Analytics.Warehouse.Facts.SnapshotFacts.RebuildAll(connection);
        return db;
    }

    [Fact]
    public void The_history_has_one_point_per_half_year_and_classifies_each_gain_and_loss_person_by_person()
    {
        using var connection = Seeded().Open();
        var h = ForecastHistoryReader.Read(connection, new DateOnly(9999, 12, 31), HalfYears.Of(2027, 2));

        // 2026-03-31 and 2026-06-30 fall in one half-year: its point is the later snapshot.
        Assert.Equal([4050, 4051, 4052], h.HalfYears);
        Assert.Equal(new DateOnly(2026, 6, 30), h.DataVintage);
        var (c1, c2, c3) = (Unit(h, "510104001001"), Unit(h, "510104001002"), Unit(h, "510104001003"));
        Assert.Equal([2, 1, 0], c1.Qualified);
        Assert.Equal([0, 1, 2], c2.Qualified);
        Assert.Equal([0, 1, 1], c3.Qualified);
        Assert.Equal([0, 1, 0], c1.Lapses);          // p4's part-time limit passed in 2025-H2
        Assert.Equal([1, 0, 0], c1.PartTimeExpiring); // ... which the 2025-06-30 point saw coming
        Assert.Equal([0, 0, 1], c1.Leavers);         // p1 left in 2026-H1 (a six-month flow)
        Assert.Equal([0, 1, 1], c2.PostGains);       // p5 converted onto a professional post, then p2 was hired
        Assert.Equal([1, 0, 0], c2.ConversionPool);
        Assert.Equal([0, 1, 0], c3.OtherGains);      // p3 passed the exam: no post needed
        Assert.Equal([1, 0, 0], c3.UncertifiedHolders);
        var district = Assert.Single(h.Districts);
        Assert.Equal([3, 4, 4], district.ProfessionalPosts);
        Assert.Equal(3, district.ApprovedByYear[2025]);
        Assert.Null(district.ApprovedByYear[2026]);
        Assert.Equal(3, district.RecentApprovals(2026)); // 2026 is not approved yet: left out, not a zero
        // The register's merger: 510104001003 is abolished from 2027-01-01.
        Assert.Equal(3, h.UnitsAt(HalfYears.Of(2026, 2)).Count());
        Assert.Equal(2, h.UnitsAt(HalfYears.Of(2027, 1)).Count());
    }

    [Fact]
    public void History_until_a_date_cuts_the_snapshots_and_the_approvals_of_later_years()
    {
        using var connection = Seeded().Open();
        var cut = ForecastHistoryReader.Read(connection, new DateOnly(2025, 12, 31), HalfYears.Of(2027, 2));
        Assert.Equal([4050, 4051], cut.HalfYears);
        Assert.Equal(new DateOnly(2025, 12, 31), cut.DataVintage);
        Assert.False(cut.Districts[0].ApprovedByYear.ContainsKey(2026));
        Assert.Equal([2, 1], Unit(cut, "510104001001").Qualified);

        // The same cut applied in memory to the full history gives the same points.
        var full = ForecastHistoryReader.Read(connection, new DateOnly(9999, 12, 31), HalfYears.Of(2027, 2)).Through(4051);
        Assert.Equal(cut.HalfYears, full.HalfYears);
        Assert.Equal(Unit(cut, "510104001002").Qualified, Unit(full, "510104001002").Qualified);
    }

    [Fact]
    public void The_nightly_refresh_and_the_facade_read_the_same_stored_forecast()
    {
        var db = Seeded();
        var forecasts = new GapForecasts(db, TimeProvider.System);
        var first = forecasts.Forecast();
        Assert.Equal(first.RunAt, forecasts.Forecast().RunAt); // stored once, read back
        using (var connection = db.Open())
            new ForecastNightlyRefresh(TimeProvider.System).Refresh(connection, CancellationToken.None);
        var after = forecasts.Forecast();
        Assert.True(after.RunAt > first.RunAt, "the page reads the nightly run");
        Assert.Equal(first.Points.Select(p => (p.DistrictCode, p.AsOf, p.GapPosts)), after.Points.Select(p => (p.DistrictCode, p.AsOf, p.GapPosts)));
        Assert.Equal(new DateOnly(2026, 12, 31), after.Points[0].AsOf);
        Assert.Contains(after.Points, p => p.DistrictCode == "510100");
        Assert.Equal(2027, after.DefaultTargetYear); // the end of the next plan year

        var scenario = new ScenarioAssumptions(new Dictionary<string, int> { ["510104"] = 5 }, 0.1, -0.2);
        forecasts.SaveScenario("扩岗", scenario);
        Assert.True(forecasts.Resolve("扩岗").Assumptions.SameAs(scenario));
        Assert.Throws<KeyNotFoundException>(() => forecasts.Resolve("没有"));
    }

    [Fact]
    public void Projections_and_plans_are_computed_once_per_fitted_model_and_question_and_again_after_a_data_change()
    {
        var db = Seeded();
        var forecasts = new GapForecasts(db, TimeProvider.System);
        var baseline = forecasts.Compare(ScenarioAssumptions.Baseline);
        Assert.Same(baseline, forecasts.Compare(new ScenarioAssumptions(new Dictionary<string, int>(), 0, 0)));
        var more = forecasts.Compare(ScenarioAssumptions.Baseline with { PostsApprovedPerYear = new Dictionary<string, int> { ["510104"] = 9 } });
        Assert.NotSame(baseline, more);
        var plan = forecasts.Plan(ScenarioAssumptions.Baseline, GapForecasts.BaselineName);
        Assert.Same(plan, forecasts.Plan(ScenarioAssumptions.Baseline, GapForecasts.BaselineName));
        Assert.NotSame(plan, forecasts.Plan(ScenarioAssumptions.Baseline, GapForecasts.BaselineName, district: "510104"));

        using (var connection = db.Open())
        {
            Exec(connection, "INSERT INTO roster_snapshot VALUES (DATE '2026-09-30', 1, 'r', 0)");
            Analytics.Warehouse.Facts.SnapshotFacts.RebuildAll(connection);
        }
        Assert.NotSame(baseline, forecasts.Compare(ScenarioAssumptions.Baseline)); // a new fit, answered afresh
    }

    [Fact]
    public void The_cli_writes_the_long_forecast_from_the_data_up_to_the_cut()
    {
        var db = Seeded();
        var file = Path.Combine(_folder, "F.csv");
        var exit = CliApp.Root().Parse(["forecast", "--db", db.FullPath, "--layout", "long", "--out", file, "--history-until", "2025-12-31"]).Invoke();
        Assert.Equal(CliHost.Ok, exit);
        var lines = File.ReadAllLines(file);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        foreach (var column in new[] { "district_code", "as_of", "qualified_posts", "qualified_lo80", "qualified_hi80", "gap_posts", "gap_lo80", "gap_hi80", "method" })
            Assert.Contains(column, header);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var asOf = Array.IndexOf(header, "as_of");
        Assert.Equal("2026-06-30", rows.Select(r => r[asOf]).Min());
        Assert.Contains(rows, r => r[0] == "510100");
        Assert.Equal("2025-12-31", rows[0][Array.IndexOf(header, "data_vintage")]);
    }

    private static UnitHistory Unit(ForecastHistory h, string code) => h.Units.Single(u => u.Code == code);

    private static void Seed(DuckDBConnection c)
    {
        Exec(c, """
            INSERT INTO org_unit (code, name, kind, level, parent_code, district_code, established, abolished, load_id) VALUES
              ('510104', '锦江区', '区', 'district', NULL, '510104', NULL, NULL, 1),
              ('510104001', '督院街街道', '街道', 'town', '510104', '510104', NULL, NULL, 1),
              ('510104001001', '一社区', '社区', 'community', '510104001', '510104', NULL, NULL, 1),
              ('510104001002', '二社区', '社区', 'community', '510104001', '510104', NULL, NULL, 1),
              ('510104001003', '三社区', '社区', 'community', '510104001', '510104', NULL, DATE '2027-01-01', 1);
            INSERT INTO roster_snapshot VALUES (DATE '2025-06-30', 1, 'r', 0), (DATE '2025-12-31', 1, 'r', 0),
              (DATE '2026-03-31', 1, 'r', 0), (DATE '2026-06-30', 1, 'r', 0);
            INSERT INTO exam_result VALUES
              ('p1', 2019, '社工员', 1, true, 'C1', DATE '2019-10-01', 1, 1),
              ('p2', 2024, '社工员', 1, true, 'C2', DATE '2024-10-01', 1, 2),
              ('p3', 2025, '社工员', 1, true, 'C3', DATE '2025-10-01', 1, 3),
              ('p4', 2020, '社工员', 1, true, 'C4', DATE '2020-10-01', 1, 4);
            INSERT INTO post_quota VALUES (2025, '510104', 4, 3, 1, 1), (2026, '510104', 2, NULL, 1, 2);
            """);
        // (person, unit, post category, employment, part-time since, hired, left, education, major, snapshots listed in)
        (string P, string Unit, string Post, string Emp, string? Pts, string Hired, string? Left, string Edu, string? Major, string[] In)[] rows =
        [
            ("p1", "510104001001", "社会工作专业岗位", "专职", null, "2015-01-01", null, "本科", null, ["2025-06-30", "2025-12-31", "2026-03-31"]),
            ("p1", "510104001001", "社会工作专业岗位", "专职", null, "2015-01-01", "2026-05-01", "本科", null, ["2026-06-30"]),
            ("p2", "510104001002", "社会工作专业岗位", "专职", null, "2026-02-01", null, "本科", null, ["2026-03-31", "2026-06-30"]),
            ("p3", "510104001003", "社会工作专业岗位", "专职", null, "2018-01-01", null, "高中及以下", null, ["2025-06-30", "2025-12-31", "2026-03-31", "2026-06-30"]),
            ("p4", "510104001001", "社会工作专业岗位", "兼职", "2023-09-01", "2019-01-01", null, "本科", null, ["2025-06-30", "2025-12-31", "2026-03-31", "2026-06-30"]),
            ("p5", "510104001002", "社区专职工作者", "专职", null, "2020-01-01", null, "本科", "社会工作", ["2025-06-30"]),
            ("p5", "510104001002", "社会工作专业岗位", "专职", null, "2020-01-01", null, "本科", "社会工作", ["2025-12-31", "2026-03-31", "2026-06-30"]),
        ];
        foreach (var r in rows)
            foreach (var asOf in r.In)
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = "INSERT INTO roster_entry (as_of, person_key, unit_code, post_category, employment, part_time_since, hired, left_on, talent_source, education, major, salary_supplement, load_id, line_number) VALUES ($as_of, $p, $unit, $post, $emp, $pts, $hired, $left, '其他', $edu, $major, NULL, 1, 1)";
                cmd.Parameters.Add(new DuckDBParameter("as_of", DateOnly.Parse(asOf, CultureInfo.InvariantCulture)));
                cmd.Parameters.Add(new DuckDBParameter("p", r.P));
                cmd.Parameters.Add(new DuckDBParameter("unit", r.Unit));
                cmd.Parameters.Add(new DuckDBParameter("post", r.Post));
                cmd.Parameters.Add(new DuckDBParameter("emp", r.Emp));
                cmd.Parameters.Add(new DuckDBParameter("pts", r.Pts is null ? null : DateOnly.Parse(r.Pts, CultureInfo.InvariantCulture)));
                cmd.Parameters.Add(new DuckDBParameter("hired", DateOnly.Parse(r.Hired, CultureInfo.InvariantCulture)));
                cmd.Parameters.Add(new DuckDBParameter("left", r.Left is null ? null : DateOnly.Parse(r.Left, CultureInfo.InvariantCulture)));
                cmd.Parameters.Add(new DuckDBParameter("edu", r.Edu));
                cmd.Parameters.Add(new DuckDBParameter("major", r.Major));
                cmd.ExecuteNonQuery();
            }
    }

    private static void Exec(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
