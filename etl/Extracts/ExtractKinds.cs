using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Etl.Extracts;

/// <summary>
/// The table of extract kinds: the one place that lists them. Header recognition, loading (target tables, appender
/// maps, merges), the demo generator and the docs test walk this list; nothing else switches on the kind.
/// </summary>
public static class ExtractKinds
{
    internal static readonly OrgUnitsKind OrgUnits = new();
    internal static readonly RosterKind Roster = new();
    internal static readonly ExamResultsKind ExamResults = new();
    internal static readonly AppraisalsKind Appraisals = new();
    internal static readonly PostQuotasKind PostQuotas = new();
    internal static readonly DemoSitesKind DemoSites = new();

    public static readonly IReadOnlyList<ExtractKind> All = [OrgUnits, Roster, ExamResults, Appraisals, PostQuotas, DemoSites];

    /// <summary>The codes stored in load_run.kind, in table order.</summary>
    public static IReadOnlyList<string> Codes { get; } = All.Select(k => k.Code).ToList();

    /// <summary>The kind of a code (load_run.kind: roster, exam_results, ...), or null.</summary>
    public static ExtractKind? ByCode(string code) => All.FirstOrDefault(k => k.Code == code);
}
