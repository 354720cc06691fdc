using Analytics.Etl.Forecasting;
using Analytics.Warehouse.Facts;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Tests.Forecasting;

/// <summary>End to end on a real warehouse file: the metric macros define qualified/certified; the reader classifies flows.</summary>
public sealed class ForecastHistoryReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forecast-history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Flows_AreClassifiedPersonByPerson_AndAddUpToTheChangeInQualifiedPosts()
    {
        var db = new WarehouseDatabase(new WarehouseOptions { Path = Path.Combine(_folder, "w.duckdb") });
        using (var connection = db.Open()) Seed(connection);

        List<DistrictSeries> history;
        using (var connection = db.Open()) history = ForecastHistoryReader.Read(connection, 2030);

        var d = Assert.Single(history);
        Assert.Equal(("510104", "锦江区", "区"), (d.DistrictCode, d.DistrictName, d.DistrictKind));
        Assert.Equal([2021, 2022, 2023, 2024], d.Years.Select(y => y.Year));
        Assert.Equal([2, 3, 3, 2], d.Years.Select(y => y.QualifiedPosts));
        Assert.All(d.Years, y => Assert.Equal(6, y.RequiredPosts));
        Assert.Equal(new PostFlows(1, 0, 0, 0, 0), d.Years[1].Flows);   // p2 hired
        Assert.Equal(new PostFlows(0, 1, 0, 0, 1), d.Years[2].Flows);   // p3 certified, p4's part-time expired
        Assert.Equal(new PostFlows(0, 0, 0, 1, 0), d.Years[3].Flows);   // p1 left
        for (var i = 1; i < d.Years.Count; i++)
            Assert.Equal(d.Years[i].QualifiedPosts - d.Years[i - 1].QualifiedPosts, d.Years[i].Flows.Net);
        Assert.Equal(2, d.Years[1].ApprovedPosts);
        Assert.Equal(0.0, d.Years[1].PassRate);
        Assert.Equal(1.0, d.Years[2].PassRate);
        // The register's known merger: 510104001003 is abolished from 2027-01-01.
        Assert.Equal(6, d.RequiredIn(2026));
        Assert.Equal(4, d.RequiredIn(2027));
        Assert.Equal(4, d.RequiredIn(2030));

        var service = new ForecastService(db, TimeProvider.System);
        var model = service.Fit();
        Assert.Null(model.Learner); // one district, four years: too little to learn from
        var plan = service.Plan(model, null, 2030);
        Assert.Contains("too short", model.Methods.Single().ReasonEn);
        Assert.Equal(4, plan.Rows.Single(r => r.DistrictCode == "510104" && r.Year == 2030).RequiredPosts);
    }

    private static void Seed(DuckDBConnection c)
    {
        Exec(c, """
            INSERT INTO org_unit VALUES
              ('510104', '锦江区', '区', 'district', NULL, '510104', NULL, NULL, 1),
              ('510104001', '督院街街道', '街道', 'town', '510104', '510104', NULL, NULL, 1),
              ('510104001001', '一社区', '社区', 'community', '510104001', '510104', NULL, NULL, 1),
              ('510104001002', '二社区', '社区', 'community', '510104001', '510104', NULL, NULL, 1),
              ('510104001003', '三社区', '社区', 'community', '510104001', '510104', NULL, DATE '2027-01-01', 1);
            INSERT INTO roster_snapshot VALUES (DATE '2021-12-31', 1, 'r', 0), (DATE '2022-12-31', 1, 'r', 0),
              (DATE '2023-12-31', 1, 'r', 0), (DATE '2024-12-31', 1, 'r', 0);
            INSERT INTO exam_result VALUES
              ('p1', 2019, '社工员', 1, true, 'C1', DATE '2019-10-01', 1, 1),
              ('p2', 2021, '社工员', 1, true, 'C2', DATE '2021-10-01', 1, 2),
              ('p3', 2022, '社工员', 1, false, NULL, NULL, 1, 3),
              ('p3', 2023, '社工员', 1, true, 'C3', DATE '2023-06-01', 1, 4),
              ('p4', 2020, '社工员', 1, true, 'C4', DATE '2020-10-01', 1, 5);
            INSERT INTO post_quota VALUES (2022, '510104001001', 3, 2, 1, 1);
            """);
        // p1 in post 2021-2023; p2 hired 2022; p3 uncertified until 2023; p4 part-time since 2021-03-01 (expires 2023-03-01).
        (string Person, string Unit, string Employment, string? PartTimeSince, string Hired, int From, int To)[] people =
        [
            ("p1", "510104001001", "专职", null, "2015-01-01", 2021, 2023),
            ("p2", "510104001002", "专职", null, "2022-05-01", 2022, 2024),
            ("p3", "510104001003", "专职", null, "2018-01-01", 2021, 2024),
            ("p4", "510104001001", "兼职", "2021-03-01", "2019-01-01", 2021, 2024),
        ];
        foreach (var p in people)
            for (var year = p.From; year <= p.To; year++)
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = """
                    INSERT INTO roster_entry VALUES ($as_of, $person, $unit, '社会工作专业岗位', $employment, $pts, $hired, NULL,
                        '其他', '本科', NULL, NULL, 1, 1)
                    """;
                cmd.Parameters.Add(new DuckDBParameter("as_of", new DateOnly(year, 12, 31)));
                cmd.Parameters.Add(new DuckDBParameter("person", p.Person));
                cmd.Parameters.Add(new DuckDBParameter("unit", p.Unit));
                cmd.Parameters.Add(new DuckDBParameter("employment", p.Employment));
                cmd.Parameters.Add(new DuckDBParameter("pts", p.PartTimeSince is null ? null : DateOnly.Parse(p.PartTimeSince)));
                cmd.Parameters.Add(new DuckDBParameter("hired", DateOnly.Parse(p.Hired)));
                cmd.ExecuteNonQuery();
            }
        SnapshotFacts.RebuildAll(c); // raw rows written by hand: build the facts a load would
    }

    private static void Exec(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
