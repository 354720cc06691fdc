using Analytics.Warehouse.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// At host start, has the <see cref="WarehouseDatabase"/> hold the file for the host's lifetime (waiting briefly for a
/// CLI reader), and checks the person key against the warehouse (<see cref="PersonKeySource"/>). It holds no connection
/// of its own: the database is the one object that does.
/// </summary>
public sealed class WarehouseFileOwner(WarehouseDatabase database, TimeProvider clock, IServiceProvider services) : IHostedService
{
    /// <summary>A CLI reader may hold the file for a moment (a `runs` or `sql`): wait this long for it before giving up.</summary>
    private static readonly TimeSpan PatienceForReaders = TimeSpan.FromSeconds(15);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            try
            {
                database.Hold();
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
        database.Dispose();
        return Task.CompletedTask;
    }
}
