using System.Collections.Generic;
using PolicyCompiler.Text;

namespace PolicyCompiler.Diagnostics;

/// <summary>Collects the diagnostics of one file.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public DiagnosticBag(SourceText text) => Text = text;

    public SourceText Text { get; }

    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>A builder of the diagnostic at <paramref name="span"/>, which reports it here.</summary>
    public DiagnosticBuilder At(SourceSpan span) => DiagnosticBuilder.At(Text, span, _items.Add);
}
