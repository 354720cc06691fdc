using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Support;
using Analytics.Dashboards.Upload;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Upload;

/// <summary>
/// bUnit: on a read-only replica (a real published copy attached read-only, no inbox services registered at all) the
/// upload page tells a clerk that uploads go to the writing host and still offers the blank templates.
/// </summary>
public sealed class ReplicaUploadPageTests : IDisposable
{
    private readonly DashboardContext ctx = new();
    private readonly WarehouseConnections replica;

    public ReplicaUploadPageTests()
    {
        ctx.Warehouse.WithOrganisation();
        var copy = Path.Combine(ctx.Warehouse.Folder, "published", "warehouse.duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        using (var connection = ctx.Warehouse.Connections.Open())
        {
            var source = Convert.ToString(connection.Scalar("SELECT current_database()"), System.Globalization.CultureInfo.InvariantCulture);
            connection.Execute($"ATTACH '{copy}' AS publish_copy");
            connection.Execute($"COPY FROM DATABASE \"{source}\" TO publish_copy");
            connection.Execute("DETACH publish_copy");
        }
        replica = new WarehouseConnections(
            new WarehouseDatabase(new WarehouseOptions { Path = Path.Combine(ctx.Warehouse.Folder, "scratch.duckdb"), PersonKey = "test-key" }), null,
            new PublishedCopy(new ReadOnlyServingOptions { Path = copy, LocalPath = Path.Combine(ctx.Warehouse.Folder, "replica-local.duckdb") }));
        ctx.Services.AddSingleton(replica);
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("clerk-user");
        auth.SetRoles([.. Roles.Implied(Roles.Clerk)]);
        auth.SetClaims(new System.Security.Claims.Claim(DashboardClaims.District, "510104"));
    }

    [Theory]
    [InlineData("zh-CN", "写入方")]
    [InlineData("en", "writing host")]
    public void On_a_replica_the_upload_page_sends_clerks_to_the_writer_and_keeps_the_templates(string culture, string expected)
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        Assert.True(replica.ReadOnly);
        var page = ctx.Render<UploadPage>();

        Assert.Contains(expected, page.Find("#upload-on-writer").TextContent);
        Assert.Equal(6, page.FindAll("#templates a").Count);
        Assert.Empty(page.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>());
        Assert.Empty(page.FindAll("#upload-history"));
    }

    public void Dispose()
    {
        ctx.Dispose();
        replica.Dispose();
    }
}
