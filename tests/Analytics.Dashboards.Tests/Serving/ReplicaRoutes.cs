using System.Net;
using Analytics.Dashboards.Auth;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Tests.Serving;

/// <summary>
/// Every route of the app on a read-only replica, signed in as the first admin (who may open every page): each page and
/// export answers without a server error and shows what it should there — the writer-only parts (uploads, saving
/// scenarios) say that they belong to the writing host instead of failing.
/// </summary>
internal static class ReplicaRoutes
{
    private static async Task<(HttpStatusCode Status, string Body, byte[] Bytes)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, System.Text.Encoding.UTF8.GetString(bytes), bytes);
    }

    private static async Task<string> OkAsync(HttpClient client, string path, params string[] expected)
    {
        var (status, body, _) = await GetAsync(client, path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path} on a replica: {(int)status}\n{body[..Math.Min(body.Length, 3000)]}");
        foreach (var text in expected) Assert.True(body.Contains(text, StringComparison.Ordinal), $"GET {path} on a replica lacks {text}");
        Assert.DoesNotContain("class=\"error\"", body);
        return body;
    }

    private static async Task FileAsync(HttpClient client, string path, string magic)
    {
        var (status, body, bytes) = await GetAsync(client, path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path} on a replica: {(int)status}\n{body[..Math.Min(body.Length, 2000)]}");
        Assert.True(bytes.AsSpan().StartsWith(System.Text.Encoding.ASCII.GetBytes(magic)), $"GET {path}: not a {magic} file");
    }

    private static string First(string copy, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={copy};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public static async Task EveryRouteAnswersAsync(HttpClient client, string copy)
    {
        var community = First(copy, "SELECT unit_code FROM roster_entry e JOIN org_unit o ON o.code = e.unit_code WHERE o.level = 'community' ORDER BY unit_code LIMIT 1");
        var town = First(copy, $"SELECT parent_code FROM org_unit WHERE code = '{community}'");
        var district = community[..6];
        var districtName = First(copy, $"SELECT name FROM org_unit WHERE code = '{district}'");
        var townName = First(copy, $"SELECT name FROM org_unit WHERE code = '{town}'");
        var communityName = First(copy, $"SELECT name FROM org_unit WHERE code = '{community}'");

        // The leaders' pages and the drill-down.
        await OkAsync(client, "/talent", "id=\"data-banner\"");
        await OkAsync(client, "/appraisal", "id=\"data-banner\"");
        await OkAsync(client, $"/district/{district}", districtName);
        await OkAsync(client, $"/town/{town}", townName);
        await OkAsync(client, $"/community/{community}", communityName);
        await OkAsync(client, "/briefing", "id=\"briefing-rows\"");
        await OkAsync(client, $"/briefing?district={district}", districtName);
        await OkAsync(client, "/quality", "id=\"load-history\"");
        await OkAsync(client, "/targets", "id=\"data-banner\"");

        // The forecast reads the run stored in the copy; saving a scenario belongs to the writer. A prerender that comes
        // before the stored run is read answers at once with the honest "正在拟合" state; a later one shows the run.
        var forecast = await OkAsync(client, "/forecast");
        for (var tries = 0; !forecast.Contains("id=\"forecast-table\"", StringComparison.Ordinal) && tries < 60; tries++)
        {
            Assert.Contains("id=\"forecast-fitting\"", forecast);
            await Task.Delay(1000);
            forecast = await OkAsync(client, "/forecast");
        }
        Assert.Contains("id=\"forecast-table\"", forecast);
        Assert.Contains("id=\"scenario-save-on-writer\"", forecast);
        Assert.DoesNotContain("id=\"scenario-save\"", forecast);

        // Uploads go to the writing host: the page says so, offers the templates, and no nav link leads there.
        var upload = await OkAsync(client, "/upload", "id=\"upload-on-writer\"", "写入方", "id=\"template-roster\"");
        Assert.DoesNotContain("id=\"upload-file\"", upload);
        Assert.DoesNotContain("id=\"nav-upload\"", upload);
        Assert.Contains("id=\"nav-submissions\"", upload); // the status page works on a replica: it reads the copy
        await OkAsync(client, "/submissions", "id=\"submission-status\"", $"data-district=\"{district}\"");

        // The admin's pages: users and audit of this replica's own files.
        await OkAsync(client, "/admin/users", "id=\"nav-users\"", FirstAdmin.UserName);
        await OkAsync(client, "/admin/audit", "id=\"nav-audit\"");

        // The research console reads the research file published beside the copy.
        var sql = await OkAsync(client, "/sql", "id=\"sql-status\"");
        Assert.DoesNotContain("id=\"sql-on-writer\"", sql);

        // Exports and downloads.
        await FileAsync(client, "/upload/template/roster.xlsx", "PK");
        await FileAsync(client, "/district/scorecard.xlsx", "PK");
        await FileAsync(client, Analytics.Dashboards.Briefing.BriefingHostingExtensions.PdfPath, "%PDF");
        await FileAsync(client, "/forecast/export.xlsx", "PK");
        Assert.Contains(districtName, (await GetAsync(client, "/district/scorecard.csv")).Body);
        Assert.Contains(districtName, (await GetAsync(client, "/forecast/export.csv")).Body);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/forecast/long.csv")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, Analytics.Dashboards.Quality.QuarantineExport.Path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, Analytics.Dashboards.Audit.AuditExport.Path)).Status);

        // An unknown address is the 404 page, not an error.
        var missing = await GetAsync(client, "/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }
}
