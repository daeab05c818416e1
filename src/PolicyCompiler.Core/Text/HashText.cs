using System.Globalization;
using System.Text;

namespace PolicyCompiler.Text;

/// <summary>How every hash policyc writes is spelled: lower-case hexadecimal, invariant.</summary>
internal static class HashText
{
    public static string Hex(byte[] hash)
    {
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash) text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return text.ToString();
    }
}
