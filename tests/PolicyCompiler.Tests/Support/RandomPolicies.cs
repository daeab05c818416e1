using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using FsCheck.Fluent;
using FsCheck;

namespace PolicyCompiler.Tests.Support;

/// <summary>
/// FsCheck generators of random valid policies: a few names of every kind (with hierarchy), a group of each
/// kind, and statements of every kind over them, with patterns (and <c>except</c>), groups, conditions, countries
/// and prohibitions. A generated policy may state a prohibition that overlaps a permission, a list whose
/// <c>except</c> leaves nothing, or a store abroad its transfers refuse (compile errors); <see cref="Valid"/> drops such statements.
/// </summary>
internal static class RandomPolicies
{
    private static readonly string[] CategoryPool = { "a.x", "a.y", "b.x", "b.y.z", "c", "d.e" };
    private static readonly string[] PurposePool = { "p1", "p2", "p3", "p4" };
    private static readonly string[] RecipientPool = { "r1", "r2", "r3" };
    private static readonly string[] SubjectPool = { "s1", "s2" };
    private static readonly string[] ConditionPool = { "c1", "c2", "c3" };
    private static readonly string[] CountryPool = { "GE", "DE", "RU", "KZ", "US" };

    private sealed record Vocabulary(string[] Categories, string[] Purposes, string[] Recipients, string[] Subjects, string[] Conditions)
    {
        /// <summary>The members of the groups <c>gc</c> (categories), <c>gp</c>, <c>gr</c> and <c>gk</c> (countries).</summary>
        public (string[] Categories, string[] Purposes, string[] Recipients, string[] Countries) Groups { get; init; }

        /// <summary>The policy's jurisdiction, or none: its home area (the country, or the EEA for DE) is permitted to transfers.</summary>
        public string? Jurisdiction { get; init; }
    }

    private static Gen<string[]> SomeOf(string[] pool, int minimum) =>
        Gen.SubListOf(pool).Select(l => l.ToArray()).Where(l => l.Length >= minimum);

    private static Gen<string> Patterns(Vocabulary v)
    {
        var patterns = v.Categories.Concat(v.Categories.Select(c => c.Split('.')[0] + ".*").Where(p => v.Categories.Any(c => c.StartsWith(p[..^1], System.StringComparison.Ordinal) && c != p[..^2])))
            .Concat(new[] { "*", "gc" }).Distinct().ToArray();
        var list = SomeOf(patterns, 1).Select(p => string.Join(", ", p.Take(3)));
        return Gen.Frequency(
            (3, list),
            (1, from included in list from excluded in SomeOf(patterns.Where(p => p != "*").ToArray(), 1) select included + " except " + string.Join(", ", excluded.Take(2))));
    }

    private static Gen<string> List(string[] names) => SomeOf(names, 1).Select(l => string.Join(", ", l));

    /// <summary>A list of names, or the group of them.</summary>
    private static Gen<string> ListOrGroup(string[] names, string group) => Gen.Frequency((3, List(names)), (1, Gen.Constant(group)));

    private static Gen<string> On(string[] conditions, string word) =>
        conditions.Length == 0 ? Gen.Constant(string.Empty) : Gen.SubListOf(conditions).Select(l => l.Count == 0 ? string.Empty : " " + word + " " + string.Join(", ", l));

    /// <summary>No form (most statements), or one or two forms of data the statement is limited to.</summary>
    private static readonly Gen<string> DataForm = Gen.Frequency(
        (3, Gen.Constant(string.Empty)),
        (2, Gen.Elements("identified", "pseudonymised", "anonymised", "aggregated").Select(f => " as " + f)),
        (1, Gen.Elements("pseudonymised, aggregated", "aggregated, anonymised").Select(f => " as " + f)));

    private static Gen<string> Statement(Vocabulary v)
    {
        var countries = ListOrGroup(CountryPool, "gk");
        // The known groups too; THIRD-COUNTRIES only where there is a jurisdiction for it to be relative to.
        var knownGroups = v.Jurisdiction is null ? new[] { "EU-ADEQUATE", "EEA" } : new[] { "EU-ADEQUATE", "EEA", "THIRD-COUNTRIES" };
        // A place the text does not state stands for the jurisdiction's area, so only where there is one.
        var places = v.Jurisdiction is null ? countries : Gen.Frequency((5, countries), (1, Gen.Constant("unstated")));
        var destinations = Gen.Frequency((1, Gen.Constant("any")), (4, countries), (1, Gen.Elements(knownGroups)));
        return Gen.OneOf(
            from c in Patterns(v) from s in List(v.Subjects)
            from source in Gen.Elements(string.Empty, string.Empty, " by " + v.Recipients[0], " origin publicly-accessible", " origin third-party")
            select $"collect {c} from {s}{source}",
            from c in Patterns(v) from p in ListOrGroup(v.Purposes, "gp") from f in DataForm from q in On(v.Conditions, "on") select $"process {c} for {p}{f}{q}",
            from c in Patterns(v) from r in ListOrGroup(v.Recipients, "gr") from p in Gen.OneOf(Gen.Constant(string.Empty), ListOrGroup(v.Purposes, "gp").Select(x => " for " + x)) from f in DataForm from q in On(v.Conditions, "on") select $"share {c} with {r}{p}{f}{q}",
            from c in Patterns(v) from to in destinations from basis in Gen.Elements("basis consent", "basis adequacy", "basis contract safeguard standard-clauses", "basis legal-claims safeguard binding-rules") from q in On(v.Conditions, "on") select $"transfer {c} to {to} {basis}{q}",
            from c in Patterns(v) from of in Gen.OneOf(Gen.Constant(string.Empty), countries.Select(x => " of citizens " + x))
            from users in Gen.OneOf(Gen.Constant(string.Empty), Gen.Constant(string.Empty), countries.Select(x => " of users in " + x))
            from at in places from q in On(v.Conditions, "on") select $"store {c}{of}{users} in {at}{q}",
            from c in Patterns(v) from verb in Gen.Elements("process", "share", "transfer", "store", "collect") from u in On(v.Conditions, "unless")
            from qualifier in verb switch
            {
                "process" => Gen.OneOf(Gen.Constant(string.Empty), List(v.Purposes).Select(x => " for " + x)),
                "share" => Gen.OneOf(Gen.Constant(string.Empty), List(v.Recipients).Select(x => " with " + x)),
                "transfer" => Gen.OneOf(Gen.Constant(string.Empty), countries.Select(x => " to " + x)),
                "store" => Gen.OneOf(Gen.Constant(string.Empty), countries.Select(x => " in " + x), countries.Select(x => " of users in " + x)),
                _ => Gen.OneOf(Gen.Constant(string.Empty), List(v.Subjects).Select(x => " from " + x)),
            }
            select $"never {verb} {c}{qualifier}{u}");
    }

    public static Gen<string> Policy { get; } =
        from categories in SomeOf(CategoryPool, 1)
        from purposes in SomeOf(PurposePool, 1)
        from recipients in SomeOf(RecipientPool, 1)
        from subjects in SomeOf(SubjectPool, 1)
        from conditions in SomeOf(ConditionPool, 0)
        from groupCategories in SomeOf(categories, 1)
        from groupPurposes in SomeOf(purposes, 1)
        from groupRecipients in SomeOf(recipients, 1)
        from groupCountries in SomeOf(CountryPool, 1)
        from jurisdiction in Gen.Elements<string?>(null, "GE", "DE", "RU")
        let v = new Vocabulary(categories, purposes, recipients, subjects, conditions) { Groups = (groupCategories, groupPurposes, groupRecipients, groupCountries), Jurisdiction = jurisdiction }
        from statements in Gen.ListOf(Statement(v), 10)
        select Render(v, statements);

    private static string Render(Vocabulary v, IEnumerable<string> statements)
    {
        var text = new StringBuilder("policy random {\n");
        if (v.Jurisdiction is { } jurisdiction) text.Append("  jurisdiction ").Append(jurisdiction).Append(" cites §1\n");
        foreach (var c in v.Categories) text.Append(CultureInfo.InvariantCulture, $"  category {c} ka \"კ\" en \"category {c}\" cites §1\n");
        foreach (var p in v.Purposes) text.Append(CultureInfo.InvariantCulture, $"  purpose {p} ka \"მ\" en \"purpose {p}\" basis consent cites §1\n");
        foreach (var r in v.Recipients) text.Append(CultureInfo.InvariantCulture, $"  recipient {r} ka \"მ\" en \"recipient {r}\" kind processor cites §1\n");
        foreach (var s in v.Subjects) text.Append(CultureInfo.InvariantCulture, $"  subject {s} ka \"ს\" en \"subject {s}\" cites §1\n");
        foreach (var c in v.Conditions) text.Append(CultureInfo.InvariantCulture, $"  condition {c} ka \"პ\" en \"condition {c}\" cites §1\n");
        text.Append("  group gc categories ").AppendJoin(", ", v.Groups.Categories).Append(" ka \"ჯ\" en \"group of categories\" cites §1\n");
        text.Append("  group gp purposes ").AppendJoin(", ", v.Groups.Purposes).Append('\n');
        text.Append("  group gr recipients ").AppendJoin(", ", v.Groups.Recipients).Append('\n');
        text.Append("  group gk countries ").AppendJoin(", ", v.Groups.Countries).Append('\n');
        foreach (var statement in statements) text.Append("  ").Append(statement).Append(" cites §2\n");
        return text.Append("}\n").ToString();
    }

    /// <summary>The policy without the prohibitions it contradicts, the statements whose list covers nothing and the stores abroad no transfer permits, so that it compiles.</summary>
    public static string Valid(string policy)
    {
        // Dropping a store abroad may give the policy its home area back, and with it permissions a prohibition
        // overlaps: drop until nothing more is dropped.
        while (true)
        {
            var valid = DropInvalid(policy);
            if (valid == policy) return valid;
            policy = valid;
        }
    }

    private static string DropInvalid(string policy)
    {
        var result = Compile.Text(policy);
        var overlapping = result.Diagnostics.Where(d => d.Code == "PC3001")
            .Select(d => int.Parse(d.Message.Split(" at line ")[2].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .Concat(result.Diagnostics.Where(d => d.Code is "PC1013" or "PC3007").Select(d => d.Span.Line))
            .ToHashSet();
        var lines = policy.Split('\n').Where((_, index) => !overlapping.Contains(index + 1));
        return string.Join("\n", lines);
    }
}
