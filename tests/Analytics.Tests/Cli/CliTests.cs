using Analytics.Tests.Extracts;
using System.Diagnostics;
using System.Text.Json;
using Analytics.Tests.Loading;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly LoaderFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    private string Db => fixture.Options.Path;

    [Fact]
    public async Task Load_prints_each_file_and_exits_0_when_everything_loaded_or_was_already_loaded()
    {
        var org = fixture.Write("区划名录.csv", SampleExtracts.OrgRegister);

        var first = await EtlProcess.RunAsync(fixture.Folder, "load", org, "--db", Db);
        var again = await EtlProcess.RunAsync(fixture.Folder, "load", Path.GetDirectoryName(org)!, "--db", Db);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("区划名录.csv [区划名录 org_units]: 已加载 loaded", first.Out);
        Assert.Contains("入库 loaded 7", first.Out);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already loaded", again.Out);
    }

    [Fact]
    public async Task Load_exits_2_when_a_file_is_refused_and_1_when_a_path_is_missing()
    {
        var junk = fixture.Write("junk.csv", "a,b\n1,2\n");

        var refused = await EtlProcess.RunAsync(fixture.Folder, "load", junk, "--db", Db);
        var missing = await EtlProcess.RunAsync(fixture.Folder, "load", Path.Combine(fixture.Folder, "nope.csv"), "--db", Db);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("拒收 refused", refused.Out);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no such file or folder", missing.Out);
    }

    [Fact]
    public async Task Sql_writes_csv_with_a_header_json_and_a_table()
    {
        await EtlProcess.RunAsync(fixture.Folder, "load", fixture.Write("org.csv", SampleExtracts.OrgRegister), "--db", Db);
        const string query = "SELECT district_code, district_name, communities, villages, required_posts FROM district_progress(DATE '2021-01-01') ORDER BY district_code";

        var csv = await EtlProcess.RunAsync(fixture.Folder, "sql", "--db", Db, "--format", "csv", query);
        var json = await EtlProcess.RunAsync(fixture.Folder, "sql", "--db", Db, "--format", "json", query);
        var table = await EtlProcess.RunAsync(fixture.Folder, "sql", "--db", Db, query);

        Assert.Equal(0, csv.ExitCode);
        Assert.Equal(["district_code,district_name,communities,villages,required_posts", "510104,锦江区,1,0,2", "510121,金堂县,0,1,1"],
            csv.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
        var rows = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(2, rows[0].GetProperty("required_posts").GetInt32());
        Assert.Contains("(2 行 rows)", table.Out);
    }

    [Fact]
    public async Task Sql_reports_a_query_error_plainly()
    {
        var result = await EtlProcess.RunAsync(fixture.Folder, "sql", "--db", Db, "SELECT * FROM no_such_table");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("查询出错 Query error", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Fact]
    public async Task Every_cli_query_is_audited_under_the_operating_system_user_with_id_numbers_scrubbed()
    {
        await EtlProcess.RunAsync(fixture.Folder, "load", fixture.Write("org.csv", SampleExtracts.OrgRegister), "--db", Db);
        var id = TestIds.Make(new DateOnly(1990, 1, 1), 123);

        var ok = await EtlProcess.RunAsync(fixture.Folder, "sql", "--db", Db, $"SELECT count(*) AS n FROM org_unit WHERE name <> '{id}'");
        var refused = await EtlProcess.RunAsync(fixture.Folder, "sql", "--db", Db, "COPY org_unit TO '/tmp/x.csv'");

        Assert.Equal(0, ok.ExitCode);
        Assert.Equal(2, refused.ExitCode);
        var events = fixture.Rows("SELECT user_name, kind, outcome, rows, detail FROM audit_event ORDER BY event_id");
        Assert.Equal(2, events.Count);
        Assert.StartsWith($"cli:{Environment.UserName}|query|ok|1|SELECT count(*)", events[0]);
        Assert.StartsWith($"cli:{Environment.UserName}|query|refused|∅|COPY org_unit", events[1]);
        Assert.DoesNotContain(id, string.Join("\n", events));
    }

    [Fact]
    public async Task Quarantine_lists_bad_rows_of_one_file()
    {
        var org = fixture.Write("org.csv", SampleExtracts.OrgRegister + "510104001250,错社区,社区,510104001,,\n");
        await EtlProcess.RunAsync(fixture.Folder, "load", org, "--db", Db);

        var result = await EtlProcess.RunAsync(fixture.Folder, "quarantine", "--db", Db, "--file", "org.csv", "--format", "csv");

        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Equal("file_name,line_number,column_name,reason_zh,reason_en", lines[0].TrimEnd('\r'));
        Assert.StartsWith("org.csv,9,类型,", lines[1]);
    }

    [Fact]
    public async Task A_warehouse_held_by_another_process_is_reported_plainly_with_what_to_do()
    {
        using (new WarehouseDatabase(fixture.Options).Open()) { }
        using var holder = Process.Start(EtlProcess.StartInfo(fixture.Folder, "schedule", "--db", Db))!;
        try
        {
            await EtlProcess.WaitUntilStarted(holder);
            var load = await EtlProcess.RunAsync(fixture.Folder, "load", fixture.Write("org.csv", SampleExtracts.OrgRegister), "--db", Db);
            var sql = await EtlProcess.RunAsync(fixture.Folder, "sql", "--db", Db, "SELECT 1");

            foreach (var result in new[] { load, sql })
            {
                Assert.False(holder.HasExited, "the schedule process that holds the file exited early");
                Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\nstdout: {result.Out}\nstderr: {result.Err}");
                Assert.Contains(Path.GetFullPath(Db), result.Err);
                Assert.Contains("in use by another process", result.Err);
                Assert.Contains("data/inbox/", result.Err);
                Assert.DoesNotContain("   at ", result.Err);
            }
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }
    }
}
