namespace Analytics.Dashboards.Targets;

/// <summary>The rules a targets file must keep; each error names the row and the field, in Chinese and English.</summary>
internal static class TargetsValidation
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<TargetDefinition> targets)
    {
        var errors = new List<string>();
        if (targets.Count == 0) errors.Add("no targets / 没有目标: the file needs a \"targets\" array");
        foreach (var duplicate in targets.GroupBy(t => t.Id).Where(g => g.Count() > 1 && g.Key != ""))
            errors.Add($"id \"{duplicate.Key}\" appears {duplicate.Count()} times / 编号重复");

        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var at = $"targets[{i}]" + (t.Id == "" ? "" : $" ({t.Id})");
            if (t.Id == "") errors.Add($"{at}: id is missing / 缺少编号");
            if (t.Year is not (2022 or 2025)) errors.Add($"{at}: year must be 2022 or 2025, not {t.Year} / 年份须为2022或2025");
            if (!TargetIndicators.All.Contains(t.Indicator))
                errors.Add($"{at}: indicator \"{t.Indicator}\" is unknown; known: {string.Join(", ", TargetIndicators.All)} / 未知指标");
            if (t.Source is not (TargetIndicators.Policy or TargetIndicators.Planner))
                errors.Add($"{at}: source must be \"policy\" or \"planner\", not \"{t.Source}\" / 来源须为 policy 或 planner");
            if (t.Year == 2022 && t.Source != TargetIndicators.Policy)
                errors.Add($"{at}: the 2022 targets are fixed by the policy: source must be \"policy\" / 2022年目标由政策确定");
            if (t.CoverageOnly && t.Threshold is not null)
                errors.Add($"{at}: a coverage-only row has no threshold / 仅报告覆盖率的目标不设阈值");
            if (!t.CoverageOnly && t.Threshold is null)
                errors.Add($"{at}: threshold is missing (a share between 0 and 1) / 缺少阈值（0到1之间的比例）");
            if (t.Threshold is { } share && (double.IsNaN(share) || share <= 0 || share > 1))
                errors.Add($"{at}: threshold {share} must be a share above 0 and at most 1 / 阈值须大于0且不超过1");
            if (t.Name.Zh == "" || t.Name.En == "") errors.Add($"{at}: name needs zh and en / 名称须有中英文");
            if (t.Rule.Zh == "" || t.Rule.En == "") errors.Add($"{at}: rule needs zh and en / 规则须有中英文");
        }

        foreach (var (indicator, threshold) in TargetIndicators.Fixed2022)
        {
            var row = targets.FirstOrDefault(t => t.Year == 2022 && t.Indicator == indicator);
            if (row is null) errors.Add($"the 2022 policy target \"{indicator}\" is missing / 缺少2022年政策目标");
            else if (row.Threshold != threshold || row.CoverageOnly != (threshold is null))
                errors.Add($"{row.Id}: the 2022 target \"{indicator}\" is fixed by the policy at " +
                           (threshold is null ? "coverage only (coverageOnly: true)" : $"threshold {threshold}") + " / 2022年目标值由政策确定，不可修改");
        }

        foreach (var year in targets.Select(t => t.Year).Where(y => y > 2022).Distinct().Order())
        foreach (var indicator in TargetIndicators.Standing)
        {
            var standing = targets.FirstOrDefault(t => t.Year == year && t.Indicator == indicator && t.Source == TargetIndicators.Policy);
            if (standing is null)
                errors.Add($"the 2022 target \"{indicator}\" stays in force: the {year} targets need it as a policy row with threshold {TargetIndicators.Fixed2022[indicator]} / 2022年岗位最低配置持续有效，{year}年目标中须保留");
            else if (standing.Threshold != TargetIndicators.Fixed2022[indicator] || standing.CoverageOnly)
                errors.Add($"{standing.Id}: the 2022 target \"{indicator}\" stays in force at threshold {TargetIndicators.Fixed2022[indicator]} / 持续有效的2022年目标值不可修改");
        }
        return errors;
    }
}
