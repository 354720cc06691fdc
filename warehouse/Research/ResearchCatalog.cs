using System.Text.RegularExpressions;
using Analytics.Warehouse.Storage;

namespace Analytics.Warehouse.Research;

internal enum ResearchObjectKind { Table, View, Macro }

/// <summary>One documented object of the research surface: what the schema browser and docs/research-sql.md show.</summary>
/// <param name="Select">For a table: the de-identifying SELECT over the warehouse that fills it (research_key() re-keys people).</param>
internal sealed record ResearchObject(string Name, ResearchObjectKind Kind, string Signature, string DescriptionZh, string DescriptionEn, string? Select = null);

/// <summary>
/// The research surface, defined once: every table with the de-identifying SELECT that builds it and its description,
/// the views, and the metric macros (descriptions taken from the comments above each macro in Metrics/*.sql).
/// No names, no ID numbers (not even masked), birth year instead of birth date, people by a research-only key.
/// </summary>
internal static partial class ResearchCatalog
{
    public static readonly IReadOnlyList<ResearchObject> Tables =
    [
        new("org_unit", ResearchObjectKind.Table, "code, name, kind, level, parent_code, district_code, established, abolished, load_id",
            "组织机构名册（当前版本）：区(市)县、镇(街道)/乡、社区/建制村。", "The organisation register (current version): districts, towns, communities and villages.",
            "SELECT code, name, kind, level, parent_code, district_code, established, abolished, load_id FROM org_unit"),
        new("org_unit_history", ResearchObjectKind.Table, "code, name, kind, level, parent_code, district_code, established, abolished, load_id",
            "组织机构名册的每一个已加载版本。", "Every version of the organisation register ever loaded.",
            "SELECT code, name, kind, level, parent_code, district_code, established, abolished, load_id FROM org_unit_history"),
        new("person", ResearchObjectKind.Table, "person_key, gender, birth_year, name_masked, load_id",
            "人员：研究专用的假名键、性别、出生年份；不含姓名与身份证号（name_masked 恒为空，仅供指标宏绑定）。",
            "People: a research-only pseudonymous key, gender and birth year; no names and no ID numbers (name_masked is always NULL, kept only so the metric macros bind).",
            "SELECT research_key(person_key) AS person_key, gender, birth_year, CAST(NULL AS VARCHAR) AS name_masked, load_id FROM person"),
        new("roster_snapshot", ResearchObjectKind.Table, "as_of, load_id, rows",
            "每一期花名册快照（统计日期与行数）。", "Every roster snapshot (its as-of date and row count).",
            "SELECT as_of, load_id, rows FROM roster_snapshot"),
        new("roster_entry", ResearchObjectKind.Table,
            "as_of, person_key, unit_code, post_category, employment, part_time_since, hired, left_on, talent_source, education, major, salary_supplement, load_id",
            "花名册明细：每期快照中每人一行（岗位类别、专兼职、入职/离职、人才来源、学历专业、补贴）。",
            "Roster rows: one per person per snapshot (post category, employment, hired/left, talent source, education, supplement).",
            "SELECT as_of, research_key(person_key) AS person_key, unit_code, post_category, employment, part_time_since, hired, left_on, talent_source, education, major, salary_supplement, load_id FROM roster_entry"),
        new("exam_result", ResearchObjectKind.Table, "person_key, exam_year, level, level_rank, passed, issued, load_id",
            "职业水平考试成绩（不含证书编号）。", "Professional exam results (without certificate numbers).",
            "SELECT research_key(person_key) AS person_key, exam_year, level, level_rank, passed, issued, load_id FROM exam_result"),
        new("appraisal", ResearchObjectKind.Table, "person_key, year, appraisal_type, assessor_code, ethics_score, performance_score, satisfaction_score, grade, load_id",
            "年度考核结果。", "Yearly appraisal results.",
            "SELECT research_key(person_key) AS person_key, year, appraisal_type, assessor_code, ethics_score, performance_score, satisfaction_score, grade, load_id FROM appraisal"),
        new("post_quota", ResearchObjectKind.Table, "year, unit_code, requested, approved, load_id",
            "岗位编制申报与核定。", "Post quotas requested and approved.",
            "SELECT year, unit_code, requested, approved, load_id FROM post_quota"),
        new("demo_site", ResearchObjectKind.Table, "name, unit_code, year, category, load_id",
            "示范点与示范项目。", "Demonstration sites and projects.",
            "SELECT name, unit_code, year, category, load_id FROM demo_site"),
        new("setting", ResearchObjectKind.Table, "name, value",
            "指标口径使用的部署设置（如存量/增量分界日 talent_baseline）。", "Deployment settings the metric macros read (e.g. talent_baseline).",
            "SELECT name, value FROM setting"),
        new("forecast_scenario", ResearchObjectKind.Table, "name, created_at, assumptions_json",
            "规划人员保存的预测情景。", "Planners' named forecast scenarios.",
            "SELECT name, created_at, assumptions_json FROM forecast_scenario"),
        new("forecast_result", ResearchObjectKind.Table, "run_at, scenario, data_vintage, district_code, district_name, year, method, required_posts, qualified_posts, lower80, upper80, lower95, upper95, gap_posts, certified, stock_certified, new_certified, approved_posts, reason_zh, reason_en",
            "每次预测运行的结果：情景 × 区(市)县 × 预测年份。", "Results of every forecast run: scenario × district × projected year.",
            "SELECT * FROM forecast_result"),
        new("forecast_backtest", ResearchObjectKind.Table, "run_at, method, district_code, mae, mase, forecasts, chosen",
            "每次预测运行的回测误差（MAE、MASE）。", "The backtest errors (MAE, MASE) behind each forecast run.",
            "SELECT * FROM forecast_backtest"),
        new("research_info", ResearchObjectKind.Table, "built_at, source_fingerprint",
            "本研究库的生成时间与来源仓库的版本标记。", "When this research file was built, and the warehouse state it was built from."),
    ];

    public static readonly IReadOnlyList<ResearchObject> Views =
    [
        new("forecast_latest", ResearchObjectKind.View, "(columns of forecast_result)",
            "每个情景最近一次预测运行的结果。", "The latest forecast run's rows of each scenario.",
            "SELECT r.* FROM forecast_result r JOIN (SELECT scenario, max(run_at) AS run_at FROM forecast_result GROUP BY scenario) l ON l.scenario = r.scenario AND l.run_at = r.run_at"),
    ];

    private static readonly Lazy<IReadOnlyList<ResearchObject>> MacroList = new(ReadMacros);

    /// <summary>The metric macros, each with the comment written above it in Metrics/*.sql.</summary>
    public static IReadOnlyList<ResearchObject> Macros => MacroList.Value;

    public static IEnumerable<ResearchObject> All => Tables.Concat(Views).Concat(Macros);

    [GeneratedRegex(@"^CREATE OR REPLACE MACRO (?<name>\w+)\((?<args>[^)]*)\) AS(?<table> TABLE)?", RegexOptions.Multiline)]
    private static partial Regex MacroHeader();

    private static List<ResearchObject> ReadMacros()
    {
        var macros = new List<ResearchObject>();
        foreach (var (_, sql) in SchemaScripts.Read("Metrics"))
        {
            var lines = sql.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var header = MacroHeader().Match(lines[i]);
                if (!header.Success) continue;
                var comment = new List<string>();
                for (var j = i - 1; j >= 0 && lines[j].StartsWith("--", StringComparison.Ordinal); j--)
                    comment.Insert(0, lines[j][2..].Trim());
                var text = string.Join(" ", comment);
                var kind = header.Groups["table"].Success ? "table macro" : "scalar macro";
                macros.Add(new ResearchObject(header.Groups["name"].Value, ResearchObjectKind.Macro,
                    $"{header.Groups["name"].Value}({header.Groups["args"].Value})", text, $"{kind}: {text}"));
            }
        }
        return macros;
    }
}
