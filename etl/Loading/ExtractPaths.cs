namespace Analytics.Etl.Loading;

/// <summary>Turns the paths a user typed (files or folders) into the extract files to load.</summary>
internal static class ExtractPaths
{
    /// <summary>Extensions taken from a folder. A file named explicitly is always tried, whatever its name.</summary>
    private static readonly string[] FolderExtensions = [".csv", ".txt", ".xlsx"];

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(Path.GetFullPath(path));
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => FolderExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            else missing.Add(path);
        }
        return (files.Distinct().ToList(), missing);
    }
}
