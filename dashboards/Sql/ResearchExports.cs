using System.Collections.Concurrent;
using System.Security.Claims;
using Analytics.Dashboards.Audit;
using Analytics.Dashboards.Auth;

namespace Analytics.Dashboards.Sql;

/// <summary>
/// GET /sql/export/{token}.csv|.parquet: re-runs the query the page registered under the token (only for the user who
/// registered it) with the export row cap, and returns the file. Researcher policy.
/// </summary>
internal sealed class ResearchExports
{
    public const string Prefix = "/sql/export/";

    private readonly ConcurrentDictionary<string, (string User, string Sql)> pending = new(StringComparer.Ordinal);

    /// <summary>A token for exporting this query (the page's export links carry it).</summary>
    public string Register(string user, string sql)
    {
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        pending[token] = (user, sql);
        return token;
    }

    public bool TryGet(string token, string user, out string sql)
    {
        sql = "";
        if (!pending.TryGetValue(token, out var entry) || !string.Equals(entry.User, user, StringComparison.OrdinalIgnoreCase)) return false;
        sql = entry.Sql;
        return true;
    }
}

internal static class ResearchExportEndpoints
{
    public static WebApplication MapResearchExports(this WebApplication app)
    {
        app.MapGet(ResearchExports.Prefix + "{token}.{format}", (string token, string format, ClaimsPrincipal user,
            ResearchExports exports, ResearchConsole console, CancellationToken aborted) =>
        {
            var name = user.Identity?.Name ?? "";
            if (format is not ("csv" or "parquet") || !exports.TryGet(token, name, out var sql)) return Results.NotFound();
            var outcome = console.Run(name, sql, console.Options.ExportRows, aborted, AuditLog.Export, format);
            if (outcome.Result is null)
                return Results.Problem(outcome.MessageZh + " / " + outcome.MessageEn, statusCode: StatusCodes.Status400BadRequest);
            var suppression = console.Suppression;
            return format == "csv"
                ? Results.File(ResultFiles.Csv(outcome.Result, suppression), "text/csv; charset=utf-8", "query.csv")
                : Results.File(ResultFiles.Parquet(outcome.Result, suppression), "application/vnd.apache.parquet", "query.parquet");
        }).RequireAuthorization(Policies.Researcher);
        return app;
    }
}
