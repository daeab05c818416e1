using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Tests.Support;

/// <summary>
/// Every question worth asking of a policy: each category with each subject, purpose, recipient, country
/// it names (and one it does not), and citizenship, under no condition, each single condition, and all.
/// </summary>
internal static class DecisionSpace
{
    public static IEnumerable<Question> Of(PolicyModel model)
    {
        var none = EquatableArray<string>.Empty;
        var conditionSets = new List<EquatableArray<string>> { none };
        conditionSets.AddRange(model.Conditions.Select(c => new[] { c.Name }.ToEquatableArray()));
        if (model.Conditions.Count > 1) conditionSets.Add(model.Conditions.Select(c => c.Name).ToEquatableArray());
        var named = model.Transfers.SelectMany(t => t.Countries)
            .Concat(model.Storage.SelectMany(s => s.Citizenships.Concat(s.Locations)))
            .Concat(model.Prohibitions.SelectMany(p => p.Citizenships.Concat(p.Countries)))
            .Distinct().ToList();
        var countries = named.Append(new[] { "AQ", "BV" }.First(c => !named.Contains(c))).ToList();
        var purposes = model.Purposes.Select(p => (string?)p.Name).Prepend(null).ToList();

        foreach (var category in model.Categories.Select(c => c.Name))
        {
            foreach (var subject in model.Subjects) yield return new Question(Verb.Collect, category, subject.Name, null, null, null, null, none);
            foreach (var given in conditionSets)
            {
                foreach (var purpose in model.Purposes) yield return new Question(Verb.Process, category, null, purpose.Name, null, null, null, given);
                foreach (var recipient in model.Recipients)
                {
                    foreach (var purpose in purposes) yield return new Question(Verb.Share, category, null, purpose, recipient.Name, null, null, given);
                }
                foreach (var country in countries) yield return new Question(Verb.Transfer, category, null, null, null, null, country, given);
            }
            foreach (var citizenship in countries.Prepend(null))
            {
                foreach (var location in countries) yield return new Question(Verb.Store, category, null, null, null, citizenship, location, none);
            }
        }
    }
}
