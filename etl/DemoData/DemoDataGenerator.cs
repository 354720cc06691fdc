using System.Globalization;
using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Etl.DemoData;

/// <summary>
/// Writes a deterministic set of demo extracts (EXTRACTS.md) for the real districts of Chengdu: the org register and
/// its 2020 adjustment, half-yearly roster snapshots, yearly exam results, appraisals, post quotas and demonstration
/// sites, plus a few deliberately bad rows. Same options and seed → the same bytes. See docs/demo-data.md.
/// </summary>
public static class DemoDataGenerator
{
    public const string RegisterFileName = "区划名录.csv", RegisterAdjustmentFileName = "区划名录_2020调整.csv",
        QuotaFileName = "专业岗位开发设置.csv", SiteFileName = "示范点名录.csv";

    public static string RosterFileName(DateOnly asOf) => $"{asOf.Year}年{asOf.Month:D2}月社区工作者花名册.csv";

    public static string ExamFileName(int year) => $"exam_{year}.csv";

    public static string AppraisalFileName(int year) => $"{year}年绩效考评结果.csv";

    /// <summary>The snapshot dates: 06-30 and 12-31 of each year from..to, the last one 06-30 of --to ("today").</summary>
    public static IReadOnlyList<DateOnly> SnapshotDates(int from, int to) =>
        Enumerable.Range(HalfYears.Of(new DateOnly(from, 6, 30)), (to - from) * 2 + 1).Select(HalfYears.End).ToList();

    public static DemoDataSummary Write(DemoDataOptions o, IProgress<string>? progress = null)
    {
        var problems = o.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(o));
        Directory.CreateDirectory(o.OutDir);
        var run = new Run(o, progress);
        run.WriteAll();
        return new DemoDataSummary(o.OutDir, run.Files, run.BadRows);
    }

    private sealed class Run
    {
        private readonly DemoDataOptions _o;
        private readonly IProgress<string>? _progress;
        private readonly DemoOrgRegister _org;
        private readonly PersonFactory _people;
        private readonly ExamBook _exams;
        private readonly TalentPool _pool;
        private readonly BadRowPlan _bad;
        private readonly IReadOnlyList<DateOnly> _snapshots;

        public List<DemoFileSummary> Files { get; } = [];
        public List<DemoBadRow> BadRows { get; } = [];

        public Run(DemoDataOptions o, IProgress<string>? progress)
        {
            _o = o;
            _progress = progress;
            var districts = DemoDistricts.ForScale(o.Scale, DemoRandom.For(o.Seed, "districts"));
            _org = OrgRegisterBuilder.Build(districts, DemoRandom.For(o.Seed, "org"), withMerger: o.To >= 2020);
            var ids = new ResidentIdFactory(DemoRandom.For(o.Seed, "ids"), [.. districts.Select(d => d.Code), .. DemoDistricts.OtherAddressCodes]);
            _people = new PersonFactory(DemoRandom.For(o.Seed, "people"), ids);
            _exams = new ExamBook(DemoRandom.For(o.Seed, "exams"), o.To);
            _pool = new TalentPool(_people, _exams, DemoRandom.For(o.Seed, "pool"));
            _pool.Generate(_org.Units.Count(u => !u.IsTown));
            _snapshots = SnapshotDates(o.From, o.To);
            _bad = new BadRowPlan(o, _org, _snapshots, new PersonFactory(DemoRandom.For(o.Seed, "outsiders"), ids));
        }

        public void WriteAll()
        {
            WriteRegister();
            var simulator = new WorkforceSimulator(_org, _people, _exams, _pool, DemoRandom.For(_o.Seed, "workforce"));
            var appraisalRandom = DemoRandom.For(_o.Seed, "appraisals");
            for (var k = 0; k < _snapshots.Count; k++)
            {
                var asOf = _snapshots[k];
                if (k == 0) simulator.Start(asOf);
                else simulator.Advance(asOf);
                var roster = simulator.Roster(asOf);
                WriteRoster(asOf, roster);
                if (asOf.Month == 12)
                    WriteAppraisals(asOf.Year, AppraisalBuilder.Build(asOf.Year, roster.Where(r => r.Person.InPost), _org, appraisalRandom));
                _progress?.Report($"{RosterFileName(asOf)}: {roster.Count} rows");
            }
            WriteExams();
            WritePlanning();
        }

        private DemoCsvWriter Open(string fileName, ExtractKind kind, IReadOnlyList<ExtractColumn> columns, DemoFileStyle style) =>
            new(_o.OutDir, fileName, kind, columns, style, _bad.For(fileName), BadRows);

        private void Done(DemoCsvWriter writer)
        {
            Files.Add(writer.Finish());
            writer.Dispose();
        }

        private void WriteRegister()
        {
            var w = Open(RegisterFileName, ExtractKinds.OrgUnits, DemoRowValues.OrgUnitColumns, DemoFileStyle.Utf8Bom);
            foreach (var d in _org.Districts) w.Row(DemoRowValues.OrgUnit(w, d.Code, d.Name, d.Kind, "", null, null));
            foreach (var u in _org.Units.Where(u => u.Established is null))
                w.Row(DemoRowValues.OrgUnit(w, u.Code, u.Name, u.Kind, u.ParentCode, null, null));
            Done(w);
            if (_o.To < 2020) return;
            // The 2020 adjustment comes from another system: English header aliases, no BOM.
            w = Open(RegisterAdjustmentFileName, ExtractKinds.OrgUnits, DemoRowValues.OrgUnitColumns,
                DemoFileStyle.Utf8 with { EnglishHeader = true });
            foreach (var u in _org.Units.Where(u => u.Established is not null || u.Abolished is not null))
                w.Row(DemoRowValues.OrgUnit(w, u.Code, u.Name, u.Kind, u.ParentCode, u.Established, u.Abolished));
            Done(w);
        }

        private void WriteRoster(DateOnly asOf, IReadOnlyList<(DemoPerson Person, DemoUnit Unit)> roster)
        {
            var fileName = RosterFileName(asOf);
            // Old HR system (to 2020): Excel-saved GB18030 with 2019/6/30 dates, without the optional 职称; its first export
            // also lacks the optional 性别.
            var style = asOf.Year <= 2020
                ? DemoFileStyle.Gb18030 with
                {
                    Dates = DemoDateStyle.Slash,
                    Omit = OmitsGender(asOf) ? new HashSet<ExtractColumn> { RosterKind.Gender, RosterKind.ProfessionalTitle } : new HashSet<ExtractColumn> { RosterKind.ProfessionalTitle },
                }
                : asOf == new DateOnly(2021, 12, 31) ? DemoFileStyle.Utf8Bom with { EnglishHeader = true } : DemoFileStyle.Utf8Bom;
            var w = Open(fileName, ExtractKinds.Roster, DemoRowValues.RosterColumns, style);
            var duplicate = fileName == _bad.DuplicateRosterFile;
            var middle = roster.Count / 2;
            for (var i = 0; i < roster.Count; i++)
            {
                var (person, unit) = roster[i];
                var values = DemoRowValues.Roster(w, asOf, person, unit.Code);
                if (duplicate && i >= middle && person.InPost && person.PostCategory == DemoPerson.OtherPost)
                {
                    duplicate = false;
                    const string zh = "同一人在同一期花名册中出现两次（两行都不加载）", en = "the same person is listed twice in one snapshot (neither row loads)";
                    w.BadRow(values, RosterKind.IdNumber, zh, en);
                    w.BadRow(values, RosterKind.IdNumber, zh, en);
                    continue;
                }
                w.Row(values);
            }
            Done(w);
        }

        private bool OmitsGender(DateOnly asOf) => asOf == _snapshots[0] && asOf.Year == 2019;

        private void WriteAppraisals(int year, List<DemoAppraisal> rows)
        {
            var w = Open(AppraisalFileName(year), ExtractKinds.Appraisals, DemoRowValues.AppraisalColumns, DemoFileStyle.Gb18030);
            foreach (var row in rows) w.Row(DemoRowValues.Appraisal(row));
            Done(w);
        }

        private void WriteExams()
        {
            var byYear = _exams.ByYear().ToDictionary(g => g.Year, g => g.Attempts);
            for (var year = ExamBook.FirstExamYear; year <= _o.To; year++)
            {
                // The exam authority exports English headers, UTF-8 without BOM; before 2019 with 20190615-style dates.
                var style = DemoFileStyle.Utf8 with { EnglishHeader = true, Dates = year < 2019 ? DemoDateStyle.Compact : DemoDateStyle.Iso };
                var w = Open(ExamFileName(year), ExtractKinds.ExamResults, DemoRowValues.ExamColumns, style);
                foreach (var a in byYear.GetValueOrDefault(year) ?? [])
                    w.Row(DemoRowValues.Exam(w, a, _people.People[a.PersonIndex], chineseResults: year % 2 == 0));
                Done(w);
            }
        }

        private void WritePlanning()
        {
            var w = Open(QuotaFileName, ExtractKinds.PostQuotas, DemoRowValues.PostQuotaColumns, DemoFileStyle.Utf8Bom);
            foreach (var q in PlanningExtractsBuilder.Quotas(_org, _o.From, _o.To, DemoRandom.For(_o.Seed, "quotas"))) w.Row(DemoRowValues.Quota(q));
            Done(w);
            w = Open(SiteFileName, ExtractKinds.DemoSites, DemoRowValues.DemoSiteColumns, DemoFileStyle.Gb18030);
            foreach (var s in PlanningExtractsBuilder.Sites(_org, _o.To, DemoRandom.For(_o.Seed, "sites"))) w.Row(DemoRowValues.Site(s));
            Done(w);
        }
    }
}
