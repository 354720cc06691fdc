using System.Globalization;

namespace Analytics.Etl.DemoData;

/// <summary>
/// Every exam sitting of every person. The city-level 社工员 certification is held in spring (issued May–June);
/// the national exams (助理社会工作师, 社会工作师, 高级) are held in June and issued October–December,
/// so the --to year has only the spring certification (its national results are not out on 30 June).
/// </summary>
internal sealed class ExamBook(DemoRandom random, int lastYear)
{
    public const int FirstExamYear = 2015;
    private readonly Dictionary<(int Year, int Rank), int> _serials = [];

    public List<DemoExamAttempt> Attempts { get; } = [];
    public int LastYear { get; } = lastYear;

    public bool NationalHeld(int year) => year >= FirstExamYear && year < LastYear;

    public static DateOnly SpringIssue(DemoRandom r, int year) => r.DateBetween(new DateOnly(year, 5, 10), new DateOnly(year, 6, 20));

    public static DateOnly NationalIssue(DemoRandom r, int year) => r.DateBetween(new DateOnly(year, 10, 10), new DateOnly(year, 12, 20));

    /// <summary>Whether the person already has a result for that year and level (a second one would conflict).</summary>
    public static bool HasSat(DemoPerson person, int year, int rank) => person.Exams.Exists(e => e.Year == year && e.LevelRank == rank);

    public static bool HasSatIn(DemoPerson person, int year) => person.Exams.Exists(e => e.Year == year);

    public void Fail(DemoPerson person, int year, int rank) => Add(person, new DemoExamAttempt(person.Index, year, rank, false, null, null));

    /// <summary>A pass; <paramref name="issueMayBeEmpty"/> leaves 发证日期 empty in some rows (only where no snapshot can tell).</summary>
    public DemoExamAttempt Pass(DemoPerson person, int year, int rank, bool issueMayBeEmpty = false)
    {
        DateOnly? issued = rank == 1 ? SpringIssue(random, year) : NationalIssue(random, year);
        if (issueMayBeEmpty && random.Chance(0.15)) issued = null;
        var attempt = new DemoExamAttempt(person.Index, year, rank, true, CertificateNo(year, rank), issued);
        Add(person, attempt);
        return attempt;
    }

    /// <summary>A pass, sometimes after one or two failed sittings at the same level in earlier years (people re-sit).</summary>
    public DemoExamAttempt PassAfterResits(DemoPerson person, int year, int rank, bool issueMayBeEmpty = false)
    {
        var resits = random.Weighted([0.55, 0.3, 0.15]);
        for (var i = resits; i >= 1; i--)
            if (year - i >= FirstExamYear && (rank == 1 || NationalHeld(year - i)) && !HasSat(person, year - i, rank)) Fail(person, year - i, rank);
        return Pass(person, year, rank, issueMayBeEmpty);
    }

    /// <summary>Attempts grouped by exam year, each year in the order they were made.</summary>
    public IEnumerable<(int Year, List<DemoExamAttempt> Attempts)> ByYear() =>
        Attempts.GroupBy(a => a.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.ToList()));

    private void Add(DemoPerson person, DemoExamAttempt attempt)
    {
        if (attempt.Year < FirstExamYear || attempt.Year > LastYear)
            throw new InvalidOperationException($"exam year {attempt.Year} outside {FirstExamYear}..{LastYear}");
        if (HasSat(person, attempt.Year, attempt.LevelRank))
            throw new InvalidOperationException($"person {person.Index} already has a {attempt.Year} result at level {attempt.LevelRank}");
        Attempts.Add(attempt);
        person.Exams.Add(attempt);
    }

    private string CertificateNo(int year, int rank)
    {
        var serial = _serials.GetValueOrDefault((year, rank)) + 1;
        _serials[(year, rank)] = serial;
        var inv = CultureInfo.InvariantCulture;
        return rank == 1
            ? "CDSGY" + year.ToString(inv) + serial.ToString("D5", inv)
            : "SW" + year.ToString(inv) + "ZSG"[rank - 2] + serial.ToString("D6", inv);
    }
}
