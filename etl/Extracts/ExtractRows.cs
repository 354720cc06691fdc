namespace Analytics.Etl.Extracts;

/// <summary>One problem with one cell (or the whole row when Column is null), in Chinese and English.</summary>
internal sealed record RowProblem(string? Column, string ReasonZh, string ReasonEn);

/// <summary>The whole file is refused: no known kind, a roster with several 统计日期, unreadable bytes...</summary>
internal sealed class ExtractRefusedException(string fileName, string reasonZh, string reasonEn)
    : Exception($"{fileName}: {reasonEn}")
{
    public string FileName { get; } = fileName;
    public string ReasonZh { get; } = reasonZh;
    public string ReasonEn { get; } = reasonEn;
}

/// <summary>The level of an org unit, by code length.</summary>
internal enum UnitLevel { District = 6, Town = 9, Community = 12 }

/// <summary>Codes the warehouse knows (the org register when the file started loading).</summary>
internal interface IKnownUnits
{
    /// <summary>Whether the code is known; <paramref name="known"/> is the warehouse's own string for it (no allocation).</summary>
    bool TryGet(ReadOnlySpan<char> code, out string known);
}

/// <summary>What the row rules of a kind need besides the row: the file, the known units and the current year.</summary>
internal sealed record ExtractContext(string FileName, IKnownUnits Units, int CurrentYear);

/// <summary>A validated row of some kind, or the problems that keep it out. Warnings never keep a row out.</summary>
internal sealed record RowOutcome<TRow>(int LineNumber, TRow? Row, IReadOnlyList<RowProblem> Problems, IReadOnlyList<RowProblem> Warnings)
    where TRow : class
{
    public bool IsGood => Row is not null && Problems.Count == 0;
}

/// <summary>The row rules of one kind for one file (a roster remembers its 统计日期 from row to row).</summary>
internal interface IRowRules<TRow>
    where TRow : class
{
    RowOutcome<TRow> Check(RowChecks row, int lineNumber);
}

/// <summary>Rules that need no memory from row to row.</summary>
internal sealed class StatelessRules<TRow>(Func<RowChecks, int, RowOutcome<TRow>> check) : IRowRules<TRow>
    where TRow : class
{
    public RowOutcome<TRow> Check(RowChecks row, int lineNumber) => check(row, lineNumber);
}

/// <summary>A row that names a person: the loader keys the person by the ID number and keeps only masked forms.</summary>
internal interface IPersonRow
{
    /// <summary>The normalised 18-character ID number; lives only in memory (the loader hashes it).</summary>
    string IdNumber { get; }

    string Name { get; }
}
