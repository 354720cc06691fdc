using System.Text.RegularExpressions;
using Analytics.Warehouse.Storage;

namespace Analytics.Warehouse.Research;

public enum ResearchObjectKind { Table, View, Macro }

/// <summary>One documented object of the research surface: what the schema browser and docs/research-sql.md show.</summary>
/// <param name="Select">For a table: the de-identifying SELECT over the warehouse that fills it (research_key() re-keys people).</param>
public sealed record ResearchObject(string Name, ResearchObjectKind Kind, string Signature, string DescriptionZh, string DescriptionEn, string? Select = null);

/// <summary>
/// The research surface, defined once: every table with the de-identifying SELECT that builds it and its description,
/// the views, and the metric macros (descriptions taken from the comments above each macro in Metrics/*.sql).
/// No names, no ID numbers (not even masked), birth year instead of birth date, a person's other dates (hired, left,
/// part-time since, certificate issued) only to the month, people by a research-only key.
/// </summary>
public static partial class ResearchCatalog
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
            "as_of, person_key, unit_code, post_category, employment, part_time_since, hired, left_on, talent_source, education, major, salary_supplement, load_id, professional_title",
            "花名册明细：每期快照中每人一行（岗位类别、专兼职、入职/离职、人才来源、学历专业、补贴、职称）。兼职起始、入职、离职日期只精确到月（取当月 1 日）。",
            "Roster rows: one per person per snapshot (post category, employment, hired/left, talent source, education, supplement, professional title). Part-time-since, hired and left dates are coarsened to the month (its first day).",
            "SELECT as_of, research_key(person_key) AS person_key, unit_code, post_category, employment, " + Month("part_time_since") + ", " + Month("hired") + ", " + Month("left_on") + ", talent_source, education, major, salary_supplement, load_id, professional_title FROM roster_entry"),
        new("exam_result", ResearchObjectKind.Table, "person_key, exam_year, level, level_rank, passed, issued, load_id",
            "职业水平考试成绩（不含证书编号）；发证日期只精确到月。", "Professional exam results (without certificate numbers); the issue date is coarsened to the month.",
            "SELECT research_key(person_key) AS person_key, exam_year, level, level_rank, passed, " + Month("issued") + ", load_id FROM exam_result"),
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
        new("forecast_run", ResearchObjectKind.Table, "run_at, data_vintage, history_until, data_fingerprint, horizon_year, gap_method, qualified_method",
            "每次缺口预测运行：数据截至日期、历史截止日（自做回测）、目标年份和采用的方法。", "Every gap-forecast run: data vintage, history cut (a user's own backtest), horizon year and the methods shipped.",
            "SELECT * FROM forecast_run"),
        new("forecast_point", ResearchObjectKind.Table, "run_at, district_code, district_name, as_of, required_posts, qualified_posts, qualified_lo80, qualified_hi80, qualified_lo95, qualified_hi95, gap_posts, gap_lo80, gap_hi80, gap_lo95, gap_hi95, method, qualified_method, interval_extrapolated",
            "每次运行的预测值：区(市)县（全市 510100）× 半年末，含 80%/95% 区间。", "Each run's forecast: district (city 510100) × half-year end, with 80 %/95 % intervals.",
            "SELECT * FROM forecast_point"),
        new("forecast_backtest_cell", ResearchObjectKind.Table, "run_at, method, quantity, horizon, mae, relative_to_naive, origins, forecasts",
            "每次运行的滚动起点回测：方法 × 指标（缺口/达标岗位）× 预测步长（半年）的平均绝对误差及相对“不变”基准之比。", "Each run's rolling-origin backtest: MAE by method, quantity (gap/qualified) and horizon (half-years), relative to naive.",
            "SELECT * FROM forecast_backtest_cell"),
        new("forecast_coverage", ResearchObjectKind.Table, "run_at, area, quantity, horizon, level, coverage, forecasts",
            "预测区间的实测覆盖率（样本外）；coverage 为空表示起点太少无法测量。", "Measured out-of-sample coverage of the intervals; coverage NULL = too few origins to measure.",
            "SELECT * FROM forecast_coverage"),
        new("research_info", ResearchObjectKind.Table, "built_at, warehouse_id, source_fingerprint",
            "本研究库的生成时间、来源仓库的标识与版本标记。", "When this research file was built, the id of its warehouse, and the warehouse state it was built from."),
    ];

    /// <summary>A person's date coarsened to its month (the first day), keeping the column's name and DATE type.</summary>
    private static string Month(string column) => $"CAST(date_trunc('month', {column}) AS DATE) AS {column}";

    public static readonly IReadOnlyList<ResearchObject> Views =
    [
        new("forecast_latest", ResearchObjectKind.View, "(columns of forecast_point)",
            "最近一次预测运行的预测值。", "The rows of the latest forecast run.",
            "SELECT p.* FROM forecast_point p WHERE p.run_at = (SELECT max(r.run_at) FROM forecast_run r)"),
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
