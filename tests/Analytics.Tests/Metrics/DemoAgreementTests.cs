using Analytics.Tests.DemoData;
using Analytics.Tests.Loading;
using DuckDB.NET.Data;

namespace Analytics.Tests.Metrics;

/// <summary>
/// The city demo (2019–2026, 15 roster snapshots) loaded file by file through the real loader, which refreshes the
/// snapshot facts in each file's transaction: every macro over the facts agrees with the definition it replaced (over
/// the raw tables) at every roster snapshot, a date between each two snapshots (75 days after each), a date before the
/// first snapshot and one after the last (the hand-built case covers the day-before/day-after edges); target_indicators
/// equals the dashboard's former formulas.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class DemoAgreementTests(DemoDataFixture fixture)
{
    [Fact]
    public void The_loaded_city_demo_agrees_with_the_reference_at_every_snapshot_and_between()
    {
        using var warehouse = new LoaderFixture();
        var report = warehouse.Load(fixture.Folder);
        Assert.All(report.Files, f => Assert.Equal(Analytics.Etl.Loading.LoadOutcome.Loaded, f.Outcome));

        using var connection = warehouse.Database.Open();
        ReferenceMetrics.Install(connection);
        using (var cmd = connection.CreateCommand())
        {
            // A bound on this test's DuckDB instance: a comparison that went wrong fails here instead of taking the machine.
            cmd.CommandText = """
                SET memory_limit = '2GB';
                CREATE OR REPLACE TEMP TABLE agreement_date AS
                SELECT DISTINCT d FROM (
                    SELECT as_of AS d FROM roster_snapshot
                    UNION ALL SELECT CAST(as_of + INTERVAL 75 DAY AS DATE) FROM roster_snapshot
                    UNION ALL SELECT CAST(min(as_of) - INTERVAL 1 YEAR AS DATE) FROM roster_snapshot
                    UNION ALL SELECT CAST(max(as_of) + INTERVAL 1 YEAR AS DATE) FROM roster_snapshot);
                CREATE OR REPLACE TEMP TABLE agreement_year AS SELECT CAST(range AS INTEGER) AS y FROM range(2018, 2028);
                CREATE OR REPLACE TEMP TABLE agreement_district AS SELECT code FROM org_unit WHERE level = 'district';
                CREATE OR REPLACE TEMP TABLE agreement_town AS SELECT code FROM org_unit WHERE level = 'town';
                -- every unit of two districts (one urban, one rural), every service centre, every abolished unit
                CREATE OR REPLACE TEMP TABLE agreement_unit AS
                SELECT code FROM org_unit
                WHERE left(code, 6) IN ('510104', '510121') OR length(code) = 9 OR abolished IS NOT NULL;
                """;
            cmd.ExecuteNonQuery();
        }
        Assert.Equal(15, warehouse.Scalar<int>("SELECT count(*) FROM roster_snapshot"));
        Assert.True(warehouse.Scalar<int>("SELECT count(*) FROM org_unit WHERE abolished IS NOT NULL") > 0);

        Assert.Empty(MetricAgreement.Disagreements(connection, allDatesAtOnce: false));
        foreach (var d in new DateOnly[] { new(2020, 9, 13), new(2022, 12, 31), new(2025, 12, 31) })
            Assert.Empty(ReferenceMetrics.Differences(connection, TargetIndicatorsTests.Measured, TargetIndicatorsTests.FormerFormulas,
                new DuckDBParameter("as_of", d)));
    }
}
