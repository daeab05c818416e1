using System;
using System.IO;
using PolicyCompiler.Cli;
using PolicyCompiler.Compilation;
using PolicyCompiler.Legal;
using PolicyCompiler.Text;

namespace PolicyCompiler.Tests.Seeds;

/// <summary>The real policies of policies/, as the tests see them (copied next to the test assembly): the two Georgian seeds and Hetzner's.</summary>
internal static class SeedPolicies
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "policies");

    public static readonly string[] All = { "eleven/eleven.policy", "hetzner/hetzner.policy", "spar-online/spar-online.policy" };

    public static string PathOf(string policy) => Path.Combine(Root, policy);

    /// <summary>Compiles a seed as <c>policyc</c> does, with its display path relative to policies/.</summary>
    public static CompilationResult Compile(string policy)
    {
        LegalSourceResolver files = path => PolicyFiles.ReadLegalSource(Path.Combine(Root, path));
        return PolicyCompilation.Compile(new SourceText(File.ReadAllText(PathOf(policy)), policy), files, numbersFile: files);
    }

    /// <summary>Compiles a version of a seed's text (its numbers file is not read: a version numbers its names by position).</summary>
    public static CompilationResult Compile(string policy, string text, LegalSourceResolver resolve) =>
        PolicyCompilation.Compile(new SourceText(text, policy), resolve);
}
