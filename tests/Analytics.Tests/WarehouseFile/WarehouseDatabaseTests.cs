using Analytics.Tests.Loading;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.WarehouseFile;

public sealed class WarehouseDatabaseTests
{
    [Fact]
    public void The_configured_memory_limit_bounds_duckdb_in_this_process()
    {
        using var fixture = new LoaderFixture();
        var options = new WarehouseOptions { Path = Path.Combine(fixture.Folder, "limited.duckdb"), PersonKey = "k", MemoryLimit = "256MB" };

        using var connection = new WarehouseDatabase(options).Open();

        Assert.Equal("244.1 MiB", connection.Scalar("SELECT current_setting('memory_limit')"));
    }

    [Fact]
    public void Schema_scripts_run_once_and_are_recorded_with_their_version()
    {
        using var fixture = new LoaderFixture();
        using (fixture.Database.Open()) { }
        using var again = new WarehouseDatabase(fixture.Options).Open();

        var versions = fixture.Rows("SELECT version, script FROM schema_version ORDER BY version");
        Assert.Equal(SchemaScripts.Read("Schema").Count, versions.Count);
        Assert.Equal("1|001_core.sql", versions[0]);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }
}
