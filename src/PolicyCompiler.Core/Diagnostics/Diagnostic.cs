using PolicyCompiler.Text;

namespace PolicyCompiler.Diagnostics;

/// <summary>A reported problem: what (descriptor, message, help), and where (path and span). Made by <see cref="DiagnosticBuilder"/>.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, string Path, SourceSpan Span, string Message, string Help)
{
    public string Code => Descriptor.Code;

    public DiagnosticSeverity Severity => Descriptor.Severity;

    public bool IsError => Severity == DiagnosticSeverity.Error;
}
