using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests;

/// <summary>
/// One case file per catalog code (Cases/Diagnostics/PCnnnn.policy) whose rendered diagnostics - message,
/// help, position and caret - are snapshot-tested. A code without a case fails the catalog test. A case may
/// have companions (PCnnnn.name.policy) compiled with it, for what is checked across policies. The analyzer's
/// codes (PC5xxx) are about C# code: their cases are in Cases/Analyzer and run by the analyzer tests.
/// </summary>
public sealed class DiagnosticCaseTests
{
    private static readonly string CaseDirectory = Path.Combine(AppContext.BaseDirectory, "Cases", "Diagnostics");

    public static TheoryData<string> Codes() => new(DiagnosticCatalog.All.Select(d => d.Code).Where(c => !c.StartsWith("PC5", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Case_reports_its_code_and_renders_as_verified(string code)
    {
        var path = Path.Combine(CaseDirectory, code + ".policy");
        Assert.True(File.Exists(path), $"the catalog code {code} has no case file Cases/Diagnostics/{code}.policy");

        var companions = Directory.GetFiles(CaseDirectory, code + ".*.policy").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var (diagnostics, rendered) = companions.Count == 0
            ? CompileCase(path, withLint: code.StartsWith("PC4", StringComparison.Ordinal))
            : CompileTogether(new[] { path }.Concat(companions).ToList());

        Assert.Contains(diagnostics, d => d.Code == code);
        Snapshot.Verify(rendered, code, method: "Renders");
    }

    [Fact]
    public void The_clean_base_of_the_legal_cases_has_no_diagnostics()
    {
        var (diagnostics, rendered) = CompileCase(Path.Combine(CaseDirectory, "clean.policy"));

        Assert.True(diagnostics.Count == 0, rendered);
    }

    [Fact]
    public void Every_case_file_belongs_to_a_catalog_code()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var strays = Directory.GetFiles(CaseDirectory, "*.policy").Where(f => !f.EndsWith("clean.policy", StringComparison.Ordinal)).Select(f => Path.GetFileName(f).Split('.')[0]).Where(n => !codes.Contains(n)).ToList();
        Assert.True(strays.Count == 0, "case files without a catalog code: " + string.Join(", ", strays));
    }

    [Fact]
    public void Catalog_codes_are_unique_well_formed_and_documented()
    {
        var all = DiagnosticCatalog.All;
        Assert.Equal(all.Count, all.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
        foreach (var descriptor in all)
        {
            Assert.Matches("^PC[0-5][0-9]{3}$", descriptor.Code);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title), descriptor.Code);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat), descriptor.Code);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.HelpFormat), descriptor.Code);
        }
    }

    /// <summary>Policies that compile cleanly one by one, checked together as a build checks them.</summary>
    private static (IReadOnlyList<Diagnostic> Diagnostics, string Rendered) CompileTogether(IReadOnlyList<string> paths)
    {
        var results = paths.Select(p => PolicyCompilation.Compile(File.ReadAllText(p), Path.GetFileName(p))).ToList();
        Assert.All(results, r => Assert.False(r.HasErrors));
        var diagnostics = Emit.GuardSet.Collisions(results.Select(Emit.GuardTarget.Of).ToList());
        var rendered = diagnostics.Select(d => DiagnosticFormatter.Format(d, results.Single(r => r.Text.Path == d.Path).Text) + "\n");
        return (diagnostics, string.Concat(rendered));
    }

    /// <summary>Reads a case as the CLI reads a file (bytes, decoding), then compiles and renders it.</summary>
    private static (IReadOnlyList<Diagnostic> Diagnostics, string Rendered) CompileCase(string path, bool withLint = false)
    {
        var problems = new List<string>();
        var file = PolicyFiles.Read(path, problems);
        Assert.NotNull(file);
        Assert.Empty(problems);
        var display = Path.GetFileName(path);
        if (file!.Text is null)
        {
            var error = file.DecodeError! with { Path = display };
            return (new[] { error }, DiagnosticFormatter.Format(error, null));
        }
        // Legal sources resolve next to the case file, as the CLI resolves them next to a policy.
        var result = PolicyCompilation.Compile(new Text.SourceText(file.Text.Text, display), p => PolicyFiles.ReadLegalSource(Path.Combine(CaseDirectory, p)));
        var diagnostics = withLint ? result.Diagnostics.Concat(Lint.Linter.Lint(result)).ToList() : result.Diagnostics;
        return (diagnostics, string.Concat(diagnostics.Select(d => DiagnosticFormatter.Format(d, result.Text) + "\n")));
    }
}
