using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Emit;

/// <summary>One name a generated enum gives a number: its key in the numbers file (the policy's name), its C# member, and where the policy states it.</summary>
public sealed record NumberedName(string Key, string Member, SourceSpan Span);

/// <summary>
/// The names one generated enum numbers (or, for the conditions, gives a bit), in the order the guards list them:
/// the numbers file keys them by <see cref="Kind"/> and name. Without a numbers file a name's number is its
/// position in this order.
/// </summary>
public sealed record NumberedEnum(string Kind, string EnumName, IReadOnlyList<NumberedName> Names)
{
    /// <summary>The conditions are flags: a number is a bit of a 64-bit mask.</summary>
    public bool IsFlags => Kind == NumberedNames.Condition;
}

/// <summary>
/// Every enum the guards of a policy number, stated once: the emitter writes their values from here and the
/// numbers file (<see cref="Compilation.NameNumbers"/>) pins them, so the two cannot list different names.
/// </summary>
public static class NumberedNames
{
    public const string Condition = "condition";
    public const string Right = "right";
    public const string Consent = "consent";

    /// <summary>The word of a declaration kind in the numbers file: the policy's own keyword (<c>category</c>).</summary>
    public static string KindOf(DeclarationKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The words a numbers file may key a line by.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        Enum.GetValues(typeof(DeclarationKind)).Cast<DeclarationKind>().Select(KindOf).Concat(new[] { Right, Consent }).ToList();

    public static IReadOnlyList<NumberedEnum> Of(PolicyModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var names = GuardNames.Of(model);
        var enums = new List<NumberedEnum>();
        foreach (var kind in GuardEmitter.EnumKinds(model)) enums.Add(Declared(model, names, kind));
        enums.Add(new NumberedEnum(Condition, GuardContract.ConditionsEnum, model.Conditions.Select(t => new NumberedName(t.Name, names.Of(DeclarationKind.Condition)[t.Name], t.Span)).ToList()));

        if (model.Consents.Count > 0)
        {
            // A clause is a topic: its first statement says where it stands.
            var members = ConsentGuards.Members(model);
            var clauses = model.Consents.GroupBy(c => c.Topic, StringComparer.Ordinal).Select(g => new NumberedName(g.Key, members[g.Key], g.First().Span)).ToList();
            enums.Add(new NumberedEnum(Consent, ConsentGuards.ClauseEnum, clauses));
        }

        var rights = DistinctRights.Of(model);
        if (rights.Count > 0)
        {
            enums.Add(new NumberedEnum(Right, "Right", rights.Select(r => new NumberedName(r.Name, r.Member, r.Grants[0].Span)).ToList()));
            if (!GuardEmitter.EnumKinds(model).Contains(DeclarationKind.Channel)) enums.Add(Declared(model, names, DeclarationKind.Channel));
            // The consequences the rights name, declared or not (GuardNames has them all): an undeclared one stands
            // where the first right naming it does.
            var effects = names.Of(DeclarationKind.Effect).Keys.OrderBy(e => e, StringComparer.Ordinal).Select(effect =>
                new NumberedName(effect, names.Of(DeclarationKind.Effect)[effect], model.Effects.FirstOrDefault(e => e.Name == effect)?.Span
                    ?? model.Rights.First(r => r.Consequences.Contains(effect, StringComparer.Ordinal)).Span)).ToList();
            enums.Add(new NumberedEnum(KindOf(DeclarationKind.Effect), "Effect", effects));
        }
        return enums;
    }

    private static NumberedEnum Declared(PolicyModel model, GuardNames names, DeclarationKind kind) =>
        new(KindOf(kind), GuardContract.EnumOf(kind), model.TermsOf(kind).Select(t => new NumberedName(t.Name, names.Of(kind)[t.Name], t.Span)).ToList());
}
