namespace PolicyCompiler.Bench;

/// <summary>The repository the benchmarks run in: they read the seed policies from it.</summary>
public static class Repository
{
    /// <summary>The policies/ folder, found above the running assembly (BenchmarkDotNet runs it from a copy).</summary>
    public static string Policies { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "policies");
            if (Directory.Exists(Path.Combine(candidate, "eleven"))) return candidate;
        }
        throw new DirectoryNotFoundException("policies/ not found above " + AppContext.BaseDirectory);
    }
}
