namespace Analytics.Etl.DemoData;

/// <summary>
/// People who sit the exams without (yet) working in a community: students, volunteers, agency staff.
/// Some are hired later (as 志愿者转化 or graduates, already certified); the rest stay the talent pool.
/// </summary>
internal sealed class TalentPool(PersonFactory factory, ExamBook exams, DemoRandom random)
{
    private readonly List<(DateOnly From, DemoPerson Person)> _certified = [];
    private int _next;

    public void Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var start = random.Between(ExamBook.FirstExamYear, exams.LastYear);
            var person = factory.Create(new DateOnly(start, 6, 30), 20, 35, random.Chance(0.55) ? "本科" : "大专",
                random.Chance(0.4) ? "社会工作" : random.Chance(0.5) ? null : "社会学");
            SitYears(person, start);
            var first = person.Exams.Where(e => e.Passed).Select(e => e.CertifiedFrom).DefaultIfEmpty(DateOnly.MaxValue).Min();
            if (first != DateOnly.MaxValue) _certified.Add((first, person));
        }
        _certified.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.Person.Index.CompareTo(b.Person.Index));
    }

    /// <summary>The earliest-certified pool member not yet hired, if certified by <paramref name="date"/>.</summary>
    public DemoPerson? TakeCertifiedBy(DateOnly date)
    {
        if (_next >= _certified.Count || _certified[_next].From > date) return null;
        return _certified[_next++].Person;
    }

    private void SitYears(DemoPerson person, int start)
    {
        var rank = 0;
        var since = 0;
        for (var year = start; year <= exams.LastYear; year++)
        {
            var (level, sitChance, passRate) = rank switch
            {
                0 when !exams.NationalHeld(year) || random.Chance(0.5) => (1, 0.8, 0.65),
                0 => (2, 0.8, 0.38),
                1 => (2, 0.4, 0.42),
                2 when year - since >= 2 => (3, 0.25, 0.28),
                3 when year - since >= 3 => (4, 0.1, 0.35),
                _ => (0, 0, 0),
            };
            if (level == 0 || (level > 1 && !exams.NationalHeld(year)) || !random.Chance(sitChance)) continue;
            if (random.Chance(passRate))
            {
                exams.Pass(person, year, level, issueMayBeEmpty: true);
                rank = level;
                since = year;
            }
            else
            {
                exams.Fail(person, year, level);
                if (random.Chance(0.3)) return; // gives up
            }
        }
    }
}

/// <summary>Workers sitting the exams in each half-year: 社工员 in spring, the national exams in autumn.</summary>
internal sealed class ExamSittings(ExamBook exams, DemoRandom random)
{
    private static readonly DateOnly Baseline = new(2020, 1, 1);

    public void Sit(DemoPerson person, DateOnly snapshot)
    {
        var year = snapshot.Year;
        var spring = snapshot.Month <= 6;
        var keen = person.Hired >= Baseline ? 2.5 : 1.0; // new talent sits far more often
        var rank = person.LevelAt(snapshot);
        if (ExamBook.HasSatIn(person, year)) return;
        if (spring)
        {
            if (rank == 0 && random.Chance(0.012 * keen)) Outcome(person, year, 1, 0.7);
            return;
        }
        if (!exams.NationalHeld(year)) return;
        var held = person.Exams.Where(e => e.Passed && e.LevelRank == rank).Select(e => e.Year).DefaultIfEmpty(year).Min();
        switch (rank)
        {
            case 0 when random.Chance(0.025 * keen): Outcome(person, year, 2, 0.38); break;
            case 1 when random.Chance(0.08 * keen): Outcome(person, year, 2, 0.45); break;
            case 2 when year - held >= 2 && random.Chance(0.05 * keen): Outcome(person, year, 3, 0.3); break;
            case 3 when year - held >= 3 && random.Chance(0.03): Outcome(person, year, 4, 0.35); break;
        }
    }

    private void Outcome(DemoPerson person, int year, int rank, double passRate)
    {
        if (random.Chance(passRate)) exams.Pass(person, year, rank);
        else exams.Fail(person, year, rank);
    }
}
