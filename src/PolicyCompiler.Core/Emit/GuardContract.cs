using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Emit;

/// <summary>
/// The names generated guards are made of, which the emitter writes and the analyzer reads back: one set of
/// definitions, so that the two cannot drift apart.
/// </summary>
public static class GuardContract
{
    /// <summary>The decision guards' prefixes: a bool, a decision naming its clause, a throw.</summary>
    public const string May = "May";

    public const string Check = "Check";

    public const string Ensure = "Ensure";

    public static readonly string[] Prefixes = { May, Check, Ensure };

    /// <summary>The parameter every decision guard starts with.</summary>
    public const string CategoryParameter = "category";

    /// <summary>The parameter of the conditions that hold, where a verb takes conditions.</summary>
    public const string ConditionsParameter = "given";

    /// <summary>The flags enum of the conditions, and its empty value.</summary>
    public const string ConditionsEnum = "Conditions";

    public const string NoCondition = "None";

    /// <summary>The runtime's country enum, and its value for "no country".</summary>
    public const string CountryEnum = "Country";

    public const string NoCountry = "None";

    public const string PersonalDataAttribute = "PersonalDataAttribute";

    public const string ServesPurposeAttribute = "ServesPurposeAttribute";

    /// <summary>What reading personal data in code that serves a purpose asks: the verb and its dimension of purposes.</summary>
    public const string ServesPurposeVerb = "process";

    public const string ServesPurposeDimension = "purposes";

    /// <summary>The guard class of a policy's C# name.</summary>
    public static string GuardClass(string typeName) => typeName + GuardClassSuffix;

    /// <summary>What a guard class's name ends with: <c>ElevenPolicy</c>.</summary>
    public const string GuardClassSuffix = "Policy";

    /// <summary>The namespace the guards of every policy are in by default, each in its own: <c>Policies.Eleven</c>.</summary>
    public const string PoliciesNamespace = "Policies";

    /// <summary>A decision guard's name: <c>MayCollect</c>.</summary>
    public static string Method(string prefix, DecisionVerb verb) => prefix + verb.GuardName;

    /// <summary>The enum of a kind of declared name: <c>Category</c>, <c>Purpose</c>, <c>Recipient</c>, …</summary>
    public static string EnumOf(DeclarationKind kind) => kind == DeclarationKind.Condition ? ConditionsEnum : CSharpNames.Pascal(Keywords.Of(kind));
}
