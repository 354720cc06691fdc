using System.Net;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Audit;

/// <summary>Every download is in the audit log (docs/roles.md): the audit CSV, the quarantine CSV, the forecast plan.</summary>
public sealed class DownloadAuditTests
{
    private static IReadOnlyList<string> Exports(TestWarehouse warehouse) => warehouse.Connections.Query(
        "SELECT concat_ws(' ', user_name, outcome, detail) FROM audit_event WHERE kind = 'export' ORDER BY event_id", r => r.GetString(0));

    [Fact]
    public async Task Each_download_is_recorded_with_user_path_and_outcome_and_refused_requests_are_not()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var admin = await SignIn.AsAsync(dashboard, Roles.Admin);
        using var leadership = await SignIn.AsAsync(dashboard, Roles.Leadership);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/audit.csv?user=admin-user&kind=sign_in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/quality/quarantine.csv?file=x.csv")).StatusCode);
        // No roster snapshot to forecast from: the forecast export answers 409, recorded as such.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.GetAsync("/forecast/export.xlsx?to=2030")).StatusCode);
        // Refused by authorization: never reaches the endpoint, not a download.
        Assert.Equal(HttpStatusCode.Redirect, (await leadership.GetAsync("/admin/audit.csv")).StatusCode);

        Assert.Equal(
        [
            "admin-user ok /admin/audit.csv?user=admin-user&kind=sign_in",
            "admin-user ok /quality/quarantine.csv?file=x.csv",
            "admin-user http_409 /forecast/export.xlsx?to=2030",
        ], Exports(warehouse));
    }
}
