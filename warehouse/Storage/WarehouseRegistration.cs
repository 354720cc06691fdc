using Analytics.Warehouse.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Analytics.Warehouse.Storage;

public static class WarehouseRegistration
{
    /// <summary>
    /// The warehouse file (options from the "Warehouse" section, validated the same way in every process), the one
    /// <see cref="WarehouseDatabase"/> that is the way into it, its person-key hasher (checked against the warehouse) and
    /// the change notifier. A host also keeps the file open for its lifetime (<see cref="WarehouseFileOwner"/>).
    /// Registering twice changes nothing.
    /// </summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(WarehouseDatabase))) return services;
        services.AddOptions<WarehouseOptions>()
            .Bind(configuration.GetSection(WarehouseOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WarehouseOptions>, WarehouseOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new WarehouseDatabase(sp.GetRequiredService<IOptions<WarehouseOptions>>().Value));
        services.TryAddSingleton(sp => PersonKeySource.Resolve(sp.GetRequiredService<IOptions<WarehouseOptions>>().Value, sp.GetRequiredService<WarehouseDatabase>()));
        services.TryAddSingleton<WarehouseChangeNotifier>();
        services.AddHostedService<WarehouseFileOwner>();
        return services;
    }
}

/// <summary>The checks of the "Warehouse" section: one list of messages (Chinese and English) for the CLI and the host.</summary>
internal sealed class WarehouseOptionsValidation : IValidateOptions<WarehouseOptions>
{
    public ValidateOptionsResult Validate(string? name, WarehouseOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
            failures.Add("Warehouse:Path 须指明仓库的 DuckDB 文件 / Warehouse:Path must name the DuckDB file");
        else if (options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
            failures.Add($"Warehouse:Path 含有文件名中不允许的字符：{options.Path} / Warehouse:Path has characters a file name cannot have: {options.Path}");
        if (!string.IsNullOrWhiteSpace(options.MemoryLimit) && !IsSize(options.MemoryLimit))
            failures.Add($"Warehouse:MemoryLimit 应为 512MB、2GB 这样的大小：{options.MemoryLimit} / Warehouse:MemoryLimit must be a size such as 512MB or 2GB: {options.MemoryLimit}");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSize(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text.Trim(), @"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
