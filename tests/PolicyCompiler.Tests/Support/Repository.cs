using System.IO;
using System.Runtime.CompilerServices;

namespace PolicyCompiler.Tests.Support;

/// <summary>The checkout the tests were built from, found from this file's source path.</summary>
internal static class Repository
{
    public static string Root { get; } = Locate();

    /// <summary>The seeds' reviewed outputs, as <c>policyc build policies --out policies/generated</c> writes them.</summary>
    public static string Generated(string name) => Path.Combine(Root, "policies", "generated", name);

    private static string Locate([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
