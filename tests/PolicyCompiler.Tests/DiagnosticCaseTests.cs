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
        if (OptionCases.TryGetValue(code, out var ns))
        {
            Snapshot.Verify(RenderNamespaceCase(code, ns), code, method: "Renders");
            return;
        }
        if (code == DiagnosticCatalog.GuardsCompiledFromACopy.Code)
        {
            Snapshot.Verify(RenderCopiedGuardsCase(), code, method: "Renders");
            return;
        }
        var generated = GeneratedCases.TryGetValue(code, out var generate) ? WriteGeneratedCase(code, generate()) : null;
        var path = generated ?? Path.Combine(CaseDirectory, code + ".policy");
        Assert.True(File.Exists(path), $"the catalog code {code} has no case file Cases/Diagnostics/{code}.policy");

        var companions = Directory.GetFiles(CaseDirectory, code + ".*.policy").OrderBy(f => f, StringComparer.Ordinal).ToList();
        IReadOnlyList<Diagnostic> diagnostics;
        string rendered;
        try
        {
            (diagnostics, rendered) = companions.Count == 0
                ? CompileCase(path, withLint: code.StartsWith("PC4", StringComparison.Ordinal), asGuardsHost: code == DiagnosticCatalog.NoNumbersFile.Code)
                : CompileTogether(new[] { path }.Concat(companions).ToList());
        }
        finally
        {
            if (generated is not null) Directory.Delete(Path.GetDirectoryName(generated)!, recursive: true);
        }

        Assert.Contains(diagnostics, d => d.Code == code);
        Snapshot.Verify(rendered, code, method: "Renders");
    }

    /// <summary>
    /// The cases of the limits, too large to keep as files: each is written to a temporary folder under its
    /// code's name and read from there as any case is, so a file past the size limit goes through the CLI's reading.
    /// </summary>
    private static readonly Dictionary<string, Func<string>> GeneratedCases = new(StringComparer.Ordinal)
    {
        ["PC0011"] = () => Support.Compile.Policy("process contact.email for marketing cites §1\n") + new string(' ', PolicyLimits.MaxFileBytes),
        ["PC3003"] = () => Declarations("category", PolicyLimits.MaxNamesPerKind + 1, 0, 0),
        ["PC3004"] = () => Declarations("category", 100, 110, 100),
        ["PC3005"] = () => Declarations("category", 200, 0, 1_100).Replace("}\n", EveryPurposeButOne(10, 1_100) + "}\n", StringComparison.Ordinal),
        ["PC3006"] = WideTables,
    };

    /// <summary>
    /// Codes about a host's option rather than a policy (<c>--namespace</c>): the clean case is built with the
    /// option's value, and the problem rendered as the CLI prints it, with the code's help.
    /// </summary>
    private static readonly Dictionary<string, string> OptionCases = new(StringComparer.Ordinal)
    {
        [DiagnosticCatalog.InvalidNamespace.Code] = "Acme.class",
    };

    /// <summary>
    /// A code about a project rather than a policy: the clean case's guards, as policyc build wrote them, compiled in
    /// the project that has the policy; the generator's warning as a build prints it.
    /// </summary>
    private static string RenderCopiedGuardsCase()
    {
        var text = File.ReadAllText(Path.Combine(CaseDirectory, "clean.policy"));
        var clean = PolicyCompilation.Compile(text, "clean.policy");
        var copy = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Emit.GuardEmitter.Emit(clean).Text, GeneratorHarness.Parse, "/repo/policies/out/Clean.g.cs");
        var compilation = GeneratorHarness.Compilation().AddSyntaxTrees(copy);
        GeneratorHarness.Driver(new MemoryAdditionalText("/repo/policies/clean.policy", text)).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        var warning = Assert.Single(diagnostics, d => d.Id == DiagnosticCatalog.GuardsCompiledFromACopy.Code);
        var at = warning.Location.GetLineSpan();
        return FormattableString.Invariant($"{at.Path}({at.StartLinePosition.Line + 1},{at.StartLinePosition.Character + 1}): {warning.Severity.ToString().ToLowerInvariant()} {warning.Id}: {warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n");
    }

    private static string RenderNamespaceCase(string code, string ns)
    {
        var clean = PolicyCompilation.Compile(File.ReadAllText(Path.Combine(CaseDirectory, "clean.policy")), "clean.policy", p => PolicyFiles.ReadLegalSource(Path.Combine(CaseDirectory, p)));
        Assert.False(clean.HasErrors);
        var (files, problems) = Emit.GuardSet.Emit(new[] { clean }, ns);
        Assert.Empty(files);
        var problem = Assert.Single(problems);
        Assert.StartsWith("error " + code + ": ", problem, StringComparison.Ordinal);
        return "policyc: " + problem + "\n = help: " + DiagnosticCatalog.All.Single(d => d.Code == code).HelpFormat + "\n";
    }

    /// <summary>
    /// Two tables each under their limits (a million cells, two million entries) whose guards together are past
    /// the limit on generated C#: 1,000 categories by 1,000 purposes and by 1,000 subjects, each row filled twice.
    /// </summary>
    private static string WideTables()
    {
        var subjects = string.Concat(Enumerable.Range(0, 1_000).Select(i => FormattableString.Invariant($"  subject s{i} ka \"ს\" en \"subject {i}\" cites §1\n")));
        var fromAll = "  collect * from " + string.Join(", ", Enumerable.Range(0, 1_000).Select(i => FormattableString.Invariant($"s{i}"))) + " at registration cites §1\n";
        return Declarations("category", 1_000, 0, 1_000).Replace("}\n", subjects + EveryPurposeButOne(2, 1_000) + fromAll + fromAll + "}\n", StringComparison.Ordinal);
    }

    /// <summary>Statements over every category, each for all purposes but one: 200 × 1,099 entries apiece.</summary>
    private static string EveryPurposeButOne(int statements, int purposes) => string.Concat(Enumerable.Range(0, statements).Select(k =>
        "  process * for " + string.Join(", ", Enumerable.Range(0, purposes).Where(p => p != k).Select(p => "p" + p.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " cites §1\n"));

    private static string Declarations(string kind, int categories, int recipients, int purposes)
    {
        var text = new System.Text.StringBuilder("policy limits {\n");
        for (var i = 0; i < categories; i++) text.Append(FormattableString.Invariant($"  {kind} c{i} ka \"კ\" en \"category {i}\" cites §1\n"));
        for (var i = 0; i < recipients; i++) text.Append(FormattableString.Invariant($"  recipient r{i} ka \"მ\" en \"recipient {i}\" cites §1\n"));
        for (var i = 0; i < purposes; i++) text.Append(FormattableString.Invariant($"  purpose p{i} ka \"მ\" en \"purpose {i}\" cites §1\n"));
        return text.Append("}\n").ToString();
    }

    private static string WriteGeneratedCase(string code, string text)
    {
        var directory = Path.Combine(Path.GetTempPath(), "policyc-cases-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, code + ".policy");
        File.WriteAllText(path, text);
        return path;
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
        var codes = DiagnosticCatalog.All.Select(d => d.Code).Except(GeneratedCases.Keys).ToHashSet(StringComparer.Ordinal);
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
    /// <remarks>With <paramref name="asGuardsHost"/>, what a host that writes guards adds (PC1030, a policy without a numbers file).</remarks>
    private static (IReadOnlyList<Diagnostic> Diagnostics, string Rendered) CompileCase(string path, bool withLint = false, bool asGuardsHost = false)
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
        // Legal sources and numbers files resolve next to the case file, as the CLI resolves them next to a policy.
        Legal.LegalSourceResolver siblings = p => PolicyFiles.ReadLegalSource(Path.Combine(CaseDirectory, p));
        var result = PolicyCompilation.Compile(new Text.SourceText(file.Text.Text, display), siblings, numbersFile: siblings);
        IReadOnlyList<Diagnostic> diagnostics = withLint ? result.Diagnostics.Concat(Lint.Linter.Lint(result)).ToList() : result.Diagnostics;
        if (asGuardsHost && result.Numbers?.WhenAbsent(result.Text) is { } absent) diagnostics = diagnostics.Append(absent).ToList();
        return (diagnostics, string.Concat(diagnostics.Select(d => DiagnosticFormatter.Format(d, result.Text) + "\n")));
    }
}
