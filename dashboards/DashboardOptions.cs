using Microsoft.Extensions.Options;

namespace Analytics.Dashboards;

/// <summary>How old an extract kind's last load may get before the data-quality page warns, then errs.</summary>
internal sealed class FreshnessLimits
{
    public TimeSpan WarnAfter { get; set; }
    public TimeSpan ErrorAfter { get; set; }
}

/// <summary>Dashboard settings, bound from the "Dashboard" section and validated at start-up.</summary>
internal sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>The targets file; a relative path is looked up under the content root, then the app folder.</summary>
    public string TargetsPath { get; set; } = "targets.json";

    /// <summary>Per extract kind (load_run.kind: org_units, roster, ...).</summary>
    public Dictionary<string, FreshnessLimits> Freshness { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The extract kinds the ETL writes to load_run.kind.</summary>
    public static readonly IReadOnlyList<string> ExtractKinds = Analytics.Etl.Extracts.ExtractKinds.Codes;
}

internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TargetsPath)) errors.Add("Dashboard:TargetsPath is empty.");
        foreach (var kind in DashboardOptions.ExtractKinds)
        {
            if (!options.Freshness.TryGetValue(kind, out var limits))
            {
                errors.Add($"Dashboard:Freshness:{kind} is missing (WarnAfter and ErrorAfter, e.g. \"45.00:00:00\").");
                continue;
            }
            if (limits.WarnAfter <= TimeSpan.Zero) errors.Add($"Dashboard:Freshness:{kind}:WarnAfter must be positive.");
            if (limits.ErrorAfter <= limits.WarnAfter) errors.Add($"Dashboard:Freshness:{kind}:ErrorAfter must be later than WarnAfter.");
        }
        foreach (var kind in options.Freshness.Keys.Except(DashboardOptions.ExtractKinds))
            errors.Add($"Dashboard:Freshness:{kind} is not an extract kind ({string.Join(", ", DashboardOptions.ExtractKinds)}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal static class DashboardHostingExtensions
{
    /// <summary>Options, the clock, and the static web assets of a build (as well as a publish) output.</summary>
    public static WebApplicationBuilder AddDashboardHosting(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        builder.Services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section)).ValidateOnStart();
        return builder;
    }
}
