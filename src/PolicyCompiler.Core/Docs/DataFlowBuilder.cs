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
        foreach (var purpose in model.Purposes) flow.Node("purpose:" + purpose.Name, "c:purposes", new TermPhrase(purpose));
        foreach (var recipient in model.Recipients) flow.Node("recipient:" + recipient.Name, "c:recipients", new TermPhrase(recipient));

        IEnumerable<string> Groups(IEnumerable<string> names) =>
            names.Select(n => groupOf.TryGetValue(n, out var g) ? g : CategoryNames.GroupOf(n)).Distinct(StringComparer.Ordinal);

        foreach (var rule in model.Processing)
        {
            foreach (var group in Groups(rule.Categories))
            {
                foreach (var purpose in rule.Purposes) flow.Edge("category:" + group, "purpose:" + purpose, null);
            }
        }
        foreach (var rule in model.Sharing)
        {
            foreach (var recipient in rule.Recipients)
            {
                if (rule.Purposes.IsEmpty)
                {
                    foreach (var group in Groups(rule.Categories)) flow.Edge("category:" + group, "recipient:" + recipient, null);
                }
                foreach (var purpose in rule.Purposes) flow.Edge("purpose:" + purpose, "recipient:" + recipient, null);
            }
        }
        foreach (var rule in model.Storage)
        {
            foreach (var group in Groups(rule.Categories))
            {
                foreach (var country in rule.Locations) flow.Edge("category:" + group, flow.Country(country), "w:stored");
            }
        }
        foreach (var rule in model.Transfers)
        {
            var destinations = rule.AnyCountry && rule.Countries.IsEmpty ? new[] { flow.AnyCountry() } : rule.Countries.Select(flow.Country).ToArray();
            foreach (var group in Groups(rule.Categories))
            {
                foreach (var destination in destinations) flow.Edge("category:" + group, destination, "w:transferred");
            }
        }
        return new DataFlow(flow._nodes, flow._edges);
    }

    private string Country(string code)
    {
        Node("country:" + code, "c:countries", new LiteralPhrase(code));
        return "country:" + code;
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
