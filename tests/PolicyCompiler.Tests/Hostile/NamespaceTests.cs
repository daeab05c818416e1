using System;
using System.Linq;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Hostile;

/// <summary>
/// <c>--namespace</c>: a value the guards compile under is accepted, and every other value is refused with a
/// diagnostic before anything is written, never turned into C# that does not compile.
/// </summary>
public sealed class NamespaceTests
{
    public static TheoryData<string> Accepted() => new()
    {
        "Guards", "Acme.Privacy.Guards", "_x", "x_", "@class.Guards", "A1.B2", "Policies.Eleven", "record", "var.async.await",
        "ᲐᲑᲒ", "Αβγ.Guards", "Systems", "MySystem.Guards", "Acme.PolicyCompilers",
    };

    public static TheoryData<string> Refused() => new()
    {
        "class", "int.x", "_", "PolicyCompiler.System", "Guards\n", "Guards ", " Guards", "A..B", "A.", ".A", "", "A B",
        "System", "Acme.System", "PolicyCompiler", "PolicyCompiler.Runtime", "Acme.PolicyCompiler", "A.global", "global",
        "1abc", "a-b", "a;b", "@", "A.@", "__arglist", "A\u202EB",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void An_accepted_namespace_gives_guards_that_compile(string ns)
    {
        var compiled = SeedPolicies.Compile("eleven/eleven.policy");
        var (files, problems) = GuardSet.Emit(new[] { compiled }, ns);

        Assert.Empty(problems);
        GeneratedAssembly.CompileClean(files.Select(f => f.Text).ToArray());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_refused_namespace_is_a_diagnostic_and_nothing_is_written(string ns)
    {
        using var folder = new TempFolder();

        var (exit, output, error) = Support.Cli.Run("build", SeedPolicies.PathOf("eleven/eleven.policy"), "--out", folder.Path, "--namespace", ns);

        Assert.Equal(2, exit);
        Assert.Matches(@"^policyc: error PC1012: '[^\n]*' is not a namespace the guards can be generated in: [^\n]+\n$", error);
        Assert.Equal(string.Empty, output);
        Assert.Empty(System.IO.Directory.EnumerateFileSystemEntries(folder.Path));
    }
}
