using System.IO;
using System.Text;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli.Output;

/// <summary>
/// What every command prints goes through this writer, so that no string from a policy, a legal text or a file
/// name reaches the terminal raw: <see cref="TerminalText.EscapeLines"/> on all of it (line breaks and tabs kept;
/// a value that must not break a line is escaped with <see cref="TerminalText.Escape"/> where it is formatted).
/// JSON and SARIF escape control characters themselves; a bidirectional control left in a JSON string becomes
/// <c>\uXXXX</c>, which JSON reads back as the same character.
/// </summary>
internal sealed class TerminalWriter : TextWriter
{
    private readonly TextWriter _inner;
    private char _pendingHighSurrogate;

    public TerminalWriter(TextWriter inner)
    {
        _inner = inner;
        NewLine = inner.NewLine;
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        // A pair split over two calls is written whole; a lone surrogate is escaped.
        if (_pendingHighSurrogate != '\0')
        {
            var high = _pendingHighSurrogate;
            _pendingHighSurrogate = '\0';
            if (char.IsLowSurrogate(value))
            {
                _inner.Write(high);
                _inner.Write(value);
                return;
            }
            _inner.Write(TerminalText.EscapeLines(high.ToString()));
        }
        if (char.IsHighSurrogate(value))
        {
            _pendingHighSurrogate = value;
            return;
        }
        _inner.Write(TerminalText.EscapeLines(value.ToString()));
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        if (_pendingHighSurrogate != '\0' || (value.Length > 0 && char.IsHighSurrogate(value[^1])))
        {
            foreach (var c in value) Write(c);
            return;
        }
        _inner.Write(TerminalText.EscapeLines(value));
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine() => _inner.WriteLine();

    public override void WriteLine(string? value)
    {
        Write(value);
        _inner.WriteLine();
    }

    public override void Flush() => _inner.Flush();
}
