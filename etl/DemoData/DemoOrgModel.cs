namespace Analytics.Etl.DemoData;

/// <summary>A 镇(街道)/乡 or a 社区/建制村 with its place in the register and its plan for professional posts.</summary>
internal sealed class DemoUnit
{
    public required int Index { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string ParentCode { get; init; }
    public required int District { get; init; }
    /// <summary>The index of the 镇(街道) unit; a town's own index for a town.</summary>
    public required int Town { get; init; }
    public DateOnly? Established { get; init; }
    public DateOnly? Abolished { get; set; }
    /// <summary>Where the workers go when the unit is merged away.</summary>
    public int Successor { get; set; } = -1;

    public bool IsTown => Code.Length == 9;

    /// <summary>Qualified posts the policy wants: 2 for a 社区, 1 for a 建制村, 1 (optional coverage) for a town centre.</summary>
    public int Required => Kind == "社区" ? 2 : 1;

    // The plan: qualified posts at the start, half-year index when the minimum is reached, optional extra later.
    public int InitialQualified { get; set; }
    public int MidHalfYear { get; set; } = int.MaxValue;
    public int TargetHalfYear { get; set; } = int.MaxValue;
    public int SurplusHalfYear { get; set; } = int.MaxValue;
    public int BaseHeadcount { get; set; }

    /// <summary>Indexes of the people in post here, in arrival order.</summary>
    public List<int> Workers { get; } = [];

    public bool IsActive(DateOnly d) => (Established is null || Established <= d) && (Abolished is null || Abolished > d);

    /// <summary>Qualified posts the plan wants at half-year <paramref name="h"/>.</summary>
    public int Desired(int h)
    {
        if (h >= SurplusHalfYear) return Required + 1;
        if (h >= TargetHalfYear) return Math.Max(InitialQualified, Required);
        if (h >= MidHalfYear) return Math.Max(InitialQualified, Required - 1);
        return InitialQualified;
    }
}

/// <summary>The whole register: districts, then towns and communities in register order (each parent before its children).</summary>
internal sealed class DemoOrgRegister(IReadOnlyList<DemoDistrict> districts, List<DemoUnit> units)
{
    public IReadOnlyList<DemoDistrict> Districts { get; } = districts;
    public List<DemoUnit> Units { get; } = units;
    /// <summary>Community-level units of each town (index lists), including units created by the merger.</summary>
    public Dictionary<int, List<int>> TownMembers { get; } = [];

    public IEnumerable<DemoUnit> Towns => Units.Where(u => u.IsTown);
}

/// <summary>Calendar half-years counted from the first half of 2019: 0 = 2019-06-30, 1 = 2019-12-31, 7 = 2022-12-31.</summary>
internal static class HalfYears
{
    public const int BaseYear = 2019;

    public static DateOnly End(int h)
    {
        var year = BaseYear + (int)Math.Floor(h / 2.0);
        return (h % 2 + 2) % 2 == 0 ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31);
    }

    public static int Of(DateOnly endDate) => (endDate.Year - BaseYear) * 2 + (endDate.Month > 6 ? 1 : 0);
}
