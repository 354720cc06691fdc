using System.Net;
using Analytics.Etl.DemoData;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Tests.Serving;

/// <summary>
/// Two read-only dashboard processes serve the same published copy while a writer process loads into the source
/// warehouse and publishes again: both keep answering during the load and both show the newer copy, no restart.
/// </summary>
public sealed class ReadOnlyReplicaTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-replicas-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static string AsOfBanner(DateOnly d) => $"数据截至 {d.Year}年{d.Month}月{d.Day}日";

    private static DateOnly LatestSnapshot(string copy)
    {
        using var connection = new DuckDBConnection($"Data Source={copy};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(as_of) FROM roster_snapshot";
        return command.ExecuteScalar() switch { DateOnly d => d, var v => DateOnly.FromDateTime(Convert.ToDateTime(v, System.Globalization.CultureInfo.InvariantCulture)) };
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}\n{body}");
        return body;
    }

    [Fact]
    public async Task Two_replicas_serve_one_published_copy_and_both_pick_up_the_next_publication_while_the_writer_loads()
    {
        var first = Path.Combine(folder, "extracts");
        var later = Path.Combine(folder, "later");
        DemoDataGenerator.Write(new DemoDataOptions(first, From: 2025, To: 2026));
        Directory.CreateDirectory(later);
        var rosters = Directory.GetFiles(first, "*花名册.csv").Order(StringComparer.Ordinal).ToList();
        var lastRoster = rosters[^1];
        File.Move(lastRoster, Path.Combine(later, Path.GetFileName(lastRoster)));
        var warehouse = Path.Combine(folder, "source", "warehouse.duckdb");
        var copy = Path.Combine(folder, "published", "warehouse.duckdb");
        string[] publish = ["publish", "--db", warehouse, "--to", copy, "--parquet", Path.Combine(folder, "published", "parquet")];

        var loaded = await ServingProcesses.EtlAsync(folder, "load", first, "--db", warehouse);
        Assert.True(loaded.ExitCode == 0, loaded.Out + loaded.Err);
        var published = await ServingProcesses.EtlAsync(folder, publish);
        Assert.True(published.ExitCode == 0, published.Out + published.Err);
        var before = LatestSnapshot(copy);

        using var a = ServingProcesses.StartReplica(copy, Path.Combine(folder, "replica-a"));
        using var b = ServingProcesses.StartReplica(copy, Path.Combine(folder, "replica-b"));
        var replicas = new[] { a, b };
        foreach (var replica in replicas)
        {
            var page = await PageAsync(await replica.SignedInAsync(), "/");
            Assert.Contains(AsOfBanner(before), page);
            Assert.Contains("id=\"gap-posts\"", page);
            Assert.Contains("id=\"scorecard-definition\"", await PageAsync(await replica.SignedInAsync(), "/district"));
        }
        await ReplicaRoutes.EveryRouteAnswersAsync(await a.SignedInAsync(), copy);
        // No replica opened a warehouse of its own where it runs, nor wrote the copy.
        Assert.False(Directory.Exists(Path.Combine(folder, "replica-a", "data")));
        Assert.False(File.Exists(copy + ".wal"));

        // The writer loads the next roster into the source while both replicas keep serving.
        var loading = ServingProcesses.EtlAsync(folder, "load", later, "--db", warehouse);
        var served = 0;
        while (!loading.IsCompleted)
        {
            foreach (var replica in replicas) Assert.Contains(AsOfBanner(before), await PageAsync(await replica.SignedInAsync(), "/"));
            served++;
        }
        var second = await loading;
        Assert.True(second.ExitCode == 0, second.Out + second.Err);
        Assert.True(served > 0);
        var republished = await ServingProcesses.EtlAsync(folder, publish);
        Assert.True(republished.ExitCode == 0, republished.Out + republished.Err);
        var after = LatestSnapshot(copy);
        Assert.True(after > before, $"the second publication did not carry the later roster ({before} → {after})");

        foreach (var replica in replicas)
        {
            var client = await replica.SignedInAsync();
            var deadline = DateTime.UtcNow.AddMinutes(1);
            string page;
            while (!(page = await PageAsync(client, "/")).Contains(AsOfBanner(after), StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, $"replica {replica.Url} still serves {before} a minute after the publication:\n{replica.Output}");
                await Task.Delay(250);
            }
            Assert.Contains("id=\"gap-posts\"", page);
        }
    }
}
