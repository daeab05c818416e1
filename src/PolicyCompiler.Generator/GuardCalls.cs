using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyCompiler.Collections;
using PolicyCompiler.Emit;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Generator;

/// <summary>
/// Reads a call of a generated guard (<c>MayProcess(Category.Email, Purpose.Marketing)</c>) back into the
/// question it asks, when every argument, the defaulted ones included, is a constant.
/// </summary>
internal static class GuardCalls
{
    private static readonly string[] Prefixes = { "May", "Check", "Ensure" };

    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.Ordinal)
    {
        ["Collect"] = Verb.Collect,
        ["Process"] = Verb.Process,
        ["Share"] = Verb.Share,
        ["Transfer"] = Verb.Transfer,
        ["Store"] = Verb.Store,
    };

    /// <summary>The question a guard call asks, or null when it is not a decision guard or an argument is not constant.</summary>
    public static Question? Question(string method, ImmutableArray<IArgumentOperation> arguments, KnownPolicy policy)
    {
        var prefix = Prefixes.FirstOrDefault(p => method.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null || !Verbs.TryGetValue(method.Substring(prefix.Length), out var verb)) return null;

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        IReadOnlyList<string> conditions = Array.Empty<string>();
        foreach (var argument in arguments)
        {
            if (argument.Parameter is null) return null;
            var value = Unwrap(argument.Value);
            if (!value.ConstantValue.HasValue) return null;
            if (argument.Parameter.Name == "given")
            {
                var flags = Flags(value.Type, value.ConstantValue.Value, policy);
                if (flags is null) return null;
                conditions = flags;
                continue;
            }
            if (value.ConstantValue.Value is null)
            {
                values[argument.Parameter.Name] = null;
                continue;
            }
            var name = EnumName(value.Type, value.ConstantValue.Value, policy);
            if (name is null) return null;
            values[argument.Parameter.Name] = name;
        }

        string? Get(string parameter) => values.TryGetValue(parameter, out var v) ? v : null;
        var category = Get("category");
        if (category is null) return null;
        var country = verb == Verb.Transfer ? Get("destination") : Get("location");
        return new Question(verb, category, Get("subject"), Get("purpose"), Get("recipient"), Get("citizenship"), country, conditions.ToEquatableArray());
    }

    /// <summary>The question in the policy's own words: <c>process contact.email for marketing</c>.</summary>
    public static string Describe(Question q)
    {
        var parts = new List<string> { Keywords.Of(q.Verb), q.Category };
        if (q.Subject is not null) parts.Add("from " + q.Subject);
        if (q.Recipient is not null) parts.Add("with " + q.Recipient);
        if (q.Purpose is not null) parts.Add("for " + q.Purpose);
        if (q.Citizenship is not null) parts.Add("of citizens " + q.Citizenship);
        if (q.Country is not null) parts.Add((q.Verb == Verb.Transfer ? "to " : "in ") + q.Country);
        if (!q.Conditions.IsEmpty) parts.Add("on " + string.Join(", ", q.Conditions));
        return string.Join(" ", parts);
    }

    /// <summary>
    /// The policy name of an enum constant of the guards (<c>Category.Email</c> gives <c>contact.email</c>), or
    /// the country code of a <c>Country</c>; null for <c>Country.None</c> or a value that is no member.
    /// </summary>
    public static string? EnumName(ITypeSymbol? type, object? value, KnownPolicy policy)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType || value is null) return null;
        var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
        if (member is null) return null;
        if (enumType.Name == "Country" && enumType.ContainingNamespace.ToDisplayString() == RuntimeEmitter.Namespace)
        {
            return member.Name == "None" ? null : member.Name;
        }
        return policy.NameOf(enumType.Name, member.Name);
    }

    /// <summary>The conditions a constant <c>Conditions</c> value gives.</summary>
    private static IReadOnlyList<string>? Flags(ITypeSymbol? type, object? value, KnownPolicy policy)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType || value is null) return null;
        var bits = Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return enumType.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue && f.Name != "None")
            .Where(f => (bits & Convert.ToUInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)) != 0)
            .Select(f => policy.NameOf("Conditions", f.Name))
            .Where(n => n is not null)
            .Select(n => n!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The value as written: implicit conversions (to <c>Purpose?</c>, for one) are not constants themselves.</summary>
    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion && !value.ConstantValue.HasValue) value = conversion.Operand;
        return value;
    }
}
