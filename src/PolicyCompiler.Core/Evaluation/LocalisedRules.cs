using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Evaluation;

/// <summary>
/// Which rules of a localised verb decide a question (see <see cref="Localisation"/>): those that govern it (the
/// person is within every scope they name) and that no other governing rule of the category is more specific
/// than. The evaluator decides by them and the nearest statements name only them; the guards' tables implement
/// the same rule independently.
/// </summary>
internal static class LocalisedRules
{
    public static bool Governs(Localisation localisation, Permission rule, Question question)
    {
        foreach (var scope in localisation.Scopes)
        {
            var values = rule[scope];
            if (!values.Any && !(question[scope] is { } value && SortedNames.Contains(values.Names, value))) return false;
        }
        return true;
    }

    /// <summary>The scope sets (<see cref="Localisation.Named"/>) of the rules that govern the question among <paramref name="rules"/>.</summary>
    public static HashSet<int> GoverningScopes(Localisation localisation, IEnumerable<Permission> rules, Question question) =>
        new(rules.Where(r => Governs(localisation, r, question)).Select(localisation.Named));

    /// <summary>Whether a rule naming the scope set <paramref name="named"/> is set aside by a governing rule that names all of them and more.</summary>
    public static bool SetAside(int named, HashSet<int> governing) => governing.Any(other => other != named && (other & named) == named);

    /// <summary>The rules among <paramref name="rules"/> (all of the question's category) that decide it.</summary>
    public static List<Permission> Deciding(Localisation localisation, IReadOnlyList<Permission> rules, Question question)
    {
        var governing = rules.Where(r => Governs(localisation, r, question)).ToList();
        var scopes = new HashSet<int>(governing.Select(localisation.Named));
        return governing.Where(r => !SetAside(localisation.Named(r), scopes)).ToList();
    }
}
