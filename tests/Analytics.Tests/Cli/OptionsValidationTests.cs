using Analytics.Etl.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Cli;

/// <summary>The CLI and the host bind and validate the options through the one composition root: the same messages.</summary>
public sealed class OptionsValidationTests : IDisposable
{
    private const string BadMemoryLimit = "Warehouse:MemoryLimit 应为 512MB、2GB 这样的大小：lots / Warehouse:MemoryLimit must be a size such as 512MB or 2GB: lots";

    private readonly string folder = Directory.CreateTempSubdirectory("analytics-options-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Db => Path.Combine(folder, "w.duckdb");

    [Theory]
    [InlineData("runs")]
    [InlineData("load")]
    [InlineData("restore")]
    public async Task A_cli_command_with_invalid_warehouse_options_stops_with_the_reason_before_any_work(string command)
    {
        var info = EtlProcess.StartInfo(folder, command == "load" ? [command, folder, "--db", Db] : [command, "--db", Db]);
        info.Environment["Warehouse__MemoryLimit"] = "lots";

        var (exitCode, _, err) = await EtlProcess.RunAsync(info);

        Assert.Equal(1, exitCode);
        Assert.Equal(BadMemoryLimit, err.Trim());
        Assert.False(File.Exists(Db), "the warehouse file must not be created");
    }

    [Fact]
    public async Task The_host_stops_at_start_with_the_same_message_as_the_cli()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("Warehouse:Path", Db), new("Warehouse:MemoryLimit", "lots")]);
        builder.AddScheduledIngestion();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal([BadMemoryLimit], error.Failures);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task An_empty_warehouse_path_is_refused_in_the_cli_with_a_clear_message()
    {
        var info = EtlProcess.StartInfo(folder, "runs");
        info.Environment["Warehouse__Path"] = " ";

        var (exitCode, _, err) = await EtlProcess.RunAsync(info);

        Assert.Equal(1, exitCode);
        Assert.Equal("Warehouse:Path 须指明仓库的 DuckDB 文件 / Warehouse:Path must name the DuckDB file", err.Trim());
    }
}
