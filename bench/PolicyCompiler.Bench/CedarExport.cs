using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Bench;

/// <summary>
/// <c>cedar-export DIR</c>: the same policies as Cedar policy sets, with requests and our decisions, for
/// bench/cedar/compare.mjs. Each decision statement becomes one Cedar policy: a permission a <c>permit</c>
/// whose conditions must all be in <c>context.conditions</c>, a prohibition a <c>forbid</c> lifted
/// (<c>unless</c>) by any of its conditions. A storage rule without citizens decides only for citizenships no
/// rule names for that category, as in the compiler. Retention, rights and consent have no Cedar counterpart.
/// Every request carries every attribute any policy reads (empty when it does not apply), because Cedar skips
/// a policy that reads a missing attribute instead of failing.
/// </summary>
public static class CedarExport
{
    /// <summary>
    /// A synthetic policy of this many statements has 10,001 decision statements (a sixth of its statements
    /// are retention, which Cedar has no counterpart for), so that Cedar parses as many rules as the
    /// 10,000 statements of the full-compile benchmark it is compared with.
    /// </summary>
    private const int SyntheticStatements = 12_000;

    /// <summary>Cedar authorizes the 10,000-policy set in tens of milliseconds; a few dozen requests check its decisions.</summary>
    private const int SyntheticRequests = 40;

    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: cedar-export <folder>");
            return 2;
        }
        var folder = Directory.CreateDirectory(args[0]).FullName;
        var eleven = Compile(File.ReadAllText(Path.Combine(Repository.Policies, "eleven", "eleven.policy")), "eleven/eleven.policy");
        var synthetic = Compile(SyntheticPolicy.Create(SyntheticStatements), "synthetic.policy");
        var sets = new[]
        {
            Export(folder, "eleven", eleven, int.MaxValue),
            Export(folder, "synthetic-10000", synthetic, SyntheticRequests),
        };
        File.WriteAllText(Path.Combine(folder, "sets.json"), JsonSerializer.Serialize(sets, new JsonSerializerOptions { WriteIndented = true }));
        foreach (var set in sets) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set.name}: {set.rules} Cedar policies, {set.requestCount} requests"));
        return 0;
    }

    private static PolicyModel Compile(string text, string path)
    {
        var result = PolicyCompilation.Compile(new SourceText(text, path));
        if (result.HasErrors || result.Model is null) throw new InvalidOperationException(path + " does not compile: " + result.Diagnostics.First(d => d.IsError).Message);
        return result.Model;
    }

    private sealed record SetEntry(string name, string policies, string requests, int rules, int requestCount);

    private static SetEntry Export(string folder, string name, PolicyModel model, int maxRequests)
    {
        var policies = Translate(model);
        File.WriteAllText(Path.Combine(folder, name + ".cedar"), string.Join("\n", policies) + "\n");

        var evaluator = new Evaluator(model);
        var space = new DecisionSpace(model);
        var questions = space.Questions().SelectMany(q => space.ConditionSets(q.Verb).Select(c => q with { Conditions = c })).ToList();
        // The whole space when it fits the sample, else an even spread over it (in the space's order: by category, then verb).
        var step = questions.Count <= maxRequests ? 1 : questions.Count / maxRequests;
        var requests = questions.Where((_, i) => i % step == 0).Take(maxRequests).Select(q => Request(q, evaluator.Decide(q).Allowed)).ToList();
        File.WriteAllText(Path.Combine(folder, name + ".requests.json"), JsonSerializer.Serialize(requests));
        return new SetEntry(name, name + ".cedar", name + ".requests.json", policies.Count, requests.Count);
    }

    private static Dictionary<string, object> Request(Question question, bool allowed)
    {
        var context = new Dictionary<string, object> { ["category"] = question.Category };
        foreach (var dimension in question.Verb.Dimensions.Concat(VerbSchema.Default.Verbs.SelectMany(v => v.Dimensions)))
        {
            if (context.ContainsKey(dimension.Parameter)) continue;
            var value = question.Verb.Dimensions.Contains(dimension) ? question[dimension] : null;
            // A share question may leave the purpose out, and a share permission reads it only when present.
            if (value is null && LeftOutWhenNotAsked(dimension)) continue;
            context[dimension.Parameter] = value ?? string.Empty;
        }
        context["conditions"] = question.Conditions.ToArray();
        return new Dictionary<string, object>
        {
            ["principal"] = new { type = "App", id = "app" },
            ["action"] = new { type = "Action", id = question.Verb.Keyword },
            ["resource"] = new { type = "Data", id = question.Category },
            ["context"] = context,
            ["expected"] = allowed,
        };
    }

    /// <summary>A declared name that some verb asks optionally is absent from the context when not asked; every other attribute is "" then.</summary>
    private static bool LeftOutWhenNotAsked(DecisionDimension dimension) =>
        VerbSchema.Default.Verbs.SelectMany(v => v.Dimensions).Any(d => d.Parameter == dimension.Parameter && !d.IsCountry && !d.Required);

    private static List<string> Translate(PolicyModel model)
    {
        var policies = new List<string>();
        void Add(string effect, string verb, SourceSpan span, IEnumerable<string?> when, string? unless = null)
        {
            var conditions = when.Where(c => c is not null).ToList();
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"@id(\"line-{span.Line}-{policies.Count}\") {effect}(principal, action == Action::\"{verb}\", resource)");
            if (conditions.Count > 0) text.Append(" when { ").Append(string.Join(" && ", conditions)).Append(" }");
            if (unless is not null) text.Append(" unless { ").Append(unless).Append(" }");
            policies.Add(text.Append(';').ToString());
        }

        foreach (var verb in model.Verbs.Verbs)
        {
            var localisation = verb.Localisation;
            var rules = model.PermissionsOf(verb).ToList();
            foreach (var r in rules)
            {
                // A localised rule does not decide for people a more specific rule governs (see Localisation):
                // each such rule, on the categories both name, is an exception.
                string? overridden = null;
                if (localisation is not null)
                {
                    var named = localisation.Named(r);
                    var cases = rules
                        .Where(o => localisation.Named(o) != named && (localisation.Named(o) & named) == named)
                        .Select(o => (Rule: o, Shared: o.Categories.Where(c => r.Categories.Contains(c, StringComparer.Ordinal)).ToList()))
                        .Where(o => o.Shared.Count > 0)
                        .Select(o => "(" + string.Join(" && ", localisation.Scopes.Where(s => !o.Rule[s].Any).Select(s => In(o.Rule[s].Names, s.Parameter)).Prepend(In(o.Shared, "category"))) + ")")
                        .Distinct(StringComparer.Ordinal)
                        .ToList();
                    overridden = cases.Count == 0 ? null : string.Join(" || ", cases);
                }
                var when = verb.Dimensions.Select(d => r[d].Any ? null
                    : !d.IsCountry && !d.Required ? $"(!(context has {d.Parameter}) || {In(r[d].Names, d.Parameter)})"
                    : In(r[d].Names, d.Parameter));
                Add("permit", verb.Keyword, r.Span, when.Prepend(In(r.Categories, "category")).Append(All(r.Conditions)), overridden);
            }
        }

        foreach (var p in model.Prohibitions)
        {
            var qualifiers = p.Verb.Dimensions.Select(d => p[d].Any ? null
                : !d.IsCountry && !d.Required ? $"context has {d.Parameter} && {In(p[d].Names, d.Parameter)}"
                : In(p[d].Names, d.Parameter));
            Add("forbid", p.Verb.Keyword, p.Span, qualifiers.Prepend(In(p.Categories, "category")), p.Unless.IsEmpty ? null : $"context.conditions.containsAny({Set(p.Unless)})");
        }
        return policies;
    }

    private static string In(IEnumerable<string> names, string attribute) => $"{Set(names)}.contains(context.{attribute})";

    private static string? All(EquatableArray<string> conditions) => conditions.IsEmpty ? null : $"context.conditions.containsAll({Set(conditions)})";

    private static string Set(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(Literal)) + "]";

    private static string Literal(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
