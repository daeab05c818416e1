using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Emit;

/// <summary>
/// The C# names the guards of a policy use: its namespace and type, and the enum member of each name the
/// policy declares (keyed by the policy's name). The emitter writes them; the purpose analyzer reads them
/// back, to know which category an attribute's enum value stands for.
/// </summary>
public sealed class GuardNames
{
    private GuardNames(PolicyModel model)
    {
        TypeName = CSharpNames.Pascal(model.Id);
        Categories = CSharpNames.Unique(model.Categories.Select(t => t.Name));
        Purposes = CSharpNames.Unique(model.Purposes.Select(t => t.Name));
        Recipients = CSharpNames.Unique(model.Recipients.Select(t => t.Name));
        Subjects = CSharpNames.Unique(model.Subjects.Select(t => t.Name));
        // "None" is the flags enum's empty value.
        Conditions = CSharpNames.Unique(model.Conditions.Select(t => t.Name), new HashSet<string>(StringComparer.Ordinal) { "None" });
    }

    public static GuardNames Of(PolicyModel model) => new(model ?? throw new ArgumentNullException(nameof(model)));

    /// <summary>The policy's C# name: the guard class is <c>{TypeName}Policy</c>.</summary>
    public string TypeName { get; }

    /// <summary>The namespace of the guards unless the host is given another.</summary>
    public string DefaultNamespace => "Policies." + TypeName;

    public IReadOnlyDictionary<string, string> Categories { get; }

    public IReadOnlyDictionary<string, string> Purposes { get; }

    public IReadOnlyDictionary<string, string> Recipients { get; }

    public IReadOnlyDictionary<string, string> Subjects { get; }

    public IReadOnlyDictionary<string, string> Conditions { get; }
}
