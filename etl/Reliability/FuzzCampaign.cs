using System.Text;

namespace Analytics.Etl.Reliability;

/// <summary>What the fuzz campaign found: files loaded, batches, and every finding (none: passed).</summary>
internal sealed record FuzzOutcome(int Files, int RowMutations, int FileMutations, int Batches, IReadOnlyList<string> Findings);

/// <summary>
/// Loads hostile extracts (<see cref="HostileExtracts"/>) in batches through `etl load`, each batch into a fresh copy
/// of a warehouse holding the register (basePath), with a good control file first. A batch passes when the process ends with a
/// handled exit code (0 or 2) and no crash text, the warehouse is intact, no file "failed", the control file's rows
/// all loaded, and every file with only bad records added loaded all its good rows.
/// </summary>
internal sealed class FuzzCampaign(EtlChild etl, string work, string basePath, IReadOnlyList<string> seedSources)
{
    private const int SeedRows = 40;

    public FuzzOutcome Run(int files, int perBatch, int seed, Action<string> log)
    {
        var seeds = seedSources.ToDictionary(f => "seed-" + Path.GetFileNameWithoutExtension(f) + ".csv", f => Cut(File.ReadAllBytes(f)));
        var expected = ReferenceCounts(basePath, seeds);
        log($"fuzz: {seeds.Count} seed extracts ({string.Join(", ", expected.Select(e => $"{e.Key} {e.Value} rows"))}), {files} hostile files in batches of {perBatch}");

        var generator = new HostileExtracts(seed);
        var findings = new List<string>();
        int rowMutations = 0, fileMutations = 0, batches = 0;
        var names = seeds.Keys.ToList();
        for (var made = 0; made < files; batches++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(work, $"fuzz-batch-{batches + 1:000}")).FullName;
            var control = names[batches % names.Count];
            File.WriteAllText(Path.Combine(folder, "0000-control.csv"), seeds[control], new UTF8Encoding(false));
            var batch = new List<FuzzedExtract>();
            for (; made < files && batch.Count < perBatch; made++)
            {
                var seedName = names[made % names.Count];
                var file = generator.Make(made + 1, seedName, seeds[seedName]);
                File.WriteAllBytes(Path.Combine(folder, file.Name), file.Bytes);
                batch.Add(file);
                if (file.GoodRowsMustLoad) rowMutations++; else fileMutations++;
            }
            var db = Path.Combine(work, $"fuzz-batch-{batches + 1:000}.duckdb");
            File.Copy(basePath, db, overwrite: true);
            var load = etl.Run(["load", folder, "--db", db]);
            var found = Check(load, db, batch, expected, expected[control]);
            findings.AddRange(found.Select(f => $"batch {batches + 1}: {f}"));
            log($"  batch {batches + 1,3}: {batch.Count} files, exit {load.ExitCode}, {(found.Count == 0 ? "passed" : found.Count + " FINDINGS")}");
            if (found.Count == 0)
            {
                Directory.Delete(folder, recursive: true);
                File.Delete(db);
                if (File.Exists(db + ".wal")) File.Delete(db + ".wal");
            }
        }
        return new FuzzOutcome(files, rowMutations, fileMutations, batches, findings);
    }

    private static List<string> Check(ChildRun load, string db, List<FuzzedExtract> batch, Dictionary<string, long> expected, long controlRows)
    {
        var found = new List<string>();
        if (load.ExitCode is not (0 or 2)) found.Add($"`etl load` exited {load.ExitCode}: {Last(load.Err)}{Last(load.Out)}");
        if (EtlChild.LooksLikeACrash(load)) found.Add("crash text in the output: " + Last(load.Err));
        found.AddRange(WarehouseCheck.Problems(db));
        if (found.Any(f => f.StartsWith("does not open", StringComparison.Ordinal))) return found;
        var loads = WarehouseCheck.Loads(db);
        if (!loads.TryGetValue("0000-control.csv", out var c) || c.Outcome != "loaded" || c.RowsLoaded != controlRows)
            found.Add($"the control file did not load its {controlRows} rows ({(loads.TryGetValue("0000-control.csv", out var x) ? $"{x.Outcome}, {x.RowsLoaded}" : "no record")})");
        foreach (var (name, (outcome, _)) in loads.Where(l => l.Value.Outcome == "failed"))
            found.Add($"{name} ({batch.FirstOrDefault(b => b.Name == name)?.Mutation}): outcome failed");
        foreach (var file in batch.Where(b => b.GoodRowsMustLoad))
        {
            var want = expected[file.Seed];
            if (!loads.TryGetValue(file.Name, out var l) || l.Outcome != "loaded" || l.RowsLoaded != want)
                found.Add($"{file.Name} ({file.Mutation}, from {file.Seed}): expected {want} good rows loaded, got {(loads.ContainsKey(file.Name) ? $"{l.Outcome}, {l.RowsLoaded}" : "no record")}");
        }
        return found;
    }

    private static string Last(string text) => text.Length <= 300 ? text.Trim() : "…" + text[^300..].Trim();

    /// <summary>How many rows of each seed load when it is loaded unchanged.</summary>
    private Dictionary<string, long> ReferenceCounts(string basePath, Dictionary<string, string> seeds)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "fuzz-seeds")).FullName;
        foreach (var (name, text) in seeds) File.WriteAllText(Path.Combine(folder, name), text, new UTF8Encoding(false));
        var db = Path.Combine(work, "fuzz-seeds.duckdb");
        File.Copy(basePath, db, overwrite: true);
        var run = etl.Run(["load", folder, "--db", db]);
        if (run.ExitCode != 0) throw new InvalidOperationException("the seed extracts do not load cleanly: " + run.Out + run.Err);
        var loads = WarehouseCheck.Loads(db);
        return seeds.Keys.ToDictionary(n => n, n => loads[n].RowsLoaded);
    }

    /// <summary>The header and the first rows of a good extract (UTF-8, or GB18030 as Chinese Excel saves), as UTF-8 text.</summary>
    private static string Cut(byte[] bytes)
    {
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'); }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding("GB18030").GetString(bytes);
        }
        return string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Take(SeedRows + 1)) + "\n";
    }
}
