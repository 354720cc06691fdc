using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// Keeps one connection open for the host's lifetime, so this process owns the warehouse file (DuckDB allows one
/// writing process) and other processes are told plainly that it is in use, rather than racing for it between jobs.
/// </summary>
internal sealed class WarehouseFileOwner(WarehouseDatabase database) : IHostedService, IDisposable
{
    private DuckDBConnection? held;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        held = database.Open();
        return Task.CompletedTask;
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
