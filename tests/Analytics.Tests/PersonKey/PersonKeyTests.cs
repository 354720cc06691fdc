using Analytics.Tests.Cli;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Analytics.Tests.PersonKey;

/// <summary>
/// The person key belongs to the warehouse, not to the working directory: it lives beside the warehouse file, the
/// warehouse keeps its fingerprint, and a different or missing key is refused once the warehouse holds people.
/// </summary>
public sealed class PersonKeyTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("analytics-key-").FullName;

    private string Db => Path.Combine(root, "store", "warehouse.duckdb");

    private string KeyFile => Path.Combine(root, "store", PersonKeySource.DefaultFileName);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(root, name)).FullName;

    private long Certified()
    {
        using var connection = new DuckDBConnection($"Data Source={Db};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return Convert.ToInt64(connection.Scalar("""
            SELECT count(DISTINCT e.person_key) FROM roster_entry e JOIN exam_result x ON x.person_key = e.person_key AND x.passed
            """), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Loads_run_from_different_folders_into_one_warehouse_key_people_alike()
    {
        var first = Folder("office-a");
        var second = Folder("office-b");
        var register = KeyTestExtracts.Write(first, "区划名录.csv", KeyTestExtracts.Register);
        var roster = KeyTestExtracts.Write(first, "花名册.csv", KeyTestExtracts.Roster());
        var exams = KeyTestExtracts.Write(second, "exam_2021.csv", KeyTestExtracts.ExamResults());

        var a = await EtlProcess.RunWithKeyAsync(null, first, "load", register, roster, "--db", Db);
        var b = await EtlProcess.RunWithKeyAsync(null, second, "load", exams, "--db", Db);

        Assert.True(a.ExitCode == 0, a.Out + a.Err);
        Assert.True(b.ExitCode == 0, b.Out + b.Err);
        Assert.True(File.Exists(KeyFile), "the key is generated beside the warehouse");
        Assert.False(File.Exists(Path.Combine(first, "data", PersonKeySource.DefaultFileName)));
        Assert.False(File.Exists(Path.Combine(second, "data", PersonKeySource.DefaultFileName)));
        Assert.Equal(3, Certified());
    }

    [Fact]
    public async Task A_different_key_on_a_warehouse_with_people_is_refused_with_a_clear_message()
    {
        var folder = Folder("in");
        var loaded = await EtlProcess.RunWithKeyAsync("the-first-key", folder, "load",
            KeyTestExtracts.Write(folder, "区划名录.csv", KeyTestExtracts.Register), KeyTestExtracts.Write(folder, "花名册.csv", KeyTestExtracts.Roster()), "--db", Db);
        Assert.Equal(0, loaded.ExitCode);

        var load = await EtlProcess.RunWithKeyAsync("another-key", folder, "load", KeyTestExtracts.Write(folder, "exam.csv", KeyTestExtracts.ExamResults()), "--db", Db);
        var sql = await EtlProcess.RunWithKeyAsync("another-key", folder, "sql", "--db", Db, "SELECT count(*) FROM person");
        var forecast = await EtlProcess.RunWithKeyAsync("another-key", folder, "forecast", "--db", Db);

        foreach (var refused in new[] { load, sql, forecast })
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("人员密钥与仓库不符", refused.Err);
            Assert.Contains("The person key does not match the warehouse", refused.Err);
            Assert.DoesNotContain("   at ", refused.Err);
        }
        Assert.Equal(0, Certified());
        var again = await EtlProcess.RunWithKeyAsync("the-first-key", folder, "load", Path.Combine(folder, "exam.csv"), "--db", Db);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(3, Certified());
    }

    [Fact]
    public async Task A_deleted_key_file_is_refused_not_silently_regenerated()
    {
        var folder = Folder("in");
        var loaded = await EtlProcess.RunWithKeyAsync(null, folder, "load",
            KeyTestExtracts.Write(folder, "区划名录.csv", KeyTestExtracts.Register), KeyTestExtracts.Write(folder, "花名册.csv", KeyTestExtracts.Roster()), "--db", Db);
        Assert.Equal(0, loaded.ExitCode);
        File.Delete(KeyFile);

        var load = await EtlProcess.RunWithKeyAsync(null, folder, "load", KeyTestExtracts.Write(folder, "exam.csv", KeyTestExtracts.ExamResults()), "--db", Db);

        Assert.Equal(1, load.ExitCode);
        Assert.Contains("找不到人员密钥", load.Err);
        Assert.Contains("Person key not found", load.Err);
        Assert.Contains(KeyFile, load.Err);
        Assert.False(File.Exists(KeyFile), "a new key must not be generated for a warehouse with people");
        Assert.Equal(0, Certified());
    }

    [Fact]
    public async Task The_host_refuses_to_start_on_a_warehouse_with_another_key()
    {
        var folder = Folder("in");
        var loaded = await EtlProcess.RunWithKeyAsync("the-first-key", folder, "load",
            KeyTestExtracts.Write(folder, "区划名录.csv", KeyTestExtracts.Register), KeyTestExtracts.Write(folder, "花名册.csv", KeyTestExtracts.Roster()), "--db", Db);
        Assert.Equal(0, loaded.ExitCode);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Warehouse:Path"] = Db, ["Warehouse:PersonKey"] = "another-key" });
        builder.Services.AddWarehouse(builder.Configuration);
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<PersonKeyRefusedException>(() => host.StartAsync());
        Assert.Contains("The person key does not match the warehouse", e.Message);
    }

    [Fact]
    public void A_warehouse_without_people_takes_a_new_key_and_records_only_its_fingerprint()
    {
        var options = new WarehouseOptions { Path = Db };

        var hasher = PersonKeySource.Resolve(options, new WarehouseDatabase(options));

        var key = File.ReadAllText(KeyFile).Trim();
        using (var connection = new WarehouseDatabase(options).OpenReadOnly())
            Assert.Equal(hasher.Fingerprint, connection.Scalar("SELECT person_key_fingerprint FROM warehouse_identity"));
        Assert.DoesNotContain(key, hasher.Fingerprint);
        Assert.Equal(hasher.Fingerprint, PersonKeySource.Resolve(options, new WarehouseDatabase(options)).Fingerprint);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
