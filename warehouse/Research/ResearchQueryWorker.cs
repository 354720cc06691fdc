using System.Text.Json;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Research;

/// <summary>
/// The query process (the CLI's hidden `research-worker` command): reads one <see cref="ResearchWorkerRequest"/> from
/// standard input, opens the research file in the sandbox, checks the statement again, and streams the rows to
/// standard output as they are read (DuckDB streaming mode), stopping at the row cap — nothing is materialised first.
/// Its parent bounds its memory and time by stopping the whole process.
/// </summary>
public static class ResearchQueryWorker
{
    public const string Verb = "research-worker";

    public static int Serve(Stream input, Stream output)
    {
        using var buffered = new BufferedStream(output, 1 << 16);
        using var json = new Utf8JsonWriter(buffered, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        void Line(Action<Utf8JsonWriter> write)
        {
            write(json);
            json.Flush();
            json.Reset();
            buffered.WriteByte((byte)'\n');
        }
        try
        {
            var request = JsonSerializer.Deserialize<ResearchWorkerRequest>(input)
                ?? throw new QueryFailedException("empty request");
            using var connection = new DuckDBConnection(SandboxedQueryRunner.SandboxConnectionString(request.ResearchPath, request.MemoryLimit, request.Threads));
            connection.Open();
            var guarded = StatementGuard.Check(connection, request.Sql, SandboxedQueryRunner.TableMacros);
            using var command = connection.CreateCommand();
            command.CommandText = guarded.Sql;
            command.UseStreamingMode = true;
            using var reader = command.ExecuteReader();
            var types = Enumerable.Range(0, reader.FieldCount).Select(i => ResearchWire.WireType(reader.GetFieldType(i))).ToArray();
            Line(j =>
            {
                j.WriteStartObject();
                j.WriteString("t", "columns");
                j.WriteBoolean("aggregate", guarded.Aggregate);
                j.WriteStartArray("columns");
                for (var i = 0; i < types.Length; i++)
                {
                    j.WriteStartObject();
                    j.WriteString("name", reader.GetName(i));
                    j.WriteString("type", reader.GetDataTypeName(i));
                    j.WriteString("clr", types[i].Name);
                    j.WriteEndObject();
                }
                j.WriteEndArray();
                j.WriteEndObject();
            });
            long rows = 0;
            var truncated = false;
            while (reader.Read())
            {
                if (rows >= request.MaxRows) { truncated = true; break; }
                Line(j =>
                {
                    j.WriteStartArray();
                    for (var i = 0; i < types.Length; i++) ResearchWire.WriteValue(j, reader.IsDBNull(i) ? null : reader.GetValue(i), types[i]);
                    j.WriteEndArray();
                });
                rows++;
            }
            Line(j =>
            {
                j.WriteStartObject();
                j.WriteString("t", "end");
                j.WriteBoolean("truncated", truncated);
                j.WriteNumber("rows", rows);
                j.WriteNumber("peak", ProcessMemory.OwnPeakBytes());
                j.WriteEndObject();
            });
        }
        catch (QueryRefusedException e)
        {
            Line(j => Error(j, "refused", e.ReasonZh, e.ReasonEn));
        }
        catch (Exception e) when (e is DuckDBException or QueryFailedException or JsonException or IOException)
        {
            Line(j => Error(j, "failed", e.Message, e.Message));
        }
        buffered.Flush();
        return 0;
    }

    private static void Error(Utf8JsonWriter j, string kind, string zh, string en)
    {
        j.WriteStartObject();
        j.WriteString("t", "error");
        j.WriteString("kind", kind);
        j.WriteString("zh", zh);
        j.WriteString("en", en);
        j.WriteEndObject();
    }
}
