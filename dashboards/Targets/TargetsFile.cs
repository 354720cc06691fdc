using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Targets;

/// <summary>The targets file is invalid; Errors says what, row by row.</summary>
internal sealed class TargetsFileException(string path, IReadOnlyList<string> errors)
    : Exception($"The targets file {path} is invalid / 目标文件无效:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Reads targets.json at request time (so an edit shows without a rebuild or restart) and validates it.
/// A relative path is looked up under the content root, then beside the app.
/// </summary>
internal sealed class TargetsFile(IOptions<DashboardOptions> options, IHostEnvironment environment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string FullPath => Resolve(options.Value.TargetsPath, environment.ContentRootPath);

    /// <summary>The validated targets; throws TargetsFileException listing every problem.</summary>
    public IReadOnlyList<TargetDefinition> Load() => Load(FullPath);

    public static IReadOnlyList<TargetDefinition> Load(string path)
    {
        if (!File.Exists(path)) throw new TargetsFileException(path, [$"the file does not exist / 文件不存在: {path}"]);
        TargetsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<TargetsDocument>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new TargetsFileException(path, [$"not valid JSON / JSON 格式错误 (line {e.LineNumber + 1}): {e.Message}"]);
        }
        var targets = (document?.Targets ?? []).Select(ToDefinition).ToList();
        var errors = TargetsValidation.Validate(targets);
        if (errors.Count > 0) throw new TargetsFileException(path, errors);
        return targets;
    }

    public static string Resolve(string configured, string contentRoot)
    {
        if (Path.IsPathRooted(configured)) return configured;
        var underContentRoot = Path.Combine(contentRoot, configured);
        return File.Exists(underContentRoot) ? underContentRoot : Path.Combine(AppContext.BaseDirectory, configured);
    }

    private static TargetDefinition ToDefinition(TargetRow row) => new(
        row.Id ?? "", row.Year ?? 0, row.Indicator ?? "", row.Source ?? "", row.Threshold, row.CoverageOnly ?? false,
        ToBilingual(row.Name), ToBilingual(row.Rule), ToBilingual(row.Basis));

    private static Bilingual ToBilingual(BilingualRow? row) => new(row?.Zh?.Trim() ?? "", row?.En?.Trim() ?? "");

    private sealed record TargetsDocument(List<TargetRow>? Targets);

    private sealed record TargetRow(
        string? Id, int? Year, string? Indicator, string? Source, double? Threshold, bool? CoverageOnly,
        BilingualRow? Name, BilingualRow? Rule, BilingualRow? Basis);

    private sealed record BilingualRow(string? Zh, string? En);
}

/// <summary>Start-up check of the targets file (fails the host with the list of problems).</summary>
internal sealed class TargetsFileStartupValidator(IHostEnvironment environment) : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var path = TargetsFile.Resolve(options.TargetsPath, environment.ContentRootPath);
        try
        {
            TargetsFile.Load(path);
            return ValidateOptionsResult.Success;
        }
        catch (TargetsFileException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}

internal static class TargetsHostingExtensions
{
    public static WebApplicationBuilder AddTargets(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, TargetsFileStartupValidator>();
        builder.Services.AddSingleton<TargetsFile>();
        builder.Services.AddSingleton<TargetProgressQueries>();
        return builder;
    }
}
