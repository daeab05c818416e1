using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

/// <summary>
/// The data-flow chart of a policy: category groups → the purposes they are processed for → the recipients they
/// are shared with, and category groups → the countries they are stored in or transferred to. Categories are
/// grouped by the first part of their name, or the chart of a policy with thirty categories is unreadable.
/// </summary>
internal sealed class DataFlowBuilder
{
    private readonly List<FlowNode> _nodes = new();
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<FlowEdge> _edges = new();
    private readonly HashSet<(int, int)> _linked = new();

    public static DataFlow Build(PolicyModel model, IReadOnlyList<Term> categories)
    {
        var flow = new DataFlowBuilder();
        var groups = categories.GroupBy(c => CategoryNames.GroupOf(c.Name), StringComparer.Ordinal).ToList();
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.ToList();
            Phrase text = members.Count == 1 ? new TermPhrase(members[0]) : new NamePhrase(group.Key + ".*");
            flow.Node("category:" + group.Key, "c:categories", text);
            foreach (var member in members) groupOf[member.Name] = group.Key;
        }
        // The verbs' arrows in their drawing order; every name of a kind they point at (or through) is a node.
        var arrows = model.Verbs.Verbs.Where(v => v.Documentation.Flow is not null).OrderBy(v => v.Documentation.Flow!.Order).ToList();
        foreach (var target in arrows.SelectMany(v => new[] { v.Documentation.Flow!.To, v.Documentation.Flow.Via }).Where(d => d?.Names is not null).GroupBy(d => d!.Names).Select(g => g.First()!))
        {
            foreach (var term in model.TermsOf(target.Names!.Value)) flow.Node(NodeKey(target, term.Name), target.DocumentColumn, new TermPhrase(term));
        }

        IEnumerable<string> Groups(IEnumerable<string> names) =>
            names.Select(n => groupOf.TryGetValue(n, out var g) ? g : CategoryNames.GroupOf(n)).Distinct(StringComparer.Ordinal);

        foreach (var verb in arrows)
        {
            var arrow = verb.Documentation.Flow!;
            foreach (var rule in model.DisclosedPermissionsOf(verb))
            {
                // A place the text does not state is drawn as such, not as the jurisdiction it is read as.
                var targets = rule[arrow.To].Unstated ? new[] { flow.UnstatedPlace() }
                    : rule[arrow.To].Any
                    ? (arrow.To.IsCountry ? new[] { flow.AnyCountry() } : model.TermsOf(arrow.To.Names!.Value).Select(t => NodeKey(arrow.To, t.Name)).ToArray())
                    : arrow.To.IsCountry
                        ? CountryListing.Of(rule[arrow.To].Names, model.Jurisdiction).Select(flow.Country).ToArray()
                        : rule[arrow.To].Names.Select(value => NodeKey(arrow.To, value)).ToArray();
                if (arrow.Via is { } via)
                {
                    // Through the values the rule names (purpose → recipient), or straight from the categories when it names none.
                    foreach (var target in targets)
                    {
                        if (rule[via].Any)
                        {
                            foreach (var group in Groups(rule.Categories)) flow.Edge("category:" + group, target, arrow.Word);
                        }
                        foreach (var value in rule[via].Names) flow.Edge(NodeKey(via, value), target, arrow.Word);
                    }
                    continue;
                }
                foreach (var group in Groups(rule.Categories))
                {
                    foreach (var target in targets) flow.Edge("category:" + group, target, arrow.Word);
                }
            }
        }
        return new DataFlow(flow._nodes, flow._edges);
    }

    private static string NodeKey(DecisionDimension dimension, string name) => dimension.Names is { } kind ? Syntax.Keywords.Of(kind) + ":" + name : "country:" + name;

    private string Country(string code)
    {
        Node("country:" + code, "c:countries", new LiteralPhrase(code));
        return "country:" + code;
    }

    private string UnstatedPlace()
    {
        Node("country:?", "c:countries", new WordPhrase("w:place-not-stated"));
        return "country:?";
    }

    private string AnyCountry()
    {
        Node("country:*", "c:countries", new WordPhrase("w:any-country"));
        return "country:*";
    }

    private void Node(string key, string column, Phrase text)
    {
        if (_ids.ContainsKey(key)) return;
        _ids.Add(key, _nodes.Count);
        _nodes.Add(new FlowNode(_nodes.Count, column, text));
    }

    private void Edge(string from, string to, string? word)
    {
        // A rule may name what the policy does not declare only if it did not compile; such edges are left out.
        if (!_ids.TryGetValue(from, out var a) || !_ids.TryGetValue(to, out var b)) return;
        if (_linked.Add((a, b))) _edges.Add(new FlowEdge(a, b, word));
    }
}
