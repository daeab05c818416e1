using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Generator;

/// <summary>
/// A policy the analyzer knows, seen from the C# side: its guard namespace, and the policy name behind each
/// enum member of its guards (the inverse of <see cref="GuardNames"/>), with the evaluator to ask.
/// </summary>
internal sealed class KnownPolicy
{
    private readonly Evaluator _evaluator;
    private readonly Dictionary<string, Dictionary<string, string>> _namesByEnum;

    public KnownPolicy(CompilationResult compilation)
    {
        Compilation = compilation;
        var model = compilation.Model!;
        var names = GuardNames.Of(model);
        Namespace = names.DefaultNamespace;
        GuardClass = names.GuardClass;
        _evaluator = new Evaluator(model);
        _namesByEnum = Enum.GetValues(typeof(DeclarationKind)).Cast<DeclarationKind>()
            .ToDictionary(GuardContract.EnumOf, kind => Invert(names.Of(kind)), StringComparer.Ordinal);
    }

    public CompilationResult Compilation { get; }

    public string Id => Compilation.Model!.Id;

    public string Namespace { get; }

    public string GuardClass { get; }

    /// <summary>All the policy's conditions: what code may at most be given.</summary>
    public IEnumerable<string> AllConditions => Compilation.Model!.Conditions.Select(c => c.Name);

    /// <summary>The policy name of a member of one of the guards' enums (Category, Purpose, …), or null.</summary>
    public string? NameOf(string enumName, string member) =>
        _namesByEnum.TryGetValue(enumName, out var names) && names.TryGetValue(member, out var name) ? name : null;

    public Decision Decide(Question question) => _evaluator.Decide(question);

    public string Why(Question question, Decision decision) => Explainer.Summarize(Compilation, question, decision);

    private static Dictionary<string, string> Invert(IReadOnlyDictionary<string, string> names) =>
        names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
}

/// <summary>
/// The policies among a compilation's additional files that compiled without errors, by guard namespace.
/// The generator reports the others. Compiled once per set of texts: an IDE starts many compilations over
/// the same policies, so the last set is kept.
/// </summary>
internal sealed class KnownPolicies
{
    private static readonly object Gate = new();
    private static (ImmutableArray<PolicyFile> Files, KnownPolicies Policies)? s_last;

    private readonly Dictionary<string, KnownPolicy> _byNamespace;

    private KnownPolicies(IEnumerable<KnownPolicy> policies)
    {
        // Two policies with one namespace are an error the generator reports (PC1009); neither is judged. The same
        // text twice is one policy: a project's own copy of the policy whose guards a referenced project holds.
        _byNamespace = policies
            .GroupBy(p => p.Namespace, StringComparer.Ordinal)
            .Where(g => g.Select(p => p.Compilation.Text.Text.Replace("\r\n", "\n")).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public bool IsEmpty => _byNamespace.Count == 0;

    /// <summary>The policies the referenced assemblies carry, each under its assembly's name.</summary>
    private static IEnumerable<PolicyFile> Referenced(Microsoft.CodeAnalysis.Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass is not { Name: "PolicySourceAttribute" } type || type.ContainingNamespace.ToDisplayString() != RuntimeEmitter.Namespace) continue;
                if (attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments[0].Value is not string path || attribute.ConstructorArguments[1].Value is not string text) continue;
                yield return new PolicyFile(assembly.Name + "/" + path, text);
            }
        }
    }

    /// <summary>The policy whose guards declare <paramref name="type"/>, or null.</summary>
    public KnownPolicy? Declaring(ITypeSymbol? type)
    {
        var ns = type?.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace) return null;
        return _byNamespace.TryGetValue(ns.ToDisplayString(), out var policy) ? policy : null;
    }

    /// <summary>
    /// The project's own policies, and those whose guards a referenced assembly holds (their text is in its
    /// <c>PolicySourceAttribute</c>s): code that uses another project's guards is judged against that policy.
    /// </summary>
    public static KnownPolicies From(ImmutableArray<AdditionalText> additionalFiles, Microsoft.CodeAnalysis.Compilation? compilation, CancellationToken cancellationToken)
    {
        var files = additionalFiles.Where(PolicyFile.IsPolicy).Select(f => PolicyFile.Read(f, cancellationToken))
            .Concat(compilation is null ? Enumerable.Empty<PolicyFile>() : Referenced(compilation))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray();
        lock (Gate)
        {
            if (s_last is { } last && last.Files.SequenceEqual(files)) return last.Policies;
        }
        // Citations are the generator's to check; the analyzer needs the rules, so no legal texts are loaded.
        var policies = new KnownPolicies(files
            .Where(f => f.Text is not null)
            .Select(f => PolicyCompilation.Compile(f.Text!, f.Path))
            .Where(r => r.Model is not null && !r.HasErrors)
            .Select(r => new KnownPolicy(r)));
        lock (Gate)
        {
            s_last = (files, policies);
        }
        return policies;
    }
}
