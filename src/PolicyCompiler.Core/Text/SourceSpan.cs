namespace PolicyCompiler.Text;

/// <summary>
/// A range of a source text: a UTF-16 offset and length, and the 1-based line and column where it starts.
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;

    public override string ToString() => $"({Line.ToString(System.Globalization.CultureInfo.InvariantCulture)},{Column.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
