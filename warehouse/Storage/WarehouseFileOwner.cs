using Analytics.Warehouse.People;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// Keeps one connection open for the host's lifetime, so this process owns the warehouse file (DuckDB allows one
/// writing process) and other processes are told plainly that it is in use, rather than racing for it between jobs.
/// At start it also checks the person key against the warehouse (<see cref="PersonKeySource"/>).
/// </summary>
internal sealed class WarehouseFileOwner(WarehouseDatabase database, TimeProvider clock, IServiceProvider services) : IHostedService, IDisposable
{
    /// <summary>A CLI reader may hold the file for a moment (a `runs` or `sql`): wait this long for it before giving up.</summary>
    private static readonly TimeSpan PatienceForReaders = TimeSpan.FromSeconds(15);

    private DuckDBConnection? held;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            try
            {
                held = database.Open();
                // The person key is checked against the warehouse now: a wrong or missing key stops the host at start.
                services.GetRequiredService<PersonKeyHasher>();
                return;
            }
            catch (WarehouseLockedException) when (waited < PatienceForReaders)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken);
                waited += TimeSpan.FromMilliseconds(250);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        held?.Dispose();
        held = null;
    }
}
