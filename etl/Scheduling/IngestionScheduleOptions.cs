using System.ComponentModel.DataAnnotations;

namespace Analytics.Etl.Scheduling;

/// <summary>The inbox and nightly jobs. Bound from the "Scheduling" section; relative folders sit beside the warehouse file.</summary>
public sealed class IngestionScheduleOptions
{
    public const string Section = "Scheduling";

    [Required] public string Inbox { get; set; } = Path.Combine("data", "inbox");
    [Required] public string Archive { get; set; } = Path.Combine("data", "archive");
    [Required] public string Rejected { get; set; } = Path.Combine("data", "rejected");
    [Required] public string Backups { get; set; } = Path.Combine("data", "backups");

    /// <summary>How often the inbox is scanned.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InboxInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A file is taken only once it has not changed for this long (never a half-written file).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Quartz cron of the nightly job (default 02:30 every night).</summary>
    [Required] public string NightlyCron { get; set; } = "0 30 2 * * ?";

    /// <summary>How many dated backup copies of the warehouse to keep.</summary>
    [Range(1, 365)] public int BackupsToKeep { get; set; } = 7;

    /// <summary>Attempts of a failing job before it is reported failed (exponential back-off between them).</summary>
    [Range(1, 10)] public int RetryAttempts { get; set; } = 3;

    /// <summary>
    /// DuckDB's memory limit while the inbox job loads (e.g. "512MB"), restored afterwards. The limit is the whole
    /// DuckDB instance's, so it also applies to page queries during a load: keep it generous. Empty: no bound.
    /// </summary>
    public string? LoadMemoryLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryFirstDelay { get; set; } = TimeSpan.FromSeconds(30);
}
