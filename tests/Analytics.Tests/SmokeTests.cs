namespace Analytics.Tests;

public class SmokeTests
{
    [Fact]
    public void DuckDbOpens()
    {
        using var c = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select 42";
        Assert.Equal(42, Convert.ToInt32(cmd.ExecuteScalar()));
    }
}
