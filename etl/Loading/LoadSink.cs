using Analytics.Etl.Extracts;
using Analytics.Warehouse.People;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Appends one file's rows straight into the warehouse, inside the file's transaction: good rows into the kind's
/// target table through its appender map (with the file's load_id and their line), the people they name into
/// load_person (key and masked forms only: the ID number goes no further than this class, see
/// <see cref="PeopleMerge"/>), problems and warnings into
/// load_message. The rows are read, checked and their people keyed on a second thread (<see cref="ReadAhead"/>) while
/// this one appends. <see cref="TargetMerge"/> then settles them where they are.
/// </summary>
internal sealed class LoadSink(DuckDBConnection connection, PersonKeyBatch keys, long loadId, string fileName, Action<int> afterRow) : IRowSink, IDisposable
{
    /// <summary>
    /// Rows an appender takes before it is closed and replaced. DuckDB's appender buffers rows outside its buffer
    /// pool until its own flush threshold (about 200,000 rows); closing it flushes them into the transaction's
    /// storage, which the buffer pool manages (and spills), so memory does not grow with the file.
    /// </summary>
    internal const int FlushEvery = 10_000;

    private readonly AppendContext context = new(loadId);
    private readonly TableAppender messages = new(connection, "load_message");
    private readonly TableAppender people = new(connection, PeopleMerge.Table, "temp");
    private string? lastId, lastKey;

    public int Rows { get; private set; }

    public void Append<TRow>(ExtractKind<TRow> kind, IEnumerable<RowOutcome<TRow>> rows)
        where TRow : class
    {
        using var target = new TableAppender(connection, kind.Target.Table);
        var map = kind.AppenderMap;
        foreach (var (outcome, person) in ReadAhead.Run(rows, o => (o, o.IsGood && o.Row is IPersonRow p ? Person(p) : null)))
        {
            foreach (var warning in outcome.Warnings) Message(outcome.LineNumber, warning, "warning");
            if (outcome.IsGood)
            {
                context.LineNumber = outcome.LineNumber;
                context.PersonKey = person?.Key;
                if (person is not null)
                    people.Row().AppendValue(person.Key).AppendValue(person.IdMasked).AppendValue(person.NameMasked).AppendValue(person.Gender)
                        .AppendValue(person.BirthYear).AppendValue(outcome.LineNumber).EndRow();
                var row = target.Row();
                foreach (var column in map) column.Append(row, outcome.Row!, context);
                row.EndRow();
            }
            else
            {
                foreach (var problem in outcome.Problems) Message(outcome.LineNumber, problem, "error");
            }

            afterRow(++Rows);
        }
    }

    /// <summary>Flushes every appender: call before the merge SQL reads the tables.</summary>
    public void Dispose()
    {
        messages.Dispose();
        people.Dispose();
    }

    /// <summary>What is kept of the person a row names (on the reading thread: the ID number stops here).</summary>
    private PersonEntry Person(IPersonRow row)
    {
        // Consecutive rows of one person (exam levels, appraisal types) need the HMAC once.
        if (row.IdNumber != lastId)
        {
            lastId = row.IdNumber;
            lastKey = keys.KeyOf(row.IdNumber);
        }

        return new PersonEntry(lastKey!, PersonKeyHasher.Mask(row.IdNumber), PersonKeyHasher.MaskName(row.Name),
            IdNumber.GenderOf(row.IdNumber), IdNumber.BirthYearOf(row.IdNumber));
    }

    private sealed record PersonEntry(string Key, string IdMasked, string NameMasked, string Gender, int BirthYear);

    private void Message(int line, RowProblem p, string severity) =>
        messages.Row().AppendValue(loadId).AppendValue(fileName).AppendValue(line).AppendValue(p.Column)
            .AppendValue(p.ReasonZh).AppendValue(p.ReasonEn).AppendValue(severity).EndRow();

    /// <summary>An appender on one table, closed and reopened every <see cref="FlushEvery"/> rows.</summary>
    private sealed class TableAppender(DuckDBConnection connection, string table, string catalog = "") : IDisposable
    {
        private DuckDBAppender? appender;
        private int rows;

        public IDuckDBAppenderRow Row()
        {
            if (appender is not null && rows >= FlushEvery) Dispose();
            appender ??= catalog.Length == 0 ? connection.CreateAppender("main", table) : connection.CreateAppender(catalog, "main", table);
            rows++;
            return appender.CreateRow();
        }

        public void Dispose()
        {
            appender?.Dispose();
            appender = null;
            rows = 0;
        }
    }
}
