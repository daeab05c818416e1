using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyCompiler.Diagnostics;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace PolicyCompiler.Generator;

/// <summary>
/// A core diagnostic as the generator pipeline carries it: value-equatable plain data (a Roslyn diagnostic
/// holds a location object and is not), turned into a Roslyn diagnostic only when it is reported.
/// Lines and columns are 0-based, as Roslyn counts them. Build output has one line per diagnostic, so the
/// message carries the help that <c>policyc check</c> prints on a line of its own.
/// </summary>
internal sealed record DiagnosticInfo(string Code, string Message, string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static DiagnosticInfo From(Diagnostics.Diagnostic diagnostic, Text.SourceText? text)
    {
        var span = diagnostic.Span;
        // Without the text (a diagnostic about a name, checked across policies) the span is on one line.
        var (endLine, endColumn) = text is null ? (span.Line, span.Column + span.Length) : EndOf(text, span.End);
        var message = PolicyDiagnostics.WithHelp(diagnostic.Message, diagnostic.Help);
        return new DiagnosticInfo(diagnostic.Code, message, diagnostic.Path, span.Start, span.Length, span.Line - 1, span.Column - 1, endLine - 1, endColumn - 1);
    }

    public RoslynDiagnostic ToDiagnostic()
    {
        var location = Location.Create(
            Path,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
        return RoslynDiagnostic.Create(PolicyDiagnostics.Descriptor(Code), location, Message);
    }

    private static (int Line, int Column) EndOf(Text.SourceText text, int offset)
    {
        var line = text.LineIndexOf(offset) + 1;
        return (line, offset - text.LineStart(line) + 1);
    }
}

/// <summary>The core's diagnostic catalog as Roslyn descriptors, so every host reports the same codes, titles and help.</summary>
internal static class PolicyDiagnostics
{
    public const string Category = "PolicyCompiler";

    private static readonly Dictionary<string, RoslynDescriptor> Descriptors =
        DiagnosticCatalog.All.ToDictionary(d => d.Code, ToRoslyn);

    public static RoslynDescriptor Descriptor(string code) => Descriptors[code];

    /// <summary>A one-line build message: the message, then the help that <c>policyc check</c> prints on a line of its own.</summary>
    public static string WithHelp(string message, string help) => help.Length == 0 ? message : message + " — " + help;

    public static RoslynDescriptor Descriptor(Diagnostics.DiagnosticDescriptor entry) => Descriptors[entry.Code];

    private static RoslynDescriptor ToRoslyn(Diagnostics.DiagnosticDescriptor entry) => new(
        entry.Code,
        entry.Title,
        "{0}",
        Category,
        entry.Severity switch
        {
            Diagnostics.DiagnosticSeverity.Error => RoslynSeverity.Error,
            Diagnostics.DiagnosticSeverity.Warning => RoslynSeverity.Warning,
            _ => RoslynSeverity.Info,
        },
        isEnabledByDefault: true,
        // The help of a catalog entry can have placeholders; the description shows its general form.
        description: entry.HelpFormat);
}
