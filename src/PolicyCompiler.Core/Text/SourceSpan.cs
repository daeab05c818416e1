namespace PolicyCompiler.Text;

/// <summary>
/// A range of a source text: a UTF-16 offset and length, and the 1-based line and column where it starts.
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;

    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "[{0}..{1}) at ({2},{3})", Start, End, Line, Column);
}
