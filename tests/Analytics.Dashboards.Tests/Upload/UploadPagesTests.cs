using Analytics.Tests.Templates;
using Analytics.Etl.Submissions;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Submissions;
using Analytics.Dashboards.Tests.Scoping;
using Analytics.Dashboards.Tests.Support;
using Analytics.Dashboards.Upload;
using Analytics.Etl.Scheduling;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Dashboards.Tests.Upload;

/// <summary>bUnit: the upload page (a 锦江区 clerk's preview of a dropped workbook, nothing loaded) and the status page.</summary>
public sealed class UploadPagesTests : IDisposable
{
    private readonly DashboardContext ctx = new();

    public UploadPagesTests()
    {
        ctx.Warehouse.WithQingyang();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("clerk-user");
        auth.SetRoles([.. Roles.Implied(Roles.Clerk)]);
        auth.SetClaims(new System.Security.Claims.Claim(DashboardClaims.District, "510104"));
        var hasher = Analytics.Warehouse.People.PersonKeySource.Resolve(ctx.Warehouse.Options, ctx.Warehouse.Connections.Database);
        ctx.Services.AddSingleton(hasher);
        ctx.Services.AddSingleton(new Analytics.Etl.Loading.ExtractLoader(ctx.Warehouse.Connections.Database, hasher, TimeProvider.System));
        ctx.Services.AddSingleton<Analytics.Warehouse.Storage.WarehouseChangeNotifier>();
        ctx.Services.AddSingleton(NullLogger<InboxProcessor>.Instance);
        ctx.Services.AddSingleton<Microsoft.Extensions.Logging.ILogger<InboxProcessor>>(NullLogger<InboxProcessor>.Instance);
        ctx.Services.AddSingleton<InboxProcessor>();
        ctx.Services.AddSingleton(ctx.Warehouse.Connections.Database);
        ctx.Services.AddSingleton<SubmissionPreviewer>();
        ctx.Services.AddSingleton<SubmissionInbox>();
        ctx.Services.AddSingleton<Analytics.Dashboards.Audit.AuditLog>();
        ctx.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new UploadOptions()));
        ctx.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new SubmissionPeriodOptions { Period = "2023-06", Deadline = new DateOnly(2023, 7, 5) }));
        ctx.Services.AddSingleton<SubmissionStatusQueries>();
    }

    [Fact]
    public void A_dropped_workbook_is_previewed_with_its_problem_rows_and_nothing_is_loaded()
    {
        var path = Path.Combine(ctx.Warehouse.Folder, "r.xlsx");
        using (var file = File.Create(path)) Analytics.Etl.Templates.ExtractTemplate.Write("roster", file);
        var asOf = new DateOnly(2023, 12, 31);
        TemplateFiller.Fill(path, UploadIds.RosterRow(asOf, 1, "张一", "510104020001"), UploadIds.RosterRow(asOf, 2, "吴二", QingyangData.Community));
        var page = ctx.Render<UploadPage>();
        Assert.Contains("锦江区", page.Find("#upload-district").TextContent);
        Assert.Equal(6, page.FindAll("#templates a").Count);

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(File.ReadAllBytes(path), "锦江区花名册.xlsx"));

        page.WaitForElement("#upload-preview", TimeSpan.FromSeconds(30));
        Assert.Equal("社区工作者花名册", page.Find("#preview-kind").TextContent);
        Assert.Equal("2", page.Find("#preview-rows").TextContent);
        Assert.Equal("1", page.Find("#preview-good").TextContent);
        Assert.Contains("不是您所在的 510104", page.Find("#preview-problems tr[data-line='3']").TextContent);
        Assert.NotNull(page.Find("#preview-other-district"));
        Assert.False(page.Find("#upload-confirm").HasAttribute("disabled"));
        Assert.Equal(0, ctx.Warehouse.Scalar("SELECT count(*) FROM roster_entry WHERE as_of = DATE '2023-12-31'"));
        Assert.Empty(Directory.Exists(Path.Combine(ctx.Warehouse.Folder, "inbox")) ? Directory.GetFiles(Path.Combine(ctx.Warehouse.Folder, "inbox")) : []);
    }

    [Fact]
    public void The_status_page_lists_every_district_with_its_latest_roster_and_this_periods_status()
    {
        var page = ctx.Render<SubmissionStatusPage>();

        Assert.Contains("2023年6月30日", page.Find("tr[data-district='510104']").TextContent);
        Assert.Equal("received", page.Find("tr[data-district='510104']").GetAttribute("class"));
        Assert.Equal("received", page.Find("tr[data-district='510105']").GetAttribute("class"));
        Assert.Equal("overdue", page.Find("tr[data-district='510132']").GetAttribute("class")); // no roster; deadline 2023-07-05 passed (clock 2023-07-10)
    }

    public void Dispose() => ctx.Dispose();
}
