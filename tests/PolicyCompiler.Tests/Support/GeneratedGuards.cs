using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PolicyCompiler.Emit;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Tests.Support;

/// <summary>Asks the compiled guards of one policy the questions the evaluator answers, by reflection.</summary>
internal sealed class GeneratedGuards
{
    private readonly Type _guards;
    private readonly string _namespace;
    private readonly Assembly _assembly;
    private readonly PolicyModel _model;

    public GeneratedGuards(Assembly assembly, string ns, PolicyModel model)
    {
        _assembly = assembly;
        _namespace = ns;
        _model = model;
        _guards = assembly.GetType(ns + "." + GuardNames.Of(model).GuardClass, throwOnError: true)!;
    }

    /// <summary>Asks <c>May&lt;Verb&gt;</c>, passing each of its parameters by name: the category, each dimension's value, the conditions.</summary>
    public bool Decide(Question q)
    {
        var method = _guards.GetMethod(GuardContract.Method(GuardContract.May, q.Verb)) ?? throw new InvalidOperationException("no guard for " + q.Verb);
        return Call(method.Name, Arguments(method, q));
    }

    /// <summary>The arguments of a guard for a question, each parameter by name: the category, each dimension's value, the conditions.</summary>
    private object?[] Arguments(MethodInfo guard, Question q) => guard.GetParameters().Select(parameter =>
    {
        if (parameter.Name == GuardContract.CategoryParameter) return Value(DeclarationKind.Category, q.Category);
        if (parameter.Name == GuardContract.ConditionsParameter) return Conditions(q.Conditions);
        var dimension = q.Verb.Dimensions.Single(d => d.Parameter == parameter.Name);
        var value = q[dimension];
        if (dimension.Vocabulary is { } words) return Word(words, value ?? words.Default);
        return dimension.Names is { } kind ? (value is null ? null : Value(kind, value)) : Country(value);
    }).ToArray();

    /// <summary>Asks <c>Check&lt;Verb&gt;</c> as <see cref="Decide"/> asks May…: the decision, with its question and why.</summary>
    public (bool Allowed, string Question, string Why, string Line) Check(Question q)
    {
        var check = _guards.GetMethod(GuardContract.Method(GuardContract.Check, q.Verb))!;
        var decision = check.Invoke(null, Arguments(check, q))!;
        string Text(string property) => (string)decision.GetType().GetProperty(property)!.GetValue(decision)!;
        return ((bool)decision.GetType().GetProperty("Allowed")!.GetValue(decision)!, Text("Question"), Text("Why"), decision.ToString()!);
    }

    /// <summary>The guards of a compiled policy, compiled with zero warnings, asked every decision point the evaluator answers.</summary>
    public static void AssertAgreeWithEvaluator(PolicyCompiler.Compilation.CompilationResult result, string ns)
    {
        var model = result.Model!;
        var guards = GuardEmitter.Emit(result, new GuardEmitterOptions(ns)).Text;
        var generated = new GeneratedGuards(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards), ns, model);
        var evaluator = new PolicyCompiler.Evaluation.Evaluator(model);
        Xunit.Assert.All(DecisionPoints.Of(model).ToList(), q => Xunit.Assert.Equal(evaluator.Decide(q).Allowed, generated.Decide(q)));
    }

    /// <summary>A person of no stated citizenship or whereabouts, for <see cref="Localised"/>.</summary>
    public static readonly IReadOnlyList<string?> Anyone = new string?[] { null, null };

    /// <summary>The localisation look-up (<c>RequiredStorage</c>) for a category, a person (a country or none per scope) and the conditions that hold, as country codes.</summary>
    public IReadOnlyList<string> Localised(Localisation localisation, string category, IReadOnlyList<string?> person, params string[] conditions)
    {
        var arguments = new List<object?> { Value(DeclarationKind.Category, category) };
        arguments.AddRange(person.Select(Country));
        if (_guards.GetMethod(localisation.Guard)!.GetParameters().Length == 2 + person.Count) arguments.Add(Conditions(conditions));
        var countries = (System.Collections.IEnumerable)_guards.GetMethod(localisation.Guard)!.Invoke(null, arguments.ToArray())!;
        return countries.Cast<object>().Select(c => c.ToString()!).ToList();
    }

    /// <summary><c>RetentionOf</c> for a category, a purpose (or none) and the conditions that hold: the lines of the statements it answers with.</summary>
    public IReadOnlyList<int> Retention(string category, string? purpose, params string[] conditions)
    {
        var purposeValue = purpose is null ? null : Value(DeclarationKind.Purpose, purpose);
        var answer = (System.Collections.IEnumerable)_guards.GetMethod("RetentionOf")!.Invoke(null, new[] { Value(DeclarationKind.Category, category), purposeValue, Conditions(conditions) })!;
        return answer.Cast<object>().Select(r =>
        {
            var clause = r.GetType().GetProperty("Clause")!.GetValue(r)!;
            return (int)clause.GetType().GetProperty("Line")!.GetValue(clause)!;
        }).ToList();
    }

    /// <summary>
    /// The guards' <c>RetentionOf</c> answers every category, purpose (and none) and set of the retention
    /// statements' conditions as <see cref="PolicyCompiler.Evaluation.RetentionRules"/> does.
    /// </summary>
    public static void AssertRetentionAgrees(PolicyCompiler.Compilation.CompilationResult result, string ns)
    {
        var model = result.Model!;
        var generated = new GeneratedGuards(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(result, new GuardEmitterOptions(ns)).Text), ns, model);
        var named = model.Retention.SelectMany(r => r.Conditions).Distinct(StringComparer.Ordinal).Take(6).ToList();
        var sets = Enumerable.Range(0, 1 << named.Count).Select(bits => named.Where((_, i) => (bits & (1 << i)) != 0).ToArray())
            // Every condition the policy declares, among them those no retention statement holds on.
            .Append(model.Conditions.Select(c => c.Name).ToArray()).ToList();
        var purposes = model.TermsOf(DeclarationKind.Purpose).Select(p => (string?)p.Name).Prepend(null).ToList();
        foreach (var category in model.Categories.Select(c => c.Name))
            foreach (var purpose in purposes)
                foreach (var set in sets)
                {
                    var expected = PolicyCompiler.Evaluation.RetentionRules.Deciding(model, category, purpose, set).Select(r => r.Span.Line).ToList();
                    Xunit.Assert.True(expected.SequenceEqual(generated.Retention(category, purpose, set)), $"RetentionOf({category}, {purpose}, {string.Join(",", set)})");
                }
    }

    public object Decision(string method, params object?[] arguments) => _guards.GetMethod(method)!.Invoke(null, arguments)!;

    private bool Call(string method, params object?[] arguments) => (bool)_guards.GetMethod(method)!.Invoke(null, arguments)!;

    private object Value(DeclarationKind kind, string name)
    {
        var type = _assembly.GetType(_namespace + "." + GuardContract.EnumOf(kind), throwOnError: true)!;
        var pascal = GuardNames.Of(_model).Of(kind)[name];
        return Enum.Parse(type, pascal);
    }

    private object Conditions(IEnumerable<string> conditions)
    {
        var type = _assembly.GetType(_namespace + "." + GuardContract.ConditionsEnum, throwOnError: true)!;
        var names = GuardNames.Of(_model).Of(DeclarationKind.Condition);
        var mask = conditions.Aggregate(0UL, (m, c) => m | Convert.ToUInt64(Enum.Parse(type, names[c]), System.Globalization.CultureInfo.InvariantCulture));
        return Enum.ToObject(type, mask);
    }

    private object Word(DimensionVocabulary words, string word)
    {
        var type = _assembly.GetType(RuntimeEmitter.Namespace + "." + words.EnumName, throwOnError: true)!;
        return Enum.Parse(type, words.MemberOf(word));
    }

    private object Country(string? code)
    {
        var type = _assembly.GetType(RuntimeEmitter.Namespace + "." + GuardContract.CountryEnum, throwOnError: true)!;
        return Enum.Parse(type, code ?? GuardContract.NoCountry);
    }
}
