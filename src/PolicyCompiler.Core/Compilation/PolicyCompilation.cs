using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
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
    /// are the language's (<see cref="VerbSchema.Default"/>) unless <paramref name="verbs"/> says otherwise.
    /// </summary>
    public static CompilationResult Compile(SourceText text, LegalSourceResolver? legalSources = null, VerbSchema? verbs = null)
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
        var diagnostics = parsed.Diagnostics
            .Concat(bound.Diagnostics)
            .Concat(legalDiagnostics.Items)
            .Concat(GuardSizeCheck.Check(bound.Model, legal, parsed.Syntax, text, bound.Diagnostics))
            .OrderBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new CompilationResult(text, parsed.Syntax, bound.Model, legal, DiagnosticLimit.Apply(diagnostics, parsed.Stopped, text));
    }

    public static CompilationResult Compile(string text, string path, LegalSourceResolver? legalSources = null) =>
        Compile(new SourceText(text, path), legalSources);
}
