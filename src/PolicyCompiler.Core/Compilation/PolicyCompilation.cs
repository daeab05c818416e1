using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Emit;
using PolicyCompiler.Legal;
using PolicyCompiler.Model;
using PolicyCompiler.Parsing;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Compilation;

/// <summary>
/// The result of compiling one policy file. <see cref="Legal"/> is the cited legal text and its coverage:
/// null when the policy names no source, it could not be loaded, or no resolver was given.
/// </summary>
public sealed record CompilationResult(
    SourceText Text,
    PolicyFileSyntax Syntax,
    PolicyModel? Model,
    LegalAnchoring? Legal,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The numbers the guards give the policy's names (<see cref="NameNumbers"/>); null without a model.</summary>
    public NameNumbers? Numbers { get; init; }
}

/// <summary>
/// The one entry point every host calls: policy text in, syntax tree, model and diagnostics out.
/// The CLI, the source generator and the tests all go through here, so they cannot disagree.
/// </summary>
public static class PolicyCompilation
{
    /// <summary>
    /// Compiles a policy. With a <paramref name="legalSources"/> resolver, its <c>source</c> is loaded and every
    /// citation checked against it; without one, citations are only checked for presence. The decision verbs
    /// are the language's (<see cref="VerbSchema.Default"/>) unless <paramref name="verbs"/> says otherwise. The
    /// policy's numbers file (<see cref="NameNumbers"/>) is read through <paramref name="numbersFile"/>: hosts that
    /// write guards pass the resolver they read legal texts with; without one, names are numbered by position.
    /// </summary>
    public static CompilationResult Compile(SourceText text, LegalSourceResolver? legalSources = null, VerbSchema? verbs = null, LegalSourceResolver? numbersFile = null)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (SourceDecoder.TooLarge(text) is { } tooLarge)
        {
            // Hosts that read bytes refuse such a file before decoding it; a host handed text (the source
            // generator) is refused here, before parsing.
            var empty = new PolicyFileSyntax(text.SpanOf(0, 0), null, EquatableArray<MemberSyntax>.Empty, EquatableArray<TestBlockSyntax>.Empty, EquatableArray<CommentSyntax>.Empty);
            return new CompilationResult(text, empty, null, null, new[] { tooLarge });
        }
        var parsed = PolicyParser.Parse(text, verbs);
        var bound = Binder.Bind(parsed.Syntax, text, verbs);
        var legalDiagnostics = new DiagnosticBag(text);
        var legal = legalSources is null ? null : CitationChecker.Check(parsed.Syntax, text, legalSources, legalDiagnostics);
        var numberDiagnostics = new List<Diagnostic>();
        var numbers = bound.Model is null ? null : Numbers(bound.Model, text, numbersFile, numberDiagnostics);
        var diagnostics = parsed.Diagnostics
            .Concat(bound.Diagnostics)
            .Concat(legalDiagnostics.Items)
            .Concat(GuardSizeCheck.Check(bound.Model, legal, parsed.Syntax, text, bound.Diagnostics))
            .Concat(numberDiagnostics)
            // The policy's own diagnostics first, then the numbers file's, each file's in the order of its text.
            .OrderBy(d => d.Path == text.Path ? 0 : 1)
            .ThenBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new CompilationResult(text, parsed.Syntax, bound.Model, legal, DiagnosticLimit.Apply(diagnostics, parsed.Stopped, text)) { Numbers = numbers };
    }

    /// <summary>
    /// The numbers of the policy's names: from its numbers file, which a host serves as it serves legal texts (so the
    /// CLI and the generator read it alike), or by position where there is no resolver or no file.
    /// </summary>
    private static NameNumbers Numbers(PolicyModel model, SourceText text, LegalSourceResolver? resolve, List<Diagnostic> diagnostics)
    {
        var found = resolve?.Invoke(NameNumbers.PathOf(text.Path).Replace('\\', '/'));
        if (found?.Problem is { } problem)
        {
            diagnostics.Add(DiagnosticBuilder.ForFile(NameNumbers.PathOf(text.Path)).MalformedNumbersLine("the numbers file could not be read: " + problem, string.Join(", ", NumberedNames.Kinds)));
        }
        var numbers = NameNumbers.Assign(model, text, found?.Text, diagnostics);
        // A removed name's number keeps its row or column: a file of many removed names widens the tables past what
        // the binder measured from the names alone, so they are measured again with the numbers, against the same limit.
        if (numbers.Committed && !diagnostics.Any(d => d.IsError))
        {
            var byNames = GuardTableSizes.Of(model).ToDictionary(t => t.Table, t => t.Cells, StringComparer.Ordinal);
            foreach (var table in GuardTableSizes.Of(model, kind => numbers.Length(NumberedNames.KindOf(kind))))
            {
                // A table past the limit by its names alone the binder has reported.
                if (table.Cells <= PolicyLimits.MaxTableCells || byNames[table.Table] > PolicyLimits.MaxTableCells) continue;
                diagnostics.Add(DiagnosticBuilder.ForFile(numbers.Path).DecisionTableTooLarge(table.Table, table.Cells, table.Dimensions, PolicyLimits.MaxTableCells));
            }
        }
        return numbers;
    }

    /// <summary>
    /// The files besides the policy that compiling it reads through the resolvers: the legal text its <c>source</c>
    /// names (resolved as <see cref="CitationChecker"/> resolves it) and its numbers file. A host that serves files
    /// from a larger set (the generator) gives each policy only these, so that another file's edit leaves it alone.
    /// </summary>
    public static IReadOnlyList<string> FilesRead(SourceText text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var numbers = NameNumbers.PathOf(text.Path);
        // A file past the size limit is refused before it is parsed, and reads nothing.
        if (SourceDecoder.TooLarge(text) is not null) return new[] { numbers };
        var source = PolicyParser.Parse(text).Syntax.Members.OfType<SourceSyntax>().FirstOrDefault();
        var legal = source is null ? null : LegalSourcePath.Resolve(text.Path, source.Path.Value);
        return legal is null ? new[] { numbers } : new[] { legal, numbers };
    }

    public static CompilationResult Compile(string text, string path, LegalSourceResolver? legalSources = null) =>
        Compile(new SourceText(text, path), legalSources);
}
