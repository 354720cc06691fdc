namespace Analytics.Etl.DemoData;

/// <summary>Creates synthetic people (name, ID number, education) fitting a talent source and an age at a given date.</summary>
internal sealed class PersonFactory(DemoRandom random, ResidentIdFactory ids)
{
    public const string Stock = "存量转岗", Graduate = "高校社工专业毕业生", VillageGraduate = "一村一名大学生",
        Volunteer = "志愿者转化", AgencyPosted = "社工机构派驻", OtherSource = "其他";

    private static readonly string[] OtherMajors =
        ["行政管理", "汉语言文学", "会计学", "法学", "社会学", "心理学", "计算机科学与技术", "农学", "护理学", "公共事业管理", "市场营销"];

    public List<DemoPerson> People { get; } = [];

    /// <summary>A person aged minAge–maxAge at <paramref name="at"/>.</summary>
    public DemoPerson Create(DateOnly at, int minAge, int maxAge, string education, string? major, bool? male = null)
    {
        var isMale = male ?? random.Chance(0.32); // community work is mostly done by women
        var birth = at.AddYears(-random.Between(minAge, maxAge)).AddDays(-random.Between(0, 364));
        var person = new DemoPerson
        {
            Index = People.Count, IdNumber = ids.Next(birth, isMale), Name = ChineseNamePool.PersonName(random, isMale),
            Male = isMale, Birth = birth, Education = education, Major = major,
        };
        People.Add(person);
        return person;
    }

    /// <summary>A new hire from <paramref name="source"/>; with <paramref name="socialWorkDegree"/> the person studied 社会工作 (大专+).</summary>
    public DemoPerson ForSource(string source, DateOnly hired, bool socialWorkDegree, DateOnly? ageCapAt = null)
    {
        // Nobody older than 57 on ageCapAt (the first snapshot, for stock hired long before it).
        var elapsed = ageCapAt is { } cap ? Math.Max(0, cap.Year - hired.Year) : 0;
        int Lo(int age) => Math.Min(age, 57 - elapsed);
        int Hi(int age) => Math.Max(18, Math.Min(age, 57 - elapsed));
        var person = source switch
        {
            Graduate => Create(hired, Lo(21), Hi(26), Pick(["大专", "本科", "硕士研究生"], [0.35, 0.55, 0.1]),
                socialWorkDegree || random.Chance(0.85) ? "社会工作" : "社会学"),
            VillageGraduate => Create(hired, Lo(22), Hi(27), Pick(["大专", "本科"], [0.5, 0.5]),
                socialWorkDegree || random.Chance(0.15) ? "社会工作" : random.Pick(OtherMajors)),
            AgencyPosted => Create(hired, Lo(23), Hi(40), Pick(["大专", "本科", "硕士研究生"], [0.35, 0.55, 0.1]),
                socialWorkDegree || random.Chance(0.6) ? "社会工作" : random.Pick(OtherMajors)),
            Volunteer => socialWorkDegree
                ? Create(hired, Lo(22), Hi(40), Pick(["大专", "本科"], [0.5, 0.5]), "社会工作")
                : Create(hired, Lo(22), Hi(45), Pick(["高中及以下", "中专", "大专", "本科"], [0.15, 0.2, 0.35, 0.3]), MaybeMajor(0.05)),
            _ => socialWorkDegree
                ? Create(hired, Lo(25), Hi(45), Pick(["大专", "本科"], [0.6, 0.4]), "社会工作")
                : Create(hired, Lo(24), Hi(52), Pick(["高中及以下", "中专", "大专", "本科"], [0.22, 0.26, 0.32, 0.2]), MaybeMajor(0.02)),
        };
        person.TalentSource = source;
        return person;
    }

    /// <summary>The talent source of a routine hire on <paramref name="hired"/>: after the 2020 baseline more graduates and volunteers.</summary>
    public string RoutineSource(DateOnly hired, bool village)
    {
        if (hired < new DateOnly(2020, 1, 1))
            return Pick([Stock, OtherSource, Volunteer, Graduate, VillageGraduate, AgencyPosted], [0.5, 0.22, 0.1, 0.04, village ? 0.12 : 0, 0.03]);
        return Pick([Graduate, Volunteer, VillageGraduate, AgencyPosted, Stock, OtherSource], [0.3, 0.25, village ? 0.15 : 0, 0.08, 0.1, 0.12]);
    }

    /// <summary>The talent source of a hire made to fill a professional post.</summary>
    public string ProfessionalSource(DateOnly hired, bool village)
    {
        if (hired < new DateOnly(2020, 1, 1))
            return Pick([Stock, Graduate, AgencyPosted, Volunteer], [0.4, 0.25, 0.2, 0.15]);
        return Pick([Graduate, Volunteer, AgencyPosted, VillageGraduate, Stock], [0.45, 0.25, 0.12, village ? 0.12 : 0, 0.06]);
    }

    private string? MaybeMajor(double socialWorkShare) =>
        random.Chance(0.35) ? null : random.Chance(socialWorkShare) ? "社会工作" : random.Pick(OtherMajors);

    private string Pick(string[] items, double[] weights) => items[random.Weighted(weights)];
}
