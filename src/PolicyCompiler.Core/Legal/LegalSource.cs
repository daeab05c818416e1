using System;
using System.Collections.Generic;
using PolicyCompiler.Text;

namespace PolicyCompiler.Legal;

/// <summary>What a host found for a legal source path: its text, or why it could not be read.</summary>
public sealed record LegalSource(SourceText? Text, string? Problem)
{
    public static LegalSource NotFound { get; } = new(null, null);

    public static LegalSource Found(SourceText text) => new(text, null);

    public static LegalSource Unreadable(string problem) => new(null, problem);
}

/// <summary>
/// Loads a legal source for the compiler. The compiler does no I/O: the CLI reads files, the source
/// generator looks in AdditionalFiles. The path is already resolved against the policy file's folder and
/// checked not to leave it; it uses '/' separators.
/// </summary>
public delegate LegalSource LegalSourceResolver(string path);

/// <summary>Resolves a <c>source "…"</c> path against the policy file, refusing paths that leave its folder.</summary>
public static class LegalSourcePath
{
    /// <summary>The resolved path, or null when the path is absolute or climbs out of the policy's folder.</summary>
    public static string? Resolve(string policyPath, string source)
    {
        if (policyPath is null) throw new ArgumentNullException(nameof(policyPath));
        if (source is null) throw new ArgumentNullException(nameof(source));
        var relative = source.Replace('\\', '/');
        if (relative.Length == 0 || relative.StartsWith("/", StringComparison.Ordinal) || relative.IndexOf(':') >= 0) return null;

        var parts = new List<string>();
        foreach (var part in relative.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        if (parts.Count == 0) return null;

        var policy = policyPath.Replace('\\', '/');
        var slash = policy.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : policy.Substring(0, slash + 1);
        return folder + string.Join("/", parts);
    }
}
