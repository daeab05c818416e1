using System;
using System.Collections.Generic;
using System.Text;

namespace PolicyCompiler.Emit;

/// <summary>
/// C# names for policy names: <c>contact.mobile</c> becomes <c>ContactMobile</c>, <c>withdraw-consent</c>
/// <c>WithdrawConsent</c>. Two policy names that would give the same C# name are told apart by a numeric
/// suffix, in the (sorted, hence stable) order the names come in.
/// </summary>
internal static class CSharpNames
{
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is '.' or '-' or '_')
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (builder.Length == 0 || !char.IsLetter(builder[0])) builder.Insert(0, 'N');
        return builder.ToString();
    }

    /// <summary>Unique Pascal names for <paramref name="names"/>, keyed by the policy name.</summary>
    public static IReadOnlyDictionary<string, string> Unique(IEnumerable<string> names, ISet<string>? reserved = null)
    {
        var taken = new HashSet<string>(reserved ?? new HashSet<string>(), StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var candidate = Pascal(name);
            var unique = candidate;
            for (var n = 2; !taken.Add(unique); n++) unique = candidate + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result[name] = unique;
        }
        return result;
    }
}
