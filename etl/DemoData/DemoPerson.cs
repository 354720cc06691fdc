namespace Analytics.Etl.DemoData;

/// <summary>One exam sitting. Certified (for the metrics) from the issue date, or from 1 January of the exam year without one.</summary>
internal sealed record DemoExamAttempt(int PersonIndex, int Year, int LevelRank, bool Passed, string? CertificateNo, DateOnly? Issued)
{
    public DateOnly CertifiedFrom => Issued ?? new DateOnly(Year, 1, 1);
}

/// <summary>A synthetic person: worker, former worker or member of the talent pool (exam takers who never joined).</summary>
internal sealed class DemoPerson
{
    public const string ProfessionalPost = "社会工作专业岗位", CommunityWorker = "社区专职工作者", OtherPost = "其他";
    public static readonly IReadOnlyList<string> Educations = Extracts.Kinds.RosterKind.Educations;

    public required int Index { get; init; }
    public required string IdNumber { get; init; }
    public required string Name { get; init; }
    public required bool Male { get; init; }
    public required DateOnly Birth { get; init; }
    public required string Education { get; init; }
    public string? Major { get; init; }
    /// <summary>Monthly supplement for an 助理社会工作师 in this person's district (400–600 yuan).</summary>
    public int AssistantSupplement { get; set; } = 500;

    public List<DemoExamAttempt> Exams { get; } = [];

    // Employment (unset for the talent pool until hired).
    public int Unit { get; set; } = -1;
    public int LastUnit { get; set; } = -1;
    public string PostCategory { get; set; } = CommunityWorker;
    public DateOnly? PartTimeSince { get; set; }
    public DateOnly? Hired { get; set; }
    public DateOnly? Left { get; set; }
    public bool ListedOnceAfterLeaving { get; set; }
    public string TalentSource { get; set; } = "其他";

    public bool InPost => Unit >= 0;
    public bool HoldsProfessionalPost => PostCategory == ProfessionalPost;

    public bool DegreeProfessional =>
        Major is not null && Major.Contains("社会工作", StringComparison.Ordinal) && Educations.Skip(2).Contains(Education);

    public int LevelAt(DateOnly d)
    {
        var level = 0;
        foreach (var e in Exams)
            if (e.Passed && e.CertifiedFrom <= d && e.LevelRank > level) level = e.LevelRank;
        return level;
    }

    public bool ProfessionalAt(DateOnly d) => DegreeProfessional || LevelAt(d) > 0;

    /// <summary>The policy rule for a qualified post at d (METRICS.md), applied to this person's current row.</summary>
    public bool QualifiedAt(DateOnly d) =>
        InPost && HoldsProfessionalPost && ProfessionalAt(d) && (PartTimeSince is null || d <= PartTimeSince.Value.AddYears(2));

    public int SupplementAt(DateOnly d) => LevelAt(d) switch
    {
        1 => 200,
        2 => AssistantSupplement,
        3 => 800,
        4 => 1200,
        _ => 0,
    };
}
