using System;
using System.Globalization;
using System.Text;

namespace PolicyCompiler.Bench;

/// <summary>
/// A valid policy of a given number of statements, shaped like the real ones: a fixed vocabulary of a few
/// hundred declarations (a policy grows by its statements, not by its number of data categories), named groups
/// of each kind, then statements of every kind over hierarchical names, patterns, groups, exclusions and the
/// language's country groups (EEA, EU-ADEQUATE), each with a citation. Deterministic.
/// </summary>
public static class SyntheticPolicy
{
    public static string Create(int statements)
    {
        const int categories = 200;
        const int purposes = 20, recipients = 10, subjects = 4;
        var text = new StringBuilder(statements * 80);
        text.Append("policy synthetic {\n");
        text.Append("  title ka \"სინთეზური პოლიტიკა\" en \"Synthetic policy\"\n");
        text.Append("  controller \"შპს მაგალითი\" website \"example.ge\"\n  effective 2024-01-01\n  jurisdiction GE\n");
        for (var i = 0; i < subjects; i++) text.Append(Invariant($"  subject subject{i} ka \"სუბიექტი {i}\" en \"subject {i}\" cites §1.{i}\n"));
        for (var i = 0; i < categories; i++) text.Append(Invariant($"  category group{i % 25}.item{i} ka \"კატეგორია {i}\" en \"category {i}\" cites §5.{i % 7}.{i}\n"));
        for (var i = 0; i < purposes; i++) text.Append(Invariant($"  purpose purpose{i} ka \"მიზანი {i}\" en \"purpose {i}\" basis contract cites §4.{i}\n"));
        for (var i = 0; i < recipients; i++) text.Append(Invariant($"  recipient recipient{i} ka \"მიმღები {i}\" en \"recipient {i}\" kind processor cites §6.{i}\n"));
        text.Append("  condition law ka \"კანონი\" en \"law\" cites §3\n");
        // Named groups of every kind, used by a share of the statements below as real policies use them.
        text.Append("  group identifying categories group0.*, group1.*, group2.* except group1.item1 ka \"მაიდენტიფიცირებელი\" en \"identifying\" cites §5.0\n");
        text.Append("  group operations purposes purpose0, purpose1, purpose2 cites §4.0\n");
        text.Append("  group processors recipients recipient0, recipient1, recipient2 cites §6.0\n");
        text.Append("  group operating countries DE, FR, KZ cites §8.1\n");
        text.Append("  never process group24.* unless law cites §5.3\n");
        // Keeping data abroad is a transfer there (PC3007): the stores below keep data of US citizens in the US.
        text.Append("  transfer * to US basis consent cites §6.3\n");
        text.Append("  transfer * to EEA basis adequacy cites §6.3\n");

        var countries = new[] { "GE", "DE", "FR", "US", "RU", "KZ" };
        for (var i = 0; i < statements; i++)
        {
            var category = Invariant($"group{i % 24}.item{(i % 24) + (25 * ((i / 24) % 8))}");
            if (!Exists(category, categories)) category = Invariant($"group{i % 24}.*");
            // Every fifth statement of a kind uses the groups (the country groups are the language's own).
            var grouped = (i / 6) % 5 == 0;
            var line = (i % 6) switch
            {
                0 when grouped => Invariant($"  process identifying for operations, purpose{(i + 3) % purposes} cites §4.{i % purposes} \"მიზანი\""),
                0 => Invariant($"  process {category}, group{(i + 1) % 24}.* for purpose{i % purposes}, purpose{(i + 3) % purposes} cites §4.{i % purposes} \"მიზანი\""),
                1 when grouped => Invariant($"  share {category} with processors for operations on law cites §6.{i % recipients}"),
                1 => Invariant($"  share {category} with recipient{i % recipients} for purpose{i % purposes} on law cites §6.{i % recipients}"),
                2 when grouped => Invariant($"  collect identifying from subject{i % subjects} at registration cites §5.2.{i % 9}"),
                2 => Invariant($"  collect {category} from subject{i % subjects} at registration cites §5.2.{i % 9}"),
                3 when grouped => Invariant($"  store {category} of citizens KZ of users in operating in DE, FR cites §8.1 \"ტერიტორიაზე\""),
                3 => Invariant($"  store {category} of citizens {countries[i % 6]} in {countries[i % 6]} cites §8.1 \"ტერიტორიაზე\""),
                4 when grouped => Invariant($"  transfer {category} to EU-ADEQUATE, operating basis consent safeguard adequacy, standard-clauses cites §6.3"),
                4 => Invariant($"  transfer {category} to {countries[i % 6]}, {countries[(i + 1) % 6]} basis consent cites §6.3"),
                // One retention per category and purpose: the period is the same wherever both are (i % 10 follows i % 120).
                _ => Invariant($"  retain {category} for purpose{i % purposes} for {1 + (i % 10)} years after contract-end cites §8.4 // keep"),
            };
            text.Append(line).Append('\n');
        }
        text.Append("}\n");
        return text.ToString();
    }

    private static bool Exists(string category, int categories)
    {
        var item = int.Parse(category.Substring(category.IndexOf(".item", StringComparison.Ordinal) + 5), CultureInfo.InvariantCulture);
        return item < categories;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
