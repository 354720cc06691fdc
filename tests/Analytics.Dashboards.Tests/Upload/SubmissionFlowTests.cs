using Analytics.Tests.Templates;
using Analytics.Etl.Submissions;
using System.Net;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Scoping;
using Analytics.Dashboards.Tests.Support;
using Analytics.Dashboards.Upload;
using Analytics.Etl.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Upload;

/// <summary>The upload's server side on the real host and warehouse file: the dry run (other districts' rows, a roster
/// replacing a loaded snapshot), the hand-over to the inbox job with the district sidecar, and the city's status page.</summary>
public sealed class SubmissionFlowTests
{
    private static string Template(TestWarehouse warehouse, string name, params IReadOnlyList<object?>[] rows)
    {
        var path = Path.Combine(warehouse.Folder, "clerk", Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path)) ExtractTemplate.Write("roster", file);
        TemplateFiller.Fill(path, rows);
        return path;
    }

    [Fact]
    public async Task A_district_submission_quarantines_other_districts_rows_and_replaces_only_its_part_of_a_snapshot()
    {
        using var warehouse = new TestWarehouse().WithQingyang();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse,
            "--Scheduling:InboxInterval=00:00:01", "--Scheduling:StableFor=00:00:00", "--Submissions:Period=2023-12", "--Submissions:Deadline=2024-01-10");
        var previewer = dashboard.App.Services.GetRequiredService<SubmissionPreviewer>();
        var inbox = dashboard.App.Services.GetRequiredService<SubmissionInbox>();

        // A roster of 2023-06-30 (loaded, with 青羊区 rows): a 锦江区 clerk's file replaces 锦江区's part only, and says what changes.
        var replacing = Template(warehouse, "r0630.xlsx", UploadIds.RosterRow(new DateOnly(2023, 6, 30), 1, "张一", "510104020001"));
        var ownPart = previewer.Preview(replacing, "r0630.xlsx", "510104");
        Assert.True(ownPart.ReplacesSnapshot);
        Assert.True(ownPart.MaySubmit);
        Assert.All(ownPart.Changes, c => Assert.StartsWith("510104", c.UnitCode));
        Assert.Contains(ownPart.Changes, c => c is { UnitCode: "510104020001", Added: 1, Removed: 2 });
        var city = previewer.Preview(replacing, "r0630.xlsx", null);
        Assert.True(city.MaySubmit);
        Assert.Contains(city.Changes, c => c is { UnitCode: "510105001001", Removed: 1 });

        // A new date with a 青羊区 row: previewed as a problem, quarantined by the load with that reason.
        var asOf = new DateOnly(2023, 12, 31);
        var path = Template(warehouse, "锦江区.xlsx",
            UploadIds.RosterRow(asOf, 1, "张一", "510104020001"), UploadIds.RosterRow(asOf, 2, "张二", "510104020002"),
            UploadIds.RosterRow(asOf, 3, "吴三", QingyangData.Community));
        var preview = previewer.Preview(path, "锦江区.xlsx", "510104");
        Assert.Equal((3, 2, 1), (preview.Rows, preview.GoodRows, preview.OtherDistrictRows));
        Assert.False(preview.ReplacesSnapshot);
        Assert.True(preview.MaySubmit);
        Assert.Equal(["510104"], preview.Districts);
        Assert.Contains(preview.Problems, p => p.Line == 4 && p.ReasonZh.Contains("不是您所在的 510104", StringComparison.Ordinal));
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM roster_entry WHERE as_of = DATE '2023-12-31'"));

        var file = inbox.Submit(path, "clerk-user", "510104", preview);
        for (var i = 0; i < 120 && warehouse.Scalar("SELECT count(*) FROM load_run WHERE file_name = $f", ("f", file)) == 0; i++) await Task.Delay(500);

        Assert.Equal(2, warehouse.Scalar("SELECT count(*) FROM roster_entry WHERE as_of = DATE '2023-12-31'"));
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM quarantine WHERE line_number = 4 AND reason_zh LIKE '%只能报送本区(市)县的数据%'"));
        var history = Assert.Single(inbox.History("clerk-user"));
        Assert.Equal(("loaded", 2, 1), (history.Outcome, history.RowsLoaded, history.RowsQuarantined));

        // The city's status page: 锦江区 has its 2023-12 roster, 青羊区 and 新津区 are overdue; districts cannot open it.
        using var admin = await SignIn.AsAsync(dashboard, Roles.Admin);
        var status = await admin.GetStringAsync("/submissions");
        Assert.Matches("data-district=\"510104\" class=\"received\"[^€]*?2023年12月31日", status);
        Assert.Contains("data-district=\"510105\" class=\"overdue\"", status);
        Assert.Contains("data-district=\"510132\" class=\"overdue\"", status);
        using var clerk = await SignIn.AsAsync(dashboard, Roles.Clerk, "510104");
        var denied = await clerk.GetAsync("/submissions");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains(AccountEndpoints.DeniedPath, denied.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/upload")).StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (await clerk.GetAsync("/upload/template/roster.xlsx")).Content.Headers.ContentType?.MediaType);
    }
}
