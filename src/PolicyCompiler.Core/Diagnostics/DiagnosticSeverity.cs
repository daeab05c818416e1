namespace PolicyCompiler.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
