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
    private readonly ILookup<string, CollectionRule> _collections;
    private readonly ILookup<string, ProcessingRule> _processing;
    private readonly ILookup<string, SharingRule> _sharing;
    private readonly ILookup<string, RetentionRule> _retention;

    public RulesByCategory(PolicyModel model)
    {
        _collections = Index(model.Collections, r => r.Categories);
        _processing = Index(model.Processing, r => r.Categories);
        _sharing = Index(model.Sharing, r => r.Categories);
        _retention = Index(model.Retention, r => r.Categories);
    }

    public IEnumerable<CollectionRule> Collections(string category) => _collections[category];

    public IEnumerable<ProcessingRule> Processing(string category) => _processing[category];

    public IEnumerable<SharingRule> Sharing(string category) => _sharing[category];

    public IEnumerable<RetentionRule> Retention(string category) => _retention[category];

    private static ILookup<string, T> Index<T>(EquatableArray<T> rules, Func<T, EquatableArray<string>> categories) =>
        rules.SelectMany(rule => categories(rule).Distinct(StringComparer.Ordinal).Select(category => (category, rule)))
            .ToLookup(pair => pair.category, pair => pair.rule, StringComparer.Ordinal);
}
