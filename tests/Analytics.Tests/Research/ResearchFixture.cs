using Analytics.Tests.Metrics;
using Analytics.Warehouse.Research;

namespace Analytics.Tests.Research;

/// <summary>The hand-built warehouse, its research file built beside it, and a sandboxed runner over that file.</summary>
internal sealed class ResearchFixture : IDisposable
{
    public ResearchFixture(ResearchOptions? options = null)
    {
        Warehouse = HandBuiltWarehouse.Create();
        Options = options ?? new ResearchOptions();
        ResearchPath = Path.Combine(Warehouse.Folder, "research.duckdb");
        Database = new ResearchDatabase(ResearchPath, "test-salt", TimeProvider.System);
        Database.EnsureFresh(Warehouse.Connection);
        Runner = new SandboxedQueryRunner(ResearchPath, Options);
    }

    public HandBuiltWarehouse Warehouse { get; }
    public ResearchOptions Options { get; }
    public string ResearchPath { get; }
    public ResearchDatabase Database { get; }
    public SandboxedQueryRunner Runner { get; }

    public ResearchResult Run(string sql, int maxRows = 1000) => Runner.Run(sql, maxRows);

    public void Dispose() => Warehouse.Dispose();
}
