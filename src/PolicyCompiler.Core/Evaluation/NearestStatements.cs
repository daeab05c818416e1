using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Evaluation;

/// <summary>A statement that would have permitted the question but for <see cref="Missing"/>: each thing it lacks, in words.</summary>
public sealed record NearMiss(Permission Statement, EquatableArray<string> Missing);

/// <summary>
/// For a question no statement permits, the statements of its verb that come closest, and what each lacks: a
/// purpose, a recipient, a country, a form of data, a condition the question does not give. A reviewer reading
/// "no statement permits it" wants to know whether the policy is silent or the code asked slightly wrong.
/// </summary>
public static class NearestStatements
{
    /// <summary>How many near misses an explanation shows.</summary>
    public const int Most = 3;

    /// <summary>How many of a statement's values a reason lists before it counts the rest.</summary>
    private const int ListedValues = 8;

    // What a statement lacks weighs by how far it is from the question: another category is another subject
    // of the notice altogether, another purpose or recipient is a different use of the same data, and a missing
    // condition is what the caller can still establish.
    private const int CategoryWeight = 4;
    private const int DimensionWeight = 2;
    private const int ConditionWeight = 1;

    /// <summary>A statement lacking more than this many things is not near; one lacking more than the nearest is not named beside it.</summary>
    private const int MostLacking = 2;

    /// <summary>
    /// At most <see cref="Most"/> stated permissions of the question's verb, nearest first (then by line); empty
    /// when none is near. A statement is named when it lacks at most two things (the category, a clause, its
    /// conditions) and no other lacks fewer. Three kinds are never named, as they would read as "nearly
    /// permitted" where the policy says nothing of the kind: a storage rule for other people (other citizens,
    /// users elsewhere: it decides only for them), a storage rule set aside for the question's person by a more
    /// specific one for its category (that alone decides), and, for a special category, a statement about another
    /// category.
    /// </summary>
    public static IReadOnlyList<NearMiss> Of(PolicyModel model, Question question)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        if (question is null) throw new ArgumentNullException(nameof(question));
        var conditions = new HashSet<string>(question.Conditions, StringComparer.Ordinal);
        var special = model.Categories.Any(c => c.IsSpecial && c.Name == question.Category);
        var stated = model.StatedPermissionsOf(question.Verb).ToList();
        var localisation = question.Verb.Localisation;
        var governing = localisation is null ? null
            : LocalisedRules.GoverningScopes(localisation, stated.Where(p => SortedNames.Contains(p.Categories, question.Category)), question);
        var near = stated
            .Where(permission => localisation is null || Decides(localisation, permission, question, governing!))
            .Where(permission => !special || SortedNames.Contains(permission.Categories, question.Category))
            .Select(permission => Miss(permission, question, conditions))
            .Where(m => m.Miss.Missing.Count > 0 && m.Miss.Missing.Count <= MostLacking)
            .ToList();
        var fewest = near.Count == 0 ? 0 : near.Min(m => m.Miss.Missing.Count);
        return near
            .Where(m => m.Miss.Missing.Count == fewest)
            .OrderBy(m => m.Distance).ThenBy(m => m.Miss.Statement.Span.Start)
            .Take(Most)
            .Select(m => m.Miss)
            .ToList();
    }

    /// <summary>
    /// Whether a rule of a localised verb is one that would decide the question: it governs the person, and no
    /// rule of the question's category that governs them is more specific (see <see cref="Localisation"/>).
    /// </summary>
    private static bool Decides(Localisation localisation, Permission permission, Question question, HashSet<int> governing) =>
        LocalisedRules.Governs(localisation, permission, question) && !LocalisedRules.SetAside(localisation.Named(permission), governing);

    /// <summary>What a statement lacks for the question, and how far that puts it (the weights above).</summary>
    private static (NearMiss Miss, int Distance) Miss(Permission permission, Question question, HashSet<string> conditions)
    {
        var missing = new List<string>();
        var distance = 0;
        if (!SortedNames.Contains(permission.Categories, question.Category))
        {
            distance += CategoryWeight;
            missing.Add("its categories: " + Listed(permission.Categories) + " — not " + question.Category);
        }
        foreach (var dimension in question.Verb.Dimensions)
        {
            var asked = question[dimension];
            if (Evaluator.PermissionCovers(dimension, permission[dimension], asked)) continue;
            distance += DimensionWeight;
            missing.Add(Lacking(dimension, permission[dimension].Names, asked));
        }
        var absent = permission.Conditions.Where(c => !conditions.Contains(c)).ToList();
        if (absent.Count > 0)
        {
            distance += ConditionWeight;
            missing.Add("it holds only on " + string.Join(" and ", absent) + (absent.Count == 1 ? ", which is not given" : ", which are not given"));
        }
        return (new NearMiss(permission, missing.ToEquatableArray()), distance);
    }

    private static string Lacking(DecisionDimension dimension, EquatableArray<string> names, string? asked)
    {
        if (dimension.Vocabulary is { } words)
        {
            return "it permits only data that is " + string.Join(" or ", names.OrderBy(words.IndexOf)) + ", and the question asks about " + (asked ?? words.Default) + " data";
        }
        return "its " + dimension.Name + ": " + Listed(names) + (asked is null ? " — the question names none" : " — not " + asked);
    }

    private static string Listed(EquatableArray<string> names) => string.Join(", ", CappedList.Of(names, ListedValues));
}
