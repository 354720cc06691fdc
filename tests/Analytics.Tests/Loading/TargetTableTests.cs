using Analytics.Etl.Loading;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;
using static Analytics.Tests.Loading.SampleExtracts;

namespace Analytics.Tests.Loading;

/// <summary>The appender maps against the warehouse's tables, and the migration of a warehouse made before 030/031.</summary>
public sealed class TargetTableTests
{
    [Fact]
    public void A_fresh_warehouse_has_every_table_the_appender_maps_write()
    {
        using var f = new LoaderFixture();
        using var connection = f.Database.Open();
        TargetTables.Verify(connection);
        Assert.Equal(8, TargetTables.All().Count());
    }

    [Fact]
    public void A_table_that_does_not_match_its_appender_map_fails_the_load_at_start_before_any_file_is_read()
    {
        using var f = new LoaderFixture();
        using (var connection = f.Database.Open()) connection.Execute("ALTER TABLE demo_site ADD COLUMN extra VARCHAR");
        var org = f.Write("org.csv", OrgRegister);

        var refused = Assert.Throws<InvalidOperationException>(() => f.Load(org));

        Assert.Contains("demo_site", refused.Message);
        Assert.Contains("column 7 is extra VARCHAR in the table but (none) in the map", refused.Message);
        Assert.Equal(0, f.Scalar<int>("SELECT count(*) FROM load_run"));
        Assert.Equal(0, f.Scalar<int>("SELECT count(*) FROM org_unit"));
    }

    [Fact]
    public void A_warehouse_from_before_030_is_migrated_without_names_or_birth_dates_and_with_one_message_table()
    {
        using var f = new LoaderFixture();
        using (var old = new DuckDBConnection($"Data Source={f.Options.Path}"))
        {
            old.Open();
            old.Execute("CREATE TABLE schema_version (version INTEGER NOT NULL, script VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)");
            foreach (var (name, sql) in SchemaScripts.Read("Schema").Where(s => int.Parse(s.Name[..3], System.Globalization.CultureInfo.InvariantCulture) < 30))
            {
                old.Execute(sql);
                old.Execute("INSERT INTO schema_version (version, script) VALUES ($v, $s)",
                    new DuckDBParameter("v", int.Parse(name[..3], System.Globalization.CultureInfo.InvariantCulture)), new DuckDBParameter("s", name));
            }

            old.Execute("""
                SELECT nextval('load_id_seq');
                INSERT INTO person VALUES ('k1', '510104********0011', '欧阳娜娜', '欧***', '女', DATE '1980-05-06', 1);
                INSERT INTO quarantine VALUES (1, 'a.csv', 3, '学历', '学历无效', 'education invalid');
                INSERT INTO load_notice VALUES (1, 'a.csv', 4, '性别', '性别不符', 'gender differs');
                INSERT INTO org_unit (code, name, kind, level, parent_code, district_code, established, abolished, load_id) VALUES ('510104', '锦江区', '区', 'district', NULL, '510104', NULL, NULL, 1);
                """);
        }

        Assert.Equal(["person_key|VARCHAR", "id_masked|VARCHAR", "name_masked|VARCHAR", "gender|VARCHAR", "birth_year|INTEGER", "load_id|BIGINT"],
            f.Rows("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'person' ORDER BY column_index"));
        Assert.Equal(["k1|510104********0011|欧***|女|1980|1"], f.Rows("SELECT * FROM person"));
        Assert.Equal(["1|a.csv|3|学历|学历无效|education invalid"], f.Rows("SELECT * FROM quarantine"));
        Assert.Equal(["1|a.csv|4|性别|性别不符|gender differs"], f.Rows("SELECT * FROM load_notice"));
        Assert.Equal(["error|3", "warning|4"], f.Rows("SELECT severity, line_number FROM load_message ORDER BY severity"));
        Assert.Equal(["510104|∅"], f.Rows("SELECT code, line_number FROM org_unit"));
        using (var connection = f.Database.Open()) TargetTables.Verify(connection);

        // The migrated warehouse loads on: a later register replaces the unit and remembers its line.
        Assert.Equal(LoadOutcome.Loaded, f.Load(f.Write("org.csv", OrgRegister)).Files.Single().Outcome);
        Assert.Equal(["锦江区|2"], f.Rows("SELECT name, line_number FROM org_unit WHERE code = '510104'"));
    }
}
