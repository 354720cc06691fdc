using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Tests.Support;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Serving;

/// <summary>
/// Pages read results kept per warehouse version: a second render (the interactive one after the prerender, or the
/// next visitor) computes nothing; the one change signal recomputes them once, before pages re-render.
/// </summary>
public sealed class VersionedResultsTests : IDisposable
{
    private readonly DashboardContext ctx = new();
    private readonly WarehouseResultCache cache;
    private readonly WarehouseConnections cached;

    public VersionedResultsTests()
    {
        ctx.Warehouse.WithWorkforce();
        cache = new WarehouseResultCache(ctx.Events);
        cached = new WarehouseConnections(new WarehouseDatabase(ctx.Warehouse.Options), cache);
        ctx.Services.AddSingleton(cache);
        ctx.Services.AddSingleton(cached);
    }

    public void Dispose()
    {
        ctx.Dispose();
        cache.Dispose();
        cached.Dispose();
    }

    [Fact]
    public void A_second_render_of_a_page_computes_nothing_again()
    {
        var first = ctx.RenderAt<OverviewPage>("/");
        Assert.Equal("2", first.Find("#gap-posts").TextContent);
        var computed = cache.Computations;
        Assert.True(computed > 0);

        var second = ctx.RenderAt<OverviewPage>("/");

        Assert.Equal("2", second.Find("#gap-posts").TextContent);
        Assert.Equal(computed, cache.Computations);
    }

    [Fact]
    public void The_change_signal_recomputes_what_pages_read_once_then_the_open_page_shows_the_new_figures()
    {
        var page = ctx.RenderAt<OverviewPage>("/");
        Assert.Equal("2", page.Find("#gap-posts").TextContent);
        // 三圣村's only qualified worker leaves the 2023-06-30 roster: its post is now a gap.
        ctx.Warehouse.Execute("DELETE FROM roster_entry WHERE as_of = '2023-06-30' AND person_key = 'k5'");
        Assert.Equal("2", ctx.RenderAt<OverviewPage>("/").Find("#gap-posts").TextContent); // same version: the kept result

        var before = cache.Computations;
        ctx.Events.Raise();
        var afterRefresh = cache.Computations;

        Assert.True(afterRefresh > before, "the refresh phase recomputed nothing");
        page.WaitForAssertion(() => Assert.Equal("3", page.Find("#gap-posts").TextContent));
        Assert.Equal(afterRefresh, cache.Computations); // the re-render was served from the refreshed results
        Assert.Equal(ctx.Events.Version, cache.Version);
    }

    [Fact]
    public void Reads_of_tables_written_between_loads_are_never_kept()
    {
        long AuditRows() => cached.SingleLive("SELECT count(*) AS n FROM audit_event", r => r.Long("n"));
        Assert.Equal(0, AuditRows());
        ctx.Warehouse.Execute("INSERT INTO audit_event (occurred_at, user_name, kind, outcome) VALUES (TIMESTAMP '2023-07-10 09:00', 'a', 'sign_in', 'ok')");
        Assert.Equal(1, AuditRows());
    }
}
