namespace Analytics.Etl.DemoData;

/// <summary>
/// Hires people and keeps each unit's qualified professional posts at what its plan asks for: first by moving a
/// social-work professional already working there into the post, else by having a worker certified, else by hiring
/// (after 2020 mostly graduates and converted volunteers). Part-time holders past two years are made full-time or
/// left as they are (then the post no longer counts and someone else fills it).
/// </summary>
internal sealed class ProfessionalPostFiller(DemoOrgRegister org, PersonFactory factory, ExamBook exams, TalentPool pool, DemoRandom random)
{
    private static readonly DateOnly Baseline = new(2020, 1, 1);

    public DemoPerson Hire(DemoUnit unit, string source, DateOnly hired, bool routine, DateOnly? ageCapAt = null)
    {
        var person = !routine && source is PersonFactory.Volunteer or PersonFactory.Graduate && random.Chance(0.45)
            ? pool.TakeCertifiedBy(hired)
            : null;
        if (person is not null) person.TalentSource = source;
        person ??= factory.ForSource(source, hired, socialWorkDegree: !routine, ageCapAt);
        person.Hired = hired;
        person.Unit = person.LastUnit = unit.Index;
        person.AssistantSupplement = org.Districts[unit.District].Tier switch
        {
            DistrictTier.Central => 600,
            DistrictTier.Suburban => 500,
            _ => 400,
        };
        person.PostCategory = !routine ? DemoPerson.ProfessionalPost
            : random.Chance(unit.IsTown ? 0.4 : 0.15) ? DemoPerson.OtherPost : DemoPerson.CommunityWorker;
        unit.Workers.Add(person.Index);
        return person;
    }

    public void Fill(DemoUnit unit, int h, DateOnly previous, DateOnly snapshot)
    {
        var qualified = 0;
        foreach (var index in unit.Workers)
        {
            var person = factory.People[index];
            if (person.HoldsProfessionalPost && person.PartTimeSince is { } since && snapshot > since.AddYears(2) && random.Chance(0.55))
                person.PartTimeSince = null; // made full-time; the others stay part-time beyond two years
            if (person.QualifiedAt(snapshot)) qualified++;
        }
        for (var wanted = unit.Desired(h); qualified < wanted; qualified++)
        {
            var candidate = unit.Workers.Select(i => factory.People[i])
                .FirstOrDefault(p => !p.HoldsProfessionalPost && p.ProfessionalAt(snapshot));
            if (candidate is null && random.Chance(snapshot < Baseline ? 0.6 : 0.3))
            {
                candidate = unit.Workers.Select(i => factory.People[i])
                    .FirstOrDefault(p => !p.HoldsProfessionalPost && !ExamBook.HasSatIn(p, snapshot.Year));
                if (candidate is not null) CertifyNow(candidate, snapshot);
            }
            if (candidate is not null)
            {
                candidate.PostCategory = DemoPerson.ProfessionalPost;
                if (random.Chance(0.3)) candidate.PartTimeSince = WorkforceSimulator.Max(candidate.Hired!.Value, random.DateBetween(previous.AddDays(1), snapshot));
                continue;
            }
            var hired = random.DateBetween(previous.AddDays(1), snapshot);
            var hire = Hire(unit, factory.ProfessionalSource(hired, unit.Kind == "建制村"), hired, routine: false);
            if (hire.TalentSource == PersonFactory.AgencyPosted && hired.Year - 1 >= ExamBook.FirstExamYear
                && exams.NationalHeld(hired.Year - 1) && !ExamBook.HasSat(hire, hired.Year - 1, 2))
                exams.Pass(hire, hired.Year - 1, 2);
        }
    }

    /// <summary>Spring: the city's 社工员 certification; autumn: the national 助理社会工作师 exam, sometimes after re-sits.</summary>
    private void CertifyNow(DemoPerson person, DateOnly snapshot)
    {
        if (snapshot.Month <= 6) exams.PassAfterResits(person, snapshot.Year, 1);
        else exams.PassAfterResits(person, snapshot.Year, 2);
    }
}
