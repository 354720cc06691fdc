namespace Analytics.Etl.Extracts;

/// <summary>
/// The records of one extract file, one at a time, with cells already cleaned (spaces trimmed, full-width digits and
/// letters made ASCII) and blank records skipped. A CSV file is one source (<see cref="CsvRowSource"/>); an .xlsx
/// workbook another (<see cref="XlsxRowSource"/>, worksheet row numbers as line numbers). Cells are valid until the next <see cref="NextRecord"/>.
/// </summary>
internal interface IExtractRowSource : IDisposable
{
    string FileName { get; }

    /// <summary>How the file was read: "utf-8", "utf-8-bom" or "gb18030" for CSV (stored in load_run.encoding).</summary>
    string FormatName { get; }

    /// <summary>Moves to the next record that is not blank; false at the end of the file.</summary>
    /// <exception cref="ExtractRefusedException">The file cannot be read further (bad bytes, an unclosed quote...).</exception>
    bool NextRecord();

    /// <summary>The line (row) where the current record starts; 1 = the first line of the file.</summary>
    int LineNumber { get; }

    int FieldCount { get; }

    /// <summary>The cleaned text of a field of the current record.</summary>
    ReadOnlySpan<char> Cell(int index);

    /// <summary>How far through the file the source is (0..1), for progress and ETA.</summary>
    double FractionRead { get; }

    /// <summary>Problems of the current record that only the file format can have (an .xlsx number that lost digits, a merged
    /// cell, a total row: XlsxRowSource); the record is then refused with these reasons. None for CSV.</summary>
    IReadOnlyList<RowProblem> RecordProblems => [];

    /// <summary>The SHA-256 of the file's bytes (hex): computed while reading, finished at the end of the file.</summary>
    string Sha256();
}
