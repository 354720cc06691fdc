namespace Analytics.Etl.Extracts;

/// <summary>The six kinds of extract the contract knows, recognised from the header row.</summary>
internal enum ExtractKind { OrgUnits, Roster, ExamResults, Appraisals, PostQuotas, DemoSites }

internal static class ExtractKindNames
{
    /// <summary>The stable English name stored in load_run.kind.</summary>
    public static string Code(this ExtractKind kind) => kind switch
    {
        ExtractKind.OrgUnits => "org_units",
        ExtractKind.Roster => "roster",
        ExtractKind.ExamResults => "exam_results",
        ExtractKind.Appraisals => "appraisals",
        ExtractKind.PostQuotas => "post_quotas",
        ExtractKind.DemoSites => "demo_sites",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string ChineseName(this ExtractKind kind) => kind switch
    {
        ExtractKind.OrgUnits => "区划名录",
        ExtractKind.Roster => "社区工作者花名册",
        ExtractKind.ExamResults => "职业水平考试与社工员认定",
        ExtractKind.Appraisals => "绩效考评结果",
        ExtractKind.PostQuotas => "专业岗位开发设置",
        ExtractKind.DemoSites => "示范点",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Load order within one call: the org register first, so the others can check codes against it.</summary>
    public static int LoadOrder(this ExtractKind kind) => kind == ExtractKind.OrgUnits ? 0 : 1;
}

/// <summary>One problem with one cell (or the whole row when Column is null), in Chinese and English.</summary>
internal sealed record RowProblem(string? Column, string ReasonZh, string ReasonEn);

/// <summary>The whole file is refused: no known kind, a roster with several 统计日期, unreadable bytes...</summary>
internal sealed class ExtractRefusedException(string fileName, string reasonZh, string reasonEn)
    : Exception($"{fileName}: {reasonEn}")
{
    public string FileName { get; } = fileName;
    public string ReasonZh { get; } = reasonZh;
    public string ReasonEn { get; } = reasonEn;
}

/// <summary>The level of an org unit, by code length.</summary>
internal enum UnitLevel { District = 6, Town = 9, Community = 12 }

/// <summary>Codes the warehouse knows (plus, for a register, nothing else: parents are checked by the loader).</summary>
internal interface IKnownUnits
{
    bool Contains(string code);
}

/// <summary>A validated row of some kind, or the problems that keep it out. Warnings never keep a row out.</summary>
internal sealed record RowOutcome<TRow>(int LineNumber, TRow? Row, IReadOnlyList<RowProblem> Problems, IReadOnlyList<RowProblem> Warnings)
    where TRow : class
{
    public bool IsGood => Row is not null && Problems.Count == 0;
}

// ---- Typed rows, one per kind. Dates are DateOnly; an ID number here is the normalised 18 characters
// ---- (upper-case X) and lives only in memory: the loader hashes it before anything is written.

internal sealed record OrgUnitRow(string Code, string Name, string Kind, string? ParentCode, DateOnly? Established, DateOnly? Abolished)
{
    public UnitLevel Level => (UnitLevel)Code.Length;
}

internal sealed record RosterRow(
    DateOnly AsOf, string IdNumber, string Name, string? Gender, string UnitCode, string PostCategory, string Employment,
    DateOnly? PartTimeSince, DateOnly Hired, DateOnly? Left, string TalentSource, string Education, string? Major,
    int? SalarySupplement);

internal sealed record ExamResultRow(
    string IdNumber, string Name, int ExamYear, string Level, bool Passed, string? CertificateNo, DateOnly? Issued);

internal sealed record AppraisalRow(
    string IdNumber, string Name, int Year, string AppraisalType, string AssessorCode, double EthicsScore,
    double PerformanceScore, double? SatisfactionScore, string Grade);

internal sealed record PostQuotaRow(int Year, string UnitCode, int Requested, int? Approved);

internal sealed record DemoSiteRow(string Name, string UnitCode, int Year, string Category);
