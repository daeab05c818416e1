using PolicyCompiler.Collections;

namespace PolicyCompiler.Legal;

/// <summary>How much of a policy's legal text its statements account for.</summary>
public sealed record Coverage(
    int Paragraphs,
    EquatableArray<string> Cited,
    EquatableArray<string> Informative,
    EquatableArray<string> Uncovered)
{
    public int Covered => Paragraphs - Uncovered.Count;

    /// <summary>Covered paragraphs in percent, rounded down (so 100 means every paragraph).</summary>
    public int Percent => Paragraphs == 0 ? 100 : Covered * 100 / Paragraphs;
}
