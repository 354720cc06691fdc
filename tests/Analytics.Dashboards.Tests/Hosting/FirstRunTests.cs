using Analytics.Warehouse.Storage;

namespace Analytics.Dashboards.Tests.Hosting;

/// <summary>The main job on a fresh install: the host seeds the demo history into its inbox and loads it through the inbox job.</summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-first-run-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_fresh_host_seeds_the_city_demo_into_its_inbox_and_loads_it_through_the_scheduled_path()
    {
        var data = Path.Combine(folder, "data");
        var warehousePath = Path.Combine(data, "warehouse.duckdb");
        await using var app = DashboardApp.Build(
        [
            "--Urls=http://127.0.0.1:0",
            $"--Warehouse:Path={warehousePath}",
            $"--Warehouse:PersonKeyFile={data}/person-key.txt",
            $"--Scheduling:Inbox={data}/inbox", $"--Scheduling:Archive={data}/archive",
            $"--Scheduling:Rejected={data}/rejected", $"--Scheduling:Backups={data}/backups",
            "--Scheduling:StableFor=00:00:01",
            $"--Auth:UsersFile={data}/users.json", $"--Auth:AdminPasswordFile={data}/admin-password.txt",
        ]);
        Assert.False(File.Exists(warehousePath));

        await app.StartAsync();
        var database = new WarehouseDatabase(new WarehouseOptions { Path = warehousePath, PersonKeyFile = $"{data}/person-key.txt" });
        var loaded = await WaitForAsync(() => Scalar(database, "SELECT count(*) FROM job_run WHERE job = 'inbox' AND outcome = 'succeeded' AND files > 0") > 0,
            TimeSpan.FromMinutes(3));

        Assert.True(loaded, "the inbox job never loaded the demo history");
        Assert.Equal(38, Scalar(database, "SELECT count(*) FROM load_run WHERE outcome = 'loaded'"));
        Assert.Equal(9, Scalar(database, "SELECT count(DISTINCT file_name || line_number) FROM quarantine"));
        Assert.Equal(175, Scalar(database, "SELECT gap_posts FROM district_progress(DATE '2022-12-31') WHERE district_name = '简阳市'"));
        Assert.Empty(Directory.GetFiles(Path.Combine(data, "inbox")));
        Assert.Equal(38, Directory.GetFiles(Path.Combine(data, "archive"), "*.csv", SearchOption.AllDirectories).Length);
        Assert.True(File.Exists(Path.Combine(data, "person-key.txt")));
        // The user database and the first admin's password, beside the other runtime data.
        Assert.True(File.Exists(Path.Combine(data, "users.db")));
        Assert.Equal(16, (await File.ReadAllTextAsync(Path.Combine(data, "admin-password.txt"))).Trim().Length);
        await app.StopAsync();
    }

    private static long Scalar(WarehouseDatabase database, string sql)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            if (condition()) return true;
            await Task.Delay(500);
        }
        return false;
    }
}
