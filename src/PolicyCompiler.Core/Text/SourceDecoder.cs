using System;
using System.Globalization;
using System.IO;
using PolicyCompiler.Compilation;
using System.Text;
using PolicyCompiler.Diagnostics;

namespace PolicyCompiler.Text;

/// <summary>
/// Turns the bytes of a file into source text, or into a one-line diagnostic when they are not text:
/// a NUL byte (binary) or bytes that are not UTF-8, or a file past <see cref="PolicyLimits.MaxFileBytes"/>.
/// A UTF-8 byte order mark is dropped. The replacement character U+FFFD counts as bytes that are not UTF-8:
/// it is what a decoder that does not refuse such bytes (a compiler host handing the generator its text) puts
/// in their place, so refusing it is what lets every host give the same answer for the same file.
/// </summary>
public static class SourceDecoder
{
    public static (SourceText? Text, Diagnostic? Error) Decode(byte[] bytes, string path)
    {
        if (bytes is null) throw new ArgumentNullException(nameof(bytes));
        if (TooLarge(bytes.Length, path) is { } tooLarge) return (null, tooLarge);
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0) return (null, DiagnosticBuilder.ForFile(path).BinaryFile(nul));

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var invalid = FirstInvalidUtf8(bytes, start);
        if (invalid >= 0) return (null, DiagnosticBuilder.ForFile(path).InvalidUtf8(invalid));
        var replacement = FirstReplacementCharacter(bytes, start);
        if (replacement >= 0) return (null, DiagnosticBuilder.ForFile(path).InvalidUtf8(replacement));
        return (new SourceText(Encoding.UTF8.GetString(bytes, start, bytes.Length - start), path), null);
    }

    /// <summary>
    /// Reads a stream to its end, but never more than one byte past <see cref="PolicyLimits.MaxFileBytes"/>: a
    /// stream without an end (<c>/dev/zero</c>, a pipe that never closes its write side) or one longer than it
    /// says is refused with PC0011 once it has passed the limit, not read into memory first.
    /// </summary>
    public static (byte[]? Bytes, Diagnostic? TooLarge) ReadBounded(Stream stream, string path)
    {
        if (stream is null) throw new ArgumentNullException(nameof(stream));
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var wanted = (int)Math.Min(chunk.Length, PolicyLimits.MaxFileBytes + 1 - buffer.Length);
            var read = stream.Read(chunk, 0, wanted);
            if (read <= 0) return (buffer.ToArray(), null);
            buffer.Write(chunk, 0, read);
            if (buffer.Length > PolicyLimits.MaxFileBytes)
            {
                return (null, DiagnosticBuilder.ForFile(path).FileTooLarge(null));
            }
        }
    }

    /// <summary>PC0011 for a file of <paramref name="length"/> bytes past the limit (checked before reading it, where the length is known); else null.</summary>
    public static Diagnostic? TooLarge(long length, string path) =>
        length > PolicyLimits.MaxFileBytes
            ? DiagnosticBuilder.ForFile(path).FileTooLarge(length)
            : null;

    /// <summary>
    /// PC0011 for a text a host handed over as a string (the source generator), measured in UTF-8 bytes as a
    /// file is, so that the limit is the same whoever read it; else null.
    /// </summary>
    public static Diagnostic? TooLarge(SourceText text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        // A character is at most three UTF-8 bytes (a surrogate pair is four for two): short texts need no count.
        if ((long)text.Text.Length * 3 <= PolicyLimits.MaxFileBytes) return null;
        return TooLarge(Encoding.UTF8.GetByteCount(text.Text), text.Path);
    }

    /// <summary>
    /// Decodes a text a host has already decoded (the source generator's additional files) by the rules for bytes:
    /// the text is turned back into the bytes its host read — with the encoding the host detected (a UTF-16 or
    /// UTF-32 byte order mark, a code page it fell back to), byte order mark included — and those are decoded as
    /// a file is. So a UTF-16 file, a NUL, or bytes that are not UTF-8 get the diagnostic <c>policyc</c> gives.
    /// Without an encoding the text is taken as UTF-8.
    /// </summary>
    public static (SourceText? Text, Diagnostic? Error) Decode(string text, Encoding? encoding, string path)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        // The size is the text's in UTF-8, as for any text a host hands over (and before making bytes of it).
        if (TooLarge(new SourceText(text, path)) is { } tooLarge) return (null, tooLarge);
        var used = encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var preamble = used.GetPreamble();
        var body = used.GetBytes(text);
        var bytes = new byte[preamble.Length + body.Length];
        Buffer.BlockCopy(preamble, 0, bytes, 0, preamble.Length);
        Buffer.BlockCopy(body, 0, bytes, preamble.Length, body.Length);
        return Decode(bytes, path);
    }

    /// <summary>The offset of the first U+FFFD (EF BF BD) in well-formed UTF-8, or -1.</summary>
    private static int FirstReplacementCharacter(byte[] bytes, int start)
    {
        for (var i = start; i + 2 < bytes.Length; i++)
        {
            if (bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD) return i;
        }
        return -1;
    }

    /// <summary>The offset of the first byte that does not begin a well-formed UTF-8 sequence, or -1.</summary>
    public static int FirstInvalidUtf8(byte[] bytes, int start)
    {
        var i = start;
        while (i < bytes.Length)
        {
            var lead = bytes[i];
            if (lead < 0x80)
            {
                i++;
                continue;
            }
            int continuation, minimum, codePoint;
            if ((lead & 0xE0) == 0xC0) (continuation, minimum, codePoint) = (1, 0x80, lead & 0x1F);
            else if ((lead & 0xF0) == 0xE0) (continuation, minimum, codePoint) = (2, 0x800, lead & 0x0F);
            else if ((lead & 0xF8) == 0xF0) (continuation, minimum, codePoint) = (3, 0x10000, lead & 0x07);
            else return i;
            if (i + continuation >= bytes.Length) return i;
            for (var k = 1; k <= continuation; k++)
            {
                var next = bytes[i + k];
                if ((next & 0xC0) != 0x80) return i;
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
            if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) return i;
            i += continuation + 1;
        }
        return -1;
    }
}
