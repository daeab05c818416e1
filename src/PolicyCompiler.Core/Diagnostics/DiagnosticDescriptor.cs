using System.Globalization;

namespace PolicyCompiler.Diagnostics;

/// <summary>
/// One entry of the diagnostic catalog: a stable code, a title, a message and a help text.
/// Message and help are composite format strings filled with the arguments of a reported diagnostic.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Code,
    DiagnosticSeverity Severity,
    string Title,
    string MessageFormat,
    string HelpFormat)
{
    internal string FormatMessage(object[] args) => Format(MessageFormat, args);

    internal string FormatHelp(object[] args) => Format(HelpFormat, args);

    private static string Format(string format, object[] args) =>
        args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
}
