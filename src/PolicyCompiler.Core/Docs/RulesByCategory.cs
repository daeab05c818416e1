using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

/// <summary>
/// The rules of a policy that name each category, in policy order: the data inventory asks this once per
/// category, and scanning every rule each time would cost categories × rules.
/// </summary>
internal sealed class RulesByCategory
{
    private readonly Dictionary<DecisionVerb, ILookup<string, Permission>> _permissions;
    private readonly ILookup<string, RetentionRule> _retention;

    public RulesByCategory(PolicyModel model)
    {
        _permissions = model.Verbs.Verbs.ToDictionary(v => v, v => Index(model.DisclosedPermissionsOf(v), r => r.Categories));
        _retention = Index(model.Retention, r => r.Categories);
    }

    public IEnumerable<Permission> Permissions(DecisionVerb verb, string category) => _permissions[verb][category];

    public IEnumerable<RetentionRule> Retention(string category) => _retention[category];

    private static ILookup<string, T> Index<T>(IEnumerable<T> rules, Func<T, EquatableArray<string>> categories) =>
        rules.SelectMany(rule => categories(rule).Distinct(StringComparer.Ordinal).Select(category => (category, rule)))
            .ToLookup(pair => pair.category, pair => pair.rule, StringComparer.Ordinal);
}
