namespace Analytics.Etl.DemoData;

/// <summary>One appraisal result (scores with one decimal).</summary>
internal sealed record DemoAppraisal(DemoPerson Person, int Year, string Type, string AssessorCode, double Ethics, double Performance, double? Satisfaction, string Grade);

/// <summary>
/// The year-end appraisals: each professional-post holder gets the 专业岗位 appraisal (always with 群众满意度),
/// other workers the community-worker appraisal; the assessor is the worker's 镇(街道). Coverage of certificate
/// holders drawing a salary supplement rises to nearly all from 2022 (the policy's target).
/// </summary>
internal static class AppraisalBuilder
{
    public const string WorkerType = "社区社会工作者绩效考评", PostType = "社区社工专业岗位绩效考评";

    public static List<DemoAppraisal> Build(int year, IEnumerable<(DemoPerson Person, DemoUnit Unit)> inPost, DemoOrgRegister org, DemoRandom random)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var rows = new List<DemoAppraisal>();
        foreach (var (person, unit) in inPost)
        {
            var certified = person.SupplementAt(yearEnd) > 0;
            var coverage = person.HoldsProfessionalPost || certified
                ? year switch { <= 2019 => 0.8, 2020 => 0.88, 2021 => 0.95, _ => 0.995 }
                : 0.85;
            if (!random.Chance(coverage)) continue;
            var type = person.HoldsProfessionalPost ? PostType : WorkerType;
            var ethics = Score(random, 80, 20);
            var performance = random.Chance(0.02) ? Score(random, 40, 19) : Score(random, 60, 40);
            double? satisfaction = type == PostType || random.Chance(0.5) ? Score(random, 70, 30) : null;
            var mean = (ethics + performance + (satisfaction ?? performance)) / 3;
            var grade = mean >= 92 ? "优秀" : mean >= 75 ? "合格" : mean >= 65 ? "基本合格" : "不合格";
            rows.Add(new DemoAppraisal(person, year, type, org.Units[unit.Town].Code, ethics, performance, satisfaction, grade));
        }
        return rows;
    }

    /// <summary>low + span × (1 − u²): most scores near the top of the range, one decimal.</summary>
    private static double Score(DemoRandom random, double low, double span)
    {
        var u = random.NextDouble();
        return Math.Round(low + span * (1 - u * u), 1);
    }
}
