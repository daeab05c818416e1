using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyCompiler.Cli;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>
/// A policy with errors still gives its types, with guards that permit nothing: code that uses them compiles, and a
/// consumer's build fails on the policy's errors alone.
/// </summary>
public sealed class DenyingGuardsTests
{
    private static readonly string CaseDirectory = Path.Combine(AppContext.BaseDirectory, "Cases", "Diagnostics");

    public static TheoryData<string> ErrorCases() => new(Directory.GetFiles(CaseDirectory, "*.policy").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void The_denying_guards_of_every_diagnostic_case_compile_without_a_warning(string file)
    {
        var path = Path.Combine(CaseDirectory, file);
        var problems = new System.Collections.Generic.List<string>();
        var read = PolicyFiles.Read(path, problems);
        if (read?.Text is null) return; // not text: the generator reports it and emits nothing (a test of its own)
        LegalSourceResolver siblings = p => PolicyFiles.ReadLegalSource(Path.Combine(CaseDirectory, p));
        var result = PolicyCompilation.Compile(new Text.SourceText(read.Text.Text, file), siblings, numbersFile: siblings);

        var guards = result.HasErrors ? GuardEmitter.EmitDenying(result) : GuardEmitter.Emit(result);

        if (guards is null)
        {
            Assert.True(result.Model is null || result.Diagnostics.Any(d => d.Code is "PC0009" or "PC0011" or "PC3002" or "PC3003" or "PC3004" or "PC3005" or "PC3006"), file);
            return;
        }
        GeneratedAssembly.CompileClean(guards.Text, RuntimeEmitter.Emit());
        if (result.HasErrors) Assert.Contains("// The policy has errors: these guards permit nothing", guards.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_in_a_policy_is_one_error_and_the_code_using_its_guards_still_compiles()
    {
        var policy = Support.Compile.Policy("  process contact.email for marketting cites §2\n  process contact.email for marketing cites §2\n");
        const string code = """
            using Policies.Shop;
            public static class Mailer
            {
                [ServesPurpose(Purpose.Marketing)]
                public static bool CanMail(Conditions given) => ShopPolicy.MayProcess(Category.ContactEmail, Purpose.Marketing, given);
            }
            """;

        GeneratorHarness.Driver(new MemoryAdditionalText("/repo/policies/shop.policy", policy), new MemoryAdditionalText("/repo/policies/shop.numbers", ""))
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(code), out var output, out var diagnostics);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PC1001", error.Id);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var guards = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Shop.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("permit nothing", guards, StringComparison.Ordinal);

        // And they deny: the statement that did bind is not emitted.
        var assembly = GeneratedAssembly.CompileClean(guards, RuntimeEmitter.Emit());
        var shop = assembly.GetType("Policies.Shop.ShopPolicy")!;
        var may = shop.GetMethod("MayProcess")!;
        var arguments = may.GetParameters().Select(p => p.Name switch
        {
            "category" => Enum.Parse(p.ParameterType, "ContactEmail"),
            "purpose" => Enum.Parse(p.ParameterType, "Marketing"),
            _ => Enum.ToObject(p.ParameterType, 0),
        }).ToArray();
        Assert.False((bool)may.Invoke(null, arguments)!);
    }
}
