using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>
/// The content hash the guards carry is the SHA-256 of the policy and its legal text as UTF-8 with "\r\n" read
/// as "\n"; it is fed to the hash in pieces, so a character split across two pieces must hash as one.
/// </summary>
public sealed class ContentHashTests
{
    [Theory]
    [InlineData(4096, -2)]
    [InlineData(4096, -1)]
    [InlineData(4096, 0)]
    [InlineData(8192, -1)]
    public void It_is_the_hash_of_the_whole_text_whatever_falls_on_a_piece_boundary(int boundary, int offset)
    {
        // A surrogate pair (then a line break, then Georgian letters) starting at the offset from a boundary of
        // the hash's 4,096-character pieces: -1 splits the pair across two pieces.
        var before = Compile.Header + "\n  // ";
        var text = Compile.Policy("  // " + new string('x', boundary + offset - before.Length) + "😀\r\nქართული\r\n");
        Assert.Equal('\uD83D', text[boundary + offset]);

        var expected = "sha256:" + string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n\u0000\n")).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, GuardEmitter.ContentHash(Compile.Text(text)));
        Assert.Equal(expected, GuardEmitter.ContentHash(Compile.Text(text.Replace("\r\n", "\n", StringComparison.Ordinal))));
    }
}
