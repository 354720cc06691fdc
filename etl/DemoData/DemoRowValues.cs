using System.Globalization;
using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;
using Analytics.Warehouse.Schema;

namespace Analytics.Etl.DemoData;

/// <summary>
/// Turns the model into the cell values of each extract kind. Each value list follows the column list beside it:
/// the kind's own columns (names and aliases come from the kind table), the ones the generator fills.
/// </summary>
internal static class DemoRowValues
{
    public static readonly IReadOnlyList<ExtractColumn> OrgUnitColumns =
    [
        OrgUnitsKind.DivisionCode, OrgUnitsKind.Name, OrgUnitsKind.Kind, OrgUnitsKind.ParentCode, OrgUnitsKind.Established, OrgUnitsKind.Abolished,
    ];

    public static readonly IReadOnlyList<ExtractColumn> RosterColumns =
    [
        RosterKind.AsOf, RosterKind.IdNumber, RosterKind.Name, RosterKind.Gender, RosterKind.UnitCode, RosterKind.PostCategory,
        RosterKind.Employment, RosterKind.PartTimeSince, RosterKind.Hired, RosterKind.Left, RosterKind.TalentSource, RosterKind.Education,
        RosterKind.Major, RosterKind.SalarySupplement, RosterKind.ProfessionalTitle,
    ];

    public static readonly IReadOnlyList<ExtractColumn> ExamColumns =
    [
        ExamResultsKind.IdNumber, ExamResultsKind.Name, ExamResultsKind.ExamYear, ExamResultsKind.Level, ExamResultsKind.Result,
        ExamResultsKind.CertificateNo, ExamResultsKind.Issued,
    ];

    public static readonly IReadOnlyList<ExtractColumn> AppraisalColumns =
    [
        AppraisalsKind.IdNumber, AppraisalsKind.Name, AppraisalsKind.Year, AppraisalsKind.AppraisalType, AppraisalsKind.AssessorCode,
        AppraisalsKind.Ethics, AppraisalsKind.Performance, AppraisalsKind.Satisfaction, AppraisalsKind.Grade,
    ];

    public static readonly IReadOnlyList<ExtractColumn> PostQuotaColumns =
        [PostQuotasKind.Year, PostQuotasKind.UnitCode, PostQuotasKind.Requested, PostQuotasKind.Approved];

    public static readonly IReadOnlyList<ExtractColumn> DemoSiteColumns =
        [DemoSitesKind.Name, DemoSitesKind.UnitCode, DemoSitesKind.Year, DemoSitesKind.Category];

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string[] OrgUnit(DemoCsvWriter w, string code, string name, string kind, string parent, DateOnly? established, DateOnly? abolished) =>
        [code, name, kind, parent, w.Date(established), w.Date(abolished)];

    public static string[] Roster(DemoCsvWriter w, DateOnly asOf, DemoPerson p, string unitCode) =>
    [
        w.Date(asOf), p.IdNumber, p.Name, p.Male ? "男" : "女", unitCode, p.PostCategory, p.PartTimeSince is null ? "专职" : "兼职",
        w.Date(p.PartTimeSince), w.Date(p.Hired), p.Left is { } left && left <= asOf ? w.Date(left) : "", p.TalentSource,
        p.Education, p.Major ?? "", Int(p.SupplementAt(asOf)), ProfessionalTitle(p.LevelAt(asOf)),
    ];

    /// <summary>
    /// 职称 as an HR system records it: the professional title a passed certificate at the snapshot date gives
    /// (助理社会工作师, 社会工作师, 高级社会工作师); 社工员 (a city certification) and no certificate give none.
    /// </summary>
    private static string ProfessionalTitle(int levelRank) => levelRank >= 2 ? CertificateLevels.OfRank(levelRank) : "";

    public static string[] Exam(DemoCsvWriter w, DemoExamAttempt a, DemoPerson p, bool chineseResults) =>
    [
        p.IdNumber, p.Name, Int(a.Year), CertificateLevels.OfRank(a.LevelRank),
        a.Passed ? (chineseResults ? "合格" : "pass") : (chineseResults ? "不合格" : "fail"), a.CertificateNo ?? "", w.Date(a.Issued),
    ];

    public static string[] Appraisal(DemoAppraisal a) =>
    [
        a.Person.IdNumber, a.Person.Name, Int(a.Year), a.Type, a.AssessorCode, Number(a.Ethics), Number(a.Performance),
        a.Satisfaction is { } s ? Number(s) : "", a.Grade,
    ];

    public static string[] Quota(DemoQuota q) => [Int(q.Year), q.UnitCode, Int(q.Requested), q.Approved is { } a ? Int(a) : ""];

    public static string[] Site(DemoSite s) => [s.Name, s.UnitCode, Int(s.Year), s.Category];
}
