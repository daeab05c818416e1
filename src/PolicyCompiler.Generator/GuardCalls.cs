using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyCompiler.Collections;
using PolicyCompiler.Emit;
using PolicyCompiler.Model;

namespace PolicyCompiler.Generator;

/// <summary>
/// Reads a call of a generated guard (<c>MayProcess(Category.Email, Purpose.Marketing)</c>) back into the
/// question it asks, when every argument, the defaulted ones included, is a constant.
/// </summary>
internal static class GuardCalls
{
    /// <summary>The question a guard call asks, or null when it is not a decision guard or an argument is not constant.</summary>
    public static Question? Question(string method, ImmutableArray<IArgumentOperation> arguments, KnownPolicy policy)
    {
        var prefix = GuardContract.Prefixes.FirstOrDefault(p => method.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null) return null;
        var verb = policy.Compilation.Model!.Verbs.Verbs.FirstOrDefault(v => GuardContract.Method(prefix, v) == method);
        if (verb is null) return null;

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        IReadOnlyList<string> conditions = Array.Empty<string>();
        foreach (var argument in arguments)
        {
            if (argument.Parameter is null) return null;
            var value = Unwrap(argument.Value);
            // An optional argument left out: a nullable one's default (no purpose) is a default value, not a constant.
            if (value is IDefaultValueOperation && value.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
            {
                values[argument.Parameter.Name] = null;
                continue;
            }
            if (!value.ConstantValue.HasValue) return null;
            if (argument.Parameter.Name == GuardContract.ConditionsParameter)
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
            // Country.None (a left-out citizenship or user's country) asks about no country: the dimension is not given.
            if (IsNoCountry(value.Type, value.ConstantValue.Value))
            {
                values[argument.Parameter.Name] = null;
                continue;
            }
            var name = EnumName(value.Type, value.ConstantValue.Value, policy);
            if (name is null) return null;
            values[argument.Parameter.Name] = name;
        }

        string? Get(string parameter) => values.TryGetValue(parameter, out var v) ? v : null;
        var category = Get(GuardContract.CategoryParameter);
        if (category is null) return null;
        return new Question(verb, category, verb.Dimensions.Select(d => Get(d.Parameter)).ToEquatableArray(), conditions.ToEquatableArray());
    }

    /// <summary>
    /// The policy name of an enum constant of the guards (<c>Category.Email</c> gives <c>contact.email</c>), or
    /// the country code of a <c>Country</c>, the word of a runtime enum of the language's words (<c>DataForm.Anonymised</c>
    /// gives <c>anonymised</c>); null for <c>Country.None</c> or a value that is no member.
    /// </summary>
    public static string? EnumName(ITypeSymbol? type, object? value, KnownPolicy policy)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType || value is null) return null;
        var member = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
        if (member is null) return null;
        if (enumType.Name == GuardContract.CountryEnum && enumType.ContainingNamespace.ToDisplayString() == RuntimeEmitter.Namespace)
        {
            return member.Name == GuardContract.NoCountry ? null : member.Name;
        }
        if (enumType.ContainingNamespace.ToDisplayString() == RuntimeEmitter.Namespace
            && policy.Compilation.Model!.Verbs.Verbs.SelectMany(v => v.Dimensions).Select(d => d.Vocabulary).FirstOrDefault(v => v?.EnumName == enumType.Name) is { } words)
        {
            return words.WordOf(member.Name);
        }
        return policy.NameOf(enumType.Name, member.Name);
    }

    private static bool IsNoCountry(ITypeSymbol? type, object? value) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Enum, Name: GuardContract.CountryEnum } country
        && country.ContainingNamespace.ToDisplayString() == RuntimeEmitter.Namespace
        && value is not null && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 0;

    /// <summary>The conditions a constant <c>Conditions</c> value gives.</summary>
    private static IReadOnlyList<string>? Flags(ITypeSymbol? type, object? value, KnownPolicy policy)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType || value is null) return null;
        var bits = Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return enumType.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue && f.Name != GuardContract.NoCondition)
            .Where(f => (bits & Convert.ToUInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)) != 0)
            .Select(f => policy.NameOf(GuardContract.ConditionsEnum, f.Name))
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
