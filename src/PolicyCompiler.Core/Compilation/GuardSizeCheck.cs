using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Legal;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Compilation;

/// <summary>
/// Refuses a policy whose guards would be too large for the C# compiler (PC3006), from the estimate of
/// <see cref="GuardCodeSize"/>, after binding and the legal check and before anything is emitted. It runs
/// next to the binder's table limits (PC3004, PC3005) and is silent when one of those already refused the
/// tables: the guards are then not emitted, and their size is a consequence.
/// </summary>
internal static class GuardSizeCheck
{
    public static IEnumerable<Diagnostic> Check(PolicyModel? model, LegalAnchoring? legal, PolicyFileSyntax syntax, SourceText text, IEnumerable<Diagnostic> bindingDiagnostics)
    {
        if (model is null || bindingDiagnostics.Any(d => d.Code is "PC3004" or "PC3005")) return Array.Empty<Diagnostic>();
        var size = GuardCodeSize.Of(model, legal, text.Length);
        if (size.Total <= PolicyLimits.MaxGuardChars) return Array.Empty<Diagnostic>();
        return new[] { DiagnosticBuilder.At(text, syntax.Id?.Span ?? syntax.Span).GuardsTooLarge(size, PolicyLimits.MaxGuardChars) };
    }
}
