using Analytics.Dashboards.Audit;
using Analytics.Dashboards.Sql;
using Analytics.Dashboards.Tests.Support;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Research;

namespace Analytics.Dashboards.Tests.Sql;

/// <summary>Every console query is audited however it ends, including failures that are not DuckDB's.</summary>
public sealed class ConsoleAuditTests
{
    private static (ResearchConsole Console, AuditLog Audit) Console(TestWarehouse warehouse, ResearchOptions options)
    {
        var surface = new ResearchSurface(warehouse.Connections.Database, PersonKeySource.Resolve(warehouse.Options, warehouse.Connections.Database),
            options, TimeProvider.System);
        var audit = new AuditLog(warehouse.Connections, TimeProvider.System);
        return (new ResearchConsole(surface, warehouse.Connections, audit), audit);
    }

    [Fact]
    public void A_query_whose_process_cannot_start_is_answered_plainly_and_audited()
    {
        using var warehouse = new TestWarehouse().WithOrganisation();
        var (console, audit) = Console(warehouse, new ResearchOptions { WorkerPath = Path.Combine(warehouse.Folder, "no-such-worker") });

        var outcome = console.Run("analyst", "SELECT count(*) FROM org_unit", 10, CancellationToken.None);

        Assert.Null(outcome.Result);
        Assert.Equal("failed", outcome.Outcome);
        Assert.Contains("no-such-worker", outcome.MessageEn);
        var recorded = Assert.Single(audit.Events(new AuditFilter("analyst", AuditLog.Query)));
        Assert.Equal("failed", recorded.Outcome);
    }

    [Fact]
    public void A_query_over_the_memory_ceiling_is_stopped_and_audited_as_memory()
    {
        using var warehouse = new TestWarehouse().WithOrganisation();
        var (console, audit) = Console(warehouse, new ResearchOptions { MemoryLimit = "128MB", ProcessMemoryLimit = "300MiB", Timeout = TimeSpan.FromMinutes(2) });

        var outcome = console.Run("analyst", "SELECT repeat('x', 1500000000)", 10, CancellationToken.None);

        Assert.Equal("memory", outcome.Outcome);
        Assert.Contains("内存", outcome.MessageZh);
        Assert.Contains("memory", outcome.MessageEn);
        Assert.Equal("memory", Assert.Single(audit.Events(new AuditFilter("analyst", AuditLog.Query))).Outcome);
    }
}
