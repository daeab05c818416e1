using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Model;
using PolicyCompiler.Parsing;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Compilation;

/// <summary>The result of compiling one policy file.</summary>
public sealed record CompilationResult(SourceText Text, PolicyFileSyntax Syntax, PolicyModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// The one entry point every host calls: policy text in, syntax tree, model and diagnostics out.
/// The CLI, the source generator and the tests all go through here, so they cannot disagree.
/// </summary>
public static class PolicyCompilation
{
    public static CompilationResult Compile(SourceText text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var parsed = PolicyParser.Parse(text);
        var bound = Binder.Bind(parsed.Syntax, text);
        var diagnostics = parsed.Diagnostics
            .Concat(bound.Diagnostics)
            .OrderBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new CompilationResult(text, parsed.Syntax, bound.Model, DiagnosticLimit.Apply(diagnostics, parsed.Stopped, text));
    }

    public static CompilationResult Compile(string text, string path) => Compile(new SourceText(text, path));
}
