using System;
using System.Collections.Generic;
using System.Globalization;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Text;

namespace PolicyCompiler.Emit;

/// <summary>
/// Checks a namespace given for the guards (<c>--namespace</c>) before any C# is written: a dotted C# name whose
/// parts are identifiers (a keyword only as <c>@keyword</c>), none the discard <c>_</c>, none <c>global</c>, and
/// none named <c>System</c> or <c>PolicyCompiler</c> — the runtime file names <c>System.…</c> from inside
/// <c>PolicyCompiler.Runtime</c>, and a namespace of that name beside it would be found first.
/// </summary>
public static class NamespaceName
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    /// <summary>Names no part may have: the namespaces the generated code names by their first part.</summary>
    private static readonly string[] Shadowed = { "System", RuntimeEmitter.Namespace.Split('.')[0] };

    /// <summary>The diagnostic line for a namespace the guards cannot be generated in, or null when it is one.</summary>
    public static string? Problem(string ns)
    {
        if (ns is null) throw new ArgumentNullException(nameof(ns));
        if (Reason(ns) is not { } reason) return null;
        var diagnostic = DiagnosticBuilder.ForFile(string.Empty).InvalidNamespace(TerminalText.Escape(ns), reason);
        return "error " + diagnostic.Code + ": " + diagnostic.Message;
    }

    private static string? Reason(string ns)
    {
        if (ns.Length == 0) return "it is empty";
        foreach (var part in ns.Split('.'))
        {
            if (part.Length == 0) return "it has an empty part";
            var verbatim = part[0] == '@';
            var name = verbatim ? part.Substring(1) : part;
            if (name.Length == 0) return "'@' must be followed by a name";
            for (var i = 0; i < name.Length; i++)
            {
                if (!IsIdentifierCharacter(name[i], first: i == 0))
                {
                    return char.IsWhiteSpace(name[i]) || char.IsControl(name[i])
                        ? "it holds white space or a control character"
                        : $"'{TerminalText.Escape(part)}' is not a C# identifier";
                }
            }
            if (!verbatim && Keywords.Contains(name)) return $"'{name}' is a C# keyword (write @{name} to use it as a name)";
            if (name == "_") return "'_' is the discard, not a name";
            if (name == "global") return "'global' names the global namespace";
            if (Array.IndexOf(Shadowed, name) >= 0) return $"a part named '{name}' would hide the {name} namespace the generated code refers to";
        }
        return null;
    }

    /// <summary>Letters and '_' begin an identifier; digits, connectors and combining marks may follow (format characters never).</summary>
    private static bool IsIdentifierCharacter(char c, bool first)
    {
        if (c == '_') return true;
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
                return true;
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return !first;
            default:
                return false;
        }
    }
}
