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
        _guards = assembly.GetType(ns + "." + CSharpNames.Pascal(model.Id) + "Policy", throwOnError: true)!;
    }

    public bool Decide(Question q)
    {
        var category = Value("Category", _model.Categories.Select(t => t.Name), q.Category);
        var given = Conditions(q.Conditions);
        return q.Verb switch
        {
            Verb.Collect => Call("MayCollect", category, Value("Subject", _model.Subjects.Select(t => t.Name), q.Subject!)),
            Verb.Process => Call("MayProcess", category, Value("Purpose", _model.Purposes.Select(t => t.Name), q.Purpose!), given),
            Verb.Share => Call("MayShare", category, Value("Recipient", _model.Recipients.Select(t => t.Name), q.Recipient!),
                q.Purpose is null ? null : Value("Purpose", _model.Purposes.Select(t => t.Name), q.Purpose), given),
            Verb.Transfer => Call("MayTransfer", category, Country(q.Country), given),
            _ => Call("MayStore", category, Country(q.Country), Country(q.Citizenship)),
        };
    }

    public object Decision(string method, params object?[] arguments) => _guards.GetMethod(method)!.Invoke(null, arguments)!;

    private bool Call(string method, params object?[] arguments) => (bool)_guards.GetMethod(method)!.Invoke(null, arguments)!;

    private object Value(string enumName, IEnumerable<string> names, string name)
    {
        var type = _assembly.GetType(_namespace + "." + enumName, throwOnError: true)!;
        var pascal = CSharpNames.Unique(names)[name];
        return Enum.Parse(type, pascal);
    }

    private object Conditions(IEnumerable<string> conditions)
    {
        var type = _assembly.GetType(_namespace + ".Conditions", throwOnError: true)!;
        var names = CSharpNames.Unique(_model.Conditions.Select(t => t.Name), new HashSet<string> { "None" });
        var mask = conditions.Aggregate(0UL, (m, c) => m | Convert.ToUInt64(Enum.Parse(type, names[c]), System.Globalization.CultureInfo.InvariantCulture));
        return Enum.ToObject(type, mask);
    }

    private object Country(string? code)
    {
        var type = _assembly.GetType(RuntimeEmitter.Namespace + ".Country", throwOnError: true)!;
        return Enum.Parse(type, code ?? "None");
    }
}
