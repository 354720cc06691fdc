namespace Analytics.Etl.Forecasting;

/// <summary>
/// The unit model fitted at the end of a history: learned hazards for every 社区/建制村 (and for the units the register
/// adds later), the capacity calibration, and the areas it projects (each district; each town with its share of its
/// district's vacant approved posts). The scenario engine: approvals, exam passes and attrition move it.
/// </summary>
internal sealed class UnitModel
{
    public const string MethodName = "ml-unit";

    private readonly Dictionary<string, ProjectionArea> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectionArea> _towns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _townDistrict = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _townShare = new(StringComparer.Ordinal);
    private readonly Lock _townGate = new();
    private Action? _buildTowns;

    private UnitModel(ForecastHistory history, CapacityCalibration calibration, int steps)
    {
        History = history; Calibration = calibration; Steps = steps;
    }

    public ForecastHistory History { get; }
    public CapacityCalibration Calibration { get; }
    /// <summary>Half-years projected (1 = the half-year after the history).</summary>
    public int Steps { get; }
    public int Origin => History.LastHalfYear;
    public IEnumerable<string> TownCodes { get { Towns(); return _towns.Keys; } }
    public string DistrictOfTown(string town) { Towns(); return _townDistrict[town]; }

    private void Towns()
    {
        lock (_townGate)
        {
            _buildTowns?.Invoke();
            _buildTowns = null;
        }
    }

    /// <summary>Trains the hazards and calibrates the capacity on <paramref name="history"/>; null when it is too short.</summary>
    public static UnitModel? Fit(ForecastHistory history, int steps, int seed)
    {
        if (history.Points < 2) return null;
        var hazards = UnitHazardModel.Train(history, seed);
        if (hazards is null) return null;
        var model = new UnitModel(history, CapacityCalibration.Fit(history), steps);
        model.BuildAreas(hazards);
        return model;
    }

    private void BuildAreas(UnitHazardModel hazards)
    {
        var last = History.Points - 1;
        var stats = PointStats.At(History, last);
        var present = History.Units.Where(u => u.Present[last]).ToList();
        var known = present.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        // Which units exist at each projected step (the register's merges and new units).
        var active = new List<HashSet<string>>();
        var added = new Dictionary<string, (FutureUnit Unit, int First)>(StringComparer.Ordinal);
        for (var k = 1; k <= Steps; k++)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (code, kind, town, district) in History.UnitsAt(Origin + k))
            {
                set.Add(code);
                if (!known.Contains(code) && !added.ContainsKey(code)) added[code] = (new FutureUnit(code, kind, town, district), k);
            }
            active.Add(set);
        }
        var rows = present.Select(u => (UnitFeatures.Build(u, last, Origin + 1, stats), u.Required))
            .Concat(added.Values.Select(a => (UnitFeatures.ForNewUnit(a.Unit.Kind == "建制村", a.Unit.DistrictCode, a.Unit.TownCode, Origin + 1, stats), a.Unit.Kind == "建制村" ? 1 : 2)))
            .ToList();
        var (up, down) = hazards.Predict(rows);
        var all = present.Select((u, i) => (u.Code, u.DistrictCode, u.TownCode, u.Required, Start: u.Qualified[last], First: 1, Index: i))
            .Concat(added.Values.Select((a, i) => (a.Unit.Code, a.Unit.DistrictCode, a.Unit.TownCode, Required: a.Unit.Kind == "建制村" ? 1 : 2, Start: 0, a.First, Index: present.Count + i)))
            .ToList();
        foreach (var group in all.GroupBy(x => x.DistrictCode))
            _districts[group.Key] = Area(group.Key, group.ToList(), up, down, active);
        // Towns are built on first use (the quota plan); the backtest only projects districts.
        _buildTowns = () =>
        {
            foreach (var group in all.GroupBy(x => x.TownCode))
            {
                _towns[group.Key] = Area(group.Key, group.ToList(), up, down, active);
                var district = group.First().DistrictCode;
                _townDistrict[group.Key] = district;
                var required = all.Where(x => x.DistrictCode == district).Sum(x => x.Required);
                _townShare[group.Key] = required == 0 ? 0 : (double)group.Sum(x => x.Required) / required;
            }
        };
    }

    private ProjectionArea Area(string code, List<(string Code, string DistrictCode, string TownCode, int Required, int Start, int First, int Index)> units,
        double[][] up, double[][] down, List<HashSet<string>> active)
    {
        var area = new ProjectionArea(code, units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            var x = units[i];
            var hazardUp = (double[])up[x.Index].Clone();
            for (var q = 1; q < hazardUp.Length; q++) hazardUp[q] = Math.Min(hazardUp[q], hazardUp[q - 1]); // never more likely to gain with more posts
            area.Up[i] = hazardUp;
            area.Down[i] = down[x.Index];
            area.Required[i] = x.Required;
            area.Start[i] = Math.Min(UnitFeatures.MaxState, x.Start);
            area.Offset[i] = Math.Max(0, x.Start - UnitFeatures.MaxState);
            area.FirstStep[i] = x.First;
            var lastStep = x.First - 1;
            for (var k = x.First; k <= Steps && active[k - 1].Contains(x.Code); k++) lastStep = k;
            area.LastStep[i] = lastStep;
        }
        return area;
    }

    public IEnumerable<string> DistrictCodes => _districts.Keys;

    /// <summary>Posts arriving at each step when the district approves <paramref name="approvals"/>(year) in each year not yet approved.</summary>
    public double[] Arrivals(string district, Func<int, double> approvals, int steps)
    {
        var info = History.Districts.FirstOrDefault(d => d.Code == district);
        var arrivals = new double[steps];
        for (var k = 1; k <= steps; k++)
        {
            var half = Origin + k;
            var year = HalfYears.Year(half);
            var firstInYear = k == 1 || !HalfYears.IsSecondHalf(half);
            if (firstInYear && (info is null || !info.IsApproved(year))) arrivals[k - 1] = Math.Max(0, approvals(year));
        }
        return arrivals;
    }

    /// <summary>The district's baseline approvals per year: its recent mean (years not yet approved left out).</summary>
    public double RecentApprovals(string district) =>
        History.Districts.FirstOrDefault(d => d.Code == district)?.RecentApprovals(HalfYears.Year(Origin)) ?? 0;

    public double DistrictSlack(string district) =>
        History.Districts.FirstOrDefault(d => d.Code == district) is { } info ? Calibration.SlackAtEnd(History, info) : 0;

    /// <summary>Expected path of a district (no shared effect).</summary>
    public AreaStep[] ProjectDistrict(string district, double[] arrivals, double passFactor = 1, double attritionFactor = 1) =>
        UnitProjection.Run(_districts[district], Calibration, DistrictSlack(district), arrivals, passFactor, attritionFactor);

    /// <summary>Paths of an area under <paramref name="paths"/> draws of the shared half-year effect (fixed seed: the same draws for every schedule).</summary>
    public IReadOnlyList<AreaStep[]> Simulate(string areaCode, bool town, double[] arrivals, double passFactor, double attritionFactor, int paths, int seed)
    {
        if (town) Towns();
        var area = town ? _towns[areaCode] : _districts[areaCode];
        var slack = town ? DistrictSlack(_townDistrict[areaCode]) * _townShare[areaCode] : DistrictSlack(areaCode);
        var random = new Random(seed);
        var result = new List<AreaStep[]>(paths);
        for (var m = 0; m < paths; m++)
        {
            var effects = Enumerable.Range(0, arrivals.Length).Select(_ => Calibration.Sigma * Normal(random)).ToArray();
            result.Add(UnitProjection.Run(area, Calibration, slack, arrivals, passFactor, attritionFactor, effects));
        }
        return result;
    }

    public double TownShare(string town) { Towns(); return _townShare.GetValueOrDefault(town); }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
