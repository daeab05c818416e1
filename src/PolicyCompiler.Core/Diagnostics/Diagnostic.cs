using PolicyCompiler.Text;

namespace PolicyCompiler.Diagnostics;

/// <summary>A reported problem: what (descriptor, message, help), and where (path and span).</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, string Path, SourceSpan Span, string Message, string Help)
{
    public string Code => Descriptor.Code;

    public DiagnosticSeverity Severity => Descriptor.Severity;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceText text, SourceSpan span, params object[] args) =>
        new(descriptor, text.Path, span, descriptor.FormatMessage(args), descriptor.FormatHelp(args));

    /// <summary>A diagnostic about a whole file that could not be read as policy text.</summary>
    public static Diagnostic ForFile(DiagnosticDescriptor descriptor, string path, params object[] args) =>
        new(descriptor, path, new SourceSpan(0, 0, 1, 1), descriptor.FormatMessage(args), descriptor.FormatHelp(args));
}
