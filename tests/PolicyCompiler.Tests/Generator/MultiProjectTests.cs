using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generator;

/// <summary>
/// The package in a solution: the project that owns a policy gets its guards and the runtime; a project that
/// references it uses those (no second copy, so no CS0436 or CS1503), and its analyzer judges its code against the
/// policy the referenced assembly carries, without a copy of the policy's file.
/// </summary>
public sealed class MultiProjectTests
{
    private const string DomainCode = """
        using Policies.Eleven;
        namespace Rentals.Domain
        {
            public sealed class Rider
            {
                [PersonalData(Category.ContactEmail)] public string Email { get; set; } = "";
            }
        }
        """;

    private const string TestCode = """
        using Policies.Eleven;
        using PolicyCompiler.Runtime;
        public static class RiderTests
        {
            public static bool EmailForMarketing(Conditions given) => ElevenPolicy.MayProcess(Category.ContactEmail, Purpose.Marketing, given);
            public static bool StoredIn(Country country) => ElevenPolicy.MayStore(Category.ContactEmail, location: country);
            public static string Read(Rentals.Domain.Rider rider) => rider.Email;
            public static void HealthForMarketing() => ElevenPolicy.EnsureProcess(Category.SpecialHealth, Purpose.Marketing);
        }
        """;

    private static MetadataReference Domain()
    {
        var files = GeneratorHarness.Seed("eleven/eleven.policy");
        GeneratorHarness.Driver(files).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(DomainCode).WithAssemblyName("Rentals.Domain"), out var output, out var diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    [Fact]
    public void A_project_referencing_the_policys_project_uses_its_guards_and_its_analyzer_knows_the_policy()
    {
        var tests = GeneratorHarness.Compilation(TestCode).WithAssemblyName("Rentals.Tests").AddReferences(Domain());

        var (output, generatorDiagnostics, analyzerDiagnostics) = GeneratorHarness.Analyze(tests);

        Assert.Empty(generatorDiagnostics);
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var denied = Assert.Single(analyzerDiagnostics);
        Assert.Equal("PC5002", denied.Id);
        Assert.Contains("the policy 'eleven' does not permit process special.health for marketing", denied.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_of_the_policy_in_the_referencing_project_generates_nothing_twice()
    {
        var tests = GeneratorHarness.Compilation(TestCode).WithAssemblyName("Rentals.Tests").AddReferences(Domain());

        var (output, generatorDiagnostics, analyzerDiagnostics) = GeneratorHarness.Analyze(tests, GeneratorHarness.Seed("eleven/eleven.policy"));

        Assert.Empty(generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal("PC5002", Assert.Single(analyzerDiagnostics).Id);
    }

    [Fact]
    public void The_policy_the_guards_carry_is_the_policys_text()
    {
        var result = Seeds.SeedPolicies.Compile("eleven/eleven.policy");
        var assembly = GeneratedAssembly.CompileClean(GuardEmitter.Emit(result).Text, RuntimeEmitter.Emit());

        var source = Assert.Single(assembly.GetCustomAttributesData(), a => a.AttributeType.Name == "PolicySourceAttribute");

        Assert.Equal("eleven.policy", source.ConstructorArguments[0].Value);
        Assert.Equal(result.Text.Text, source.ConstructorArguments[1].Value);
    }
}
