using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Emit;

/// <summary>
/// The C# names the guards of a policy use: its namespace and type, and the enum member of each name the
/// policy declares (keyed by the policy's name). The emitter writes them; the purpose analyzer reads them
/// back, to know which category an attribute's enum value stands for.
/// </summary>
public sealed class GuardNames
{
    private readonly Dictionary<DeclarationKind, IReadOnlyDictionary<string, string>> _members = new();

    private GuardNames(PolicyModel model)
    {
        TypeName = CSharpNames.Pascal(model.Id);
        foreach (DeclarationKind kind in Enum.GetValues(typeof(DeclarationKind)))
        {
            // "None" is the flags enum's empty value.
            var reserved = kind == DeclarationKind.Condition ? new HashSet<string>(StringComparer.Ordinal) { GuardContract.NoCondition } : null;
            // The effects are those declared and those the rights name (a declaration is optional): one Effect enum.
            var names = kind == DeclarationKind.Effect
                ? model.TermsOf(kind).Select(t => t.Name).Concat(model.Rights.SelectMany(r => r.Consequences)).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal)
                : model.TermsOf(kind).Select(t => t.Name);
            _members[kind] = CSharpNames.Unique(names, reserved);
        }
    }

    public static GuardNames Of(PolicyModel model) => new(model ?? throw new ArgumentNullException(nameof(model)));

    /// <summary>The policy's C# name: the guard class is <see cref="GuardClass"/>.</summary>
    public string TypeName { get; }

    public string GuardClass => GuardContract.GuardClass(TypeName);

    /// <summary>The namespace of the guards unless the host is given another.</summary>
    public string DefaultNamespace => GuardContract.PoliciesNamespace + "." + TypeName;

    /// <summary>The enum member of each declared name of a kind, keyed by the policy's name.</summary>
    public IReadOnlyDictionary<string, string> Of(DeclarationKind kind) => _members[kind];
}
