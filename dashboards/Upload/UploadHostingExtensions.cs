using Analytics.Etl.Submissions;
using System.ComponentModel.DataAnnotations;
using Analytics.Etl.Templates;

namespace Analytics.Dashboards.Upload;

/// <summary>The "Upload" section: the largest file a clerk may upload.</summary>
internal sealed class UploadOptions
{
    public const string Section = "Upload";

    [Range(1, 500)] public int MaxMegabytes { get; set; } = 50;
}

/// <summary>数据报送: the dry-run previewer, the staging/inbox hand-over (only on the writing host, where the inbox is), and
/// the template download (GET /upload/template/{kind}.xlsx for every signed-in user, on a read-only replica too).</summary>
internal static class UploadHostingExtensions
{
    public static string TemplatePath(string kind) => $"/upload/template/{kind}.xlsx";

    public static WebApplicationBuilder AddUpload(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<UploadOptions>().Bind(builder.Configuration.GetSection(UploadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // The previewer and the inbox hand-over only where the inbox is: a read-only replica's page sends clerks to the writer.
        if (WarehouseReads.WarehouseHostingExtensions.ServesPublishedCopy(builder)) return builder;
        builder.Services.AddSingleton<SubmissionPreviewer>();
        builder.Services.AddSingleton<SubmissionInbox>();
        return builder;
    }

    public static WebApplication MapUpload(this WebApplication app)
    {
        app.MapGet("/upload/template/{kind}.xlsx", (string kind) =>
        {
            if (!ExtractTemplate.KindCodes.Contains(kind)) return Results.NotFound();
            var stream = new MemoryStream();
            ExtractTemplate.Write(kind, stream);
            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{ExtractTemplate.KindName(kind)}模板.xlsx");
        }).RequireAuthorization(Auth.Policies.Dashboards);
        return app;
    }
}
