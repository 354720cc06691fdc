namespace Analytics.Etl.DemoData;

/// <summary>
/// Moves the workforce from one half-yearly snapshot to the next: the 2020 merger, leavers, transfers, exam sittings,
/// replacement hires, and the professional posts each unit's plan asks for. Everything is decided in a fixed order
/// (units by index, workers by arrival) so one seed always gives the same history.
/// </summary>
internal sealed class WorkforceSimulator(DemoOrgRegister org, PersonFactory factory, ExamBook exams, TalentPool pool, DemoRandom random)
{
    private readonly ExamSittings _sittings = new(exams, random.Fork("sittings"));
    private readonly ProfessionalPostFiller _filler = new(org, factory, exams, pool, random.Fork("posts"));
    private readonly List<DemoPerson> _leftThisStep = [];
    private DateOnly _previous;

    /// <summary>The workforce in post on the first snapshot date: stock hired over the years before it.</summary>
    public void Start(DateOnly first)
    {
        _previous = first.AddMonths(-6);
        var stock = random.Fork("stock");
        foreach (var unit in org.Units.Where(u => u.IsActive(first)))
        {
            for (var i = 0; i < unit.BaseHeadcount; i++)
            {
                var hired = first.AddDays(-1 - (int)(6500 * Math.Pow(stock.NextDouble(), 1.4)));
                var person = _filler.Hire(unit, factory.RoutineSource(hired, unit.Kind == "建制村"), hired, routine: true, ageCapAt: first);
                var q = i < unit.InitialQualified;
                if (q || stock.Chance(0.07)) CertifyBefore(person, first, stock);
                else if (stock.Chance(0.08) && first.Year - 1 >= ExamBook.FirstExamYear) exams.Fail(person, stock.Between(ExamBook.FirstExamYear, first.Year - 1), 2);
                if (!q && !stock.Chance(0.04)) continue;
                person.PostCategory = DemoPerson.ProfessionalPost;
                if (stock.Chance(0.15)) person.PartTimeSince = Max(hired, first.AddDays(-stock.Between(30, 540)));
            }
        }
        Advance(first, initial: true);
    }

    public void Advance(DateOnly snapshot, bool initial = false)
    {
        var h = HalfYears.Of(snapshot);
        _leftThisStep.Clear();
        if (!initial)
        {
            Merge(snapshot);
            LeaveAndTransfer(snapshot);
        }
        foreach (var unit in org.Units)
        {
            if (!unit.IsActive(snapshot)) continue;
            foreach (var index in unit.Workers) _sittings.Sit(factory.People[index], snapshot);
            while (unit.Workers.Count < unit.BaseHeadcount)
            {
                var hired = random.DateBetween(_previous.AddDays(1), snapshot);
                _filler.Hire(unit, factory.RoutineSource(hired, unit.Kind == "建制村"), hired, routine: true);
            }
            _filler.Fill(unit, h, _previous, snapshot);
        }
        _previous = snapshot;
    }

    /// <summary>The roster rows of the snapshot just simulated: people in post, and leavers listed once with 离职日期.</summary>
    public IReadOnlyList<(DemoPerson Person, DemoUnit Unit)> Roster(DateOnly snapshot)
    {
        var rows = new List<(DemoPerson Person, DemoUnit Unit)>();
        foreach (var unit in org.Units.Where(u => u.IsActive(snapshot)))
            rows.AddRange(unit.Workers.Select(i => (factory.People[i], unit)));
        rows.AddRange(_leftThisStep.Where(p => p.ListedOnceAfterLeaving).Select(p => (p, org.Units[p.LastUnit])));
        rows.Sort((a, b) =>
        {
            var byUnit = string.CompareOrdinal(a.Unit.Code, b.Unit.Code);
            return byUnit != 0 ? byUnit : a.Person.Index.CompareTo(b.Person.Index);
        });
        return rows;
    }

    private void Merge(DateOnly snapshot)
    {
        foreach (var unit in org.Units)
        {
            if (unit.Abolished is not { } abolished || abolished <= _previous || abolished > snapshot || unit.Successor < 0) continue;
            var successor = org.Units[unit.Successor];
            foreach (var index in unit.Workers) factory.People[index].Unit = successor.Index;
            successor.Workers.AddRange(unit.Workers);
            unit.Workers.Clear();
        }
    }

    private void LeaveAndTransfer(DateOnly snapshot)
    {
        foreach (var unit in org.Units)
        {
            if (!unit.IsActive(snapshot)) continue;
            foreach (var index in unit.Workers.ToList())
            {
                var person = factory.People[index];
                var leaveChance = person.Birth.AddYears(60) <= snapshot ? 1.0
                    : person.HoldsProfessionalPost ? 0.025 : person.PostCategory == DemoPerson.OtherPost ? 0.06 : 0.035;
                if (random.Chance(leaveChance))
                {
                    person.Left = Max(person.Hired!.Value, random.DateBetween(_previous.AddDays(1), snapshot));
                    person.ListedOnceAfterLeaving = random.Chance(0.4);
                    person.LastUnit = unit.Index;
                    person.Unit = -1;
                    unit.Workers.Remove(index);
                    _leftThisStep.Add(person);
                }
                else if (!person.HoldsProfessionalPost && !unit.IsTown && random.Chance(0.012))
                {
                    var members = org.TownMembers[unit.Town].Where(i => i != unit.Index && org.Units[i].IsActive(snapshot)).ToList();
                    if (members.Count == 0) continue;
                    var target = org.Units[random.Pick(members)];
                    unit.Workers.Remove(index);
                    target.Workers.Add(index);
                    person.Unit = person.LastUnit = target.Index;
                }
            }
        }
    }

    private void CertifyBefore(DemoPerson person, DateOnly first, DemoRandom stock)
    {
        var lastNational = first.Year - 1;
        if (lastNational < ExamBook.FirstExamYear || stock.Chance(0.3))
        {
            exams.PassAfterResits(person, stock.Between(ExamBook.FirstExamYear, first.Year), 1, issueMayBeEmpty: false);
            return;
        }
        var year = stock.Between(ExamBook.FirstExamYear, lastNational);
        exams.PassAfterResits(person, year, 2, issueMayBeEmpty: true);
        if (year + 2 <= lastNational && stock.Chance(0.25)) exams.Pass(person, stock.Between(year + 2, lastNational), 3, issueMayBeEmpty: true);
    }

    internal static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
