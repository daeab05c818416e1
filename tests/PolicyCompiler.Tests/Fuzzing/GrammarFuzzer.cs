using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolicyCompiler.Tests.Fuzzing;

/// <summary>
/// Policies generated from the grammar (grammar/policy.ebnf): every member and expectation form, with names
/// drawn from a small pool that the policy mostly declares, so that most inputs parse and many bind and reach
/// the emitters. Strings are drawn from hostile text (markup, quotes, comment ends, bidi controls, escapes).
/// Syntactically valid by construction. Two in three policies are careful: every name declared, every word
/// from its vocabulary, countries real, durations in range, every statement cited, so that they usually
/// compile and reach the guards and documents (a prohibition may still contradict a permission). The others draw words,
/// countries, numbers and dates from edge values too, and may leave names undeclared.
/// </summary>
internal sealed class GrammarFuzzer(Random random)
{
    private static readonly string[] ValidCountries = { "GE", "DE", "RU", "KZ", "US", "FR", "CN" };
    private static readonly string[] LegalBases = { "consent", "contract", "legal-obligation", "legitimate-interests" };
    private static readonly string[] RecipientKinds = { "processor", "controller", "authority", "partner" };
    private static readonly string[] TrackingKinds = { "cookie", "pixel", "sdk" };
    private static readonly string[] TransferBases = { "consent", "adequacy", "standard-clauses", "law" };
    private static readonly string[] Rights = { "access", "erasure", "objection", "withdraw-consent", "portability" };
    private static readonly string[] Requirements = { "statutory", "contractual" };
    private static readonly string[] ConsentForms = { "electronic", "written", "checkbox" };
    private static readonly string[] ValidUnits = { "days", "weeks", "months", "years" };
    private bool _careful;

    private static readonly string[] Categories = { "contact.email", "contact.mobile", "identity", "identity.name", "special.health", "payment.card", "device.id", "a-b_c.d" };
    private static readonly string[] Purposes = { "marketing", "service", "order", "law", "support" };
    private static readonly string[] Recipients = { "processors", "authorities", "partners", "courier" };
    private static readonly string[] Subjects = { "customer", "visitor", "employee" };
    private static readonly string[] Conditions = { "lawful-request", "merger", "marketing-consent" };
    private static readonly string[] Events = { "purpose-fulfilled", "contract-end", "publication" };
    private static readonly string[] Effects = { "block-account", "end-contract" };
    private static readonly string[] Duties = { "security-measures", "need-to-know-access", "keep-data-current", "data-accuracy" };
    private static readonly string[] Channels = { "email", "account", "written-request" };
    private static readonly string[] Trackers = { "cookies", "pixel" };
    private static readonly string[] Countries = { "GE", "DE", "RU", "KZ", "US", "FR", "CN", "XX", "ge" };
    private static readonly string[] Words = { "consent", "contract", "law", "legitimate-interest", "processor", "controller", "pixel", "cookie", "electronic", "written", "access", "erasure", "objection", "withdraw-consent", "adequacy", "bogus" };
    private static readonly string[] Units = { "day", "days", "week", "weeks", "month", "months", "year", "years", "fortnights" };
    private static readonly string[] Sections = { "1", "1.1", "5.2.1", "8.1", "9.3.2", "10.2", "3", "4.3.6", "6.3", "99.99", "5#2", "1)" };

    private static readonly string[] Texts =
    {
        "მობილური ტელეფონის ნომერი", "email", "<script>alert(1)</script>", "a \\\"quoted\\\" word", "back\\\\slash", "line\\nbreak",
        "*/ /* -->", "</summary><b>", "&amp; &lt;", "]]>", "{0} {1}", "\\u202Ebidi", "\\u0000nul", "| pipe | ``` fence", "%s %n", "ა\\u10D0",
        "", " ", "www.example.ge", "@everyone :smile:", "\\ud800", "\\t\\r", "\\u2028\\u2029", "\\\\u0041", "[x](javascript:alert(1))", "#region",
    };

    public FuzzInput Next(string folder)
    {
        _careful = random.Next(3) > 0;
        var text = new StringBuilder();
        text.Append("policy ").Append(Pick("shop", "eleven", "p", "a-b", "spar_online", "x1")).Append(" {\n");
        if (Chance(2)) text.Append("  title ka ").Append(Str()).Append(" en ").Append(Str()).Append(Cites()).Append('\n');
        if (Chance(2)) text.Append("  controller ").Append(Str()).Append(" website ").Append(Str()).Append(" email ").Append(Str()).Append(Cites()).Append('\n');
        if (Chance(3)) text.Append("  effective ").Append(_careful ? "2021-11-22" : Pick("2021-11-22", "2021-02-30", "0000-00-00", "9999-12-31")).Append('\n');
        if (!_careful && Chance(3)) text.Append("  source ").Append(Pick("\"privacy-policy.ka.txt\"", "\"missing.txt\"", "\"../outside.txt\"", "\"\"", "\"/etc/passwd\"")).Append('\n');
        if (Chance(3)) text.Append("  jurisdiction ").Append(Country()).Append('\n');
        if (Chance(4)) text.Append("  supervisory-authority ").Append(Str()).Append(Opt(" website " + Str())).Append(Opt(" address " + Str())).Append(Cites()).Append('\n');

        Declare(text, "category", Categories, c => Chance(4) ? " special" : string.Empty);
        if (Chance(4)) text.Append("  laws ").Append(Pick("gdpr", "ge-pdp", "gdpr, ge-pdp", "gpdr")).Append('\n');
        Declare(text, "purpose", Purposes, _ => (Chance(4) ? " kind " + Pick("direct-marketing", "profiling", "direct-marketing, profiling") : string.Empty) + (Chance(2) ? " basis " + Word(LegalBases) : string.Empty));
        Declare(text, "recipient", Recipients, _ => Chance(2) ? " kind " + Word(RecipientKinds) : string.Empty);
        Declare(text, "subject", Subjects, _ => string.Empty);
        Declare(text, "condition", Conditions, _ => string.Empty);
        Declare(text, "channel", Channels, _ => Chance(2) ? " address " + Str() : string.Empty);
        Declare(text, "tracking", Trackers, _ => (Chance(2) ? " kind " + Word(TrackingKinds) : string.Empty)
            + Opt(" lifetime " + (Chance(2) ? Duration() : Pick("session", "persistent", "session, persistent")))
            + Opt(" vendor " + Pick(Recipients) + Opt(" in " + CountryList())));
        // Events and effects need no declaration: a policy declares them all, some (a misspelling's case) or none.
        if (Chance(2)) Declare(text, "event", Events, _ => string.Empty);
        if (Chance(2)) Declare(text, "effect", Effects, _ => string.Empty);

        var statements = random.Next(0, 25);
        for (var i = 0; i < statements; i++)
        {
            // An informative note has no citations: it names the sections it covers.
            var statement = Statement();
            text.Append("  ").Append(statement).Append(statement.StartsWith("informative", StringComparison.Ordinal) || statement.StartsWith("acknowledge", StringComparison.Ordinal) ? string.Empty : Cites()).Append(Chance(8) ? " // note" : string.Empty).Append('\n');
        }
        text.Append("}\n");

        for (var t = random.Next(0, 3); t > 0; t--)
        {
            text.Append("test ").Append(Str()).Append(" {\n");
            for (var e = random.Next(0, 5); e > 0; e--) text.Append("  ").Append(Chance(3) ? Expect() : Pick("allow", "deny") + " " + Question()).Append('\n');
            text.Append("}\n");
        }
        return new FuzzInput(folder, Encoding.UTF8.GetBytes(text.ToString()), "grammar");
    }

    private void Declare(StringBuilder text, string keyword, string[] pool, Func<string, string> extra)
    {
        foreach (var name in pool.Where(_ => _careful || random.Next(5) > 0))
        {
            text.Append("  ").Append(keyword).Append(' ').Append(name).Append(" ka ").Append(Str()).Append(" en ").Append(Str()).Append(extra(name)).Append(Cites()).Append('\n');
        }
    }

    private string RetentionEnd() => Chance(2) ? $"for {Duration()}{Opt(" after " + Pick(Events))}" : "until " + Pick(Events);

    private string Statement() => random.Next(14) switch
    {
        0 => $"collect {Patterns()} from {List(Subjects)}{Opt(" at registration")}{Opt(" automatically")}{Opt(" via " + List(Trackers))}{Opt(Provision())}{Opt(" on " + List(Conditions))}",
        1 => $"process {Opt("such-as ")}{Patterns()} for {List(Purposes)}{Opt(" on " + List(Conditions))}",
        2 => $"share {Patterns()} with {Opt("such-as ")}{List(Recipients)}{Opt(" for " + List(Purposes))}{Opt(" on " + List(Conditions))}",
        3 => $"transfer {Patterns()} to {(Chance(2) ? "any" : CountryList())} basis {Word(TransferBases)}{Opt(" on " + List(Conditions))}",
        4 => $"store {Patterns()}{Opt(" of " + Pick("citizens", "citizen") + " " + CountryList())}{Opt(" of " + Pick("users", "user") + " in " + CountryList())} in {CountryList()}",
        5 => $"never {Prohibited()}{Opt(" unless " + List(Conditions))}",
        6 => $"retain {Patterns()}{Opt(" for " + List(Purposes))} {RetentionEnd()}"
            + (Chance(3) ? $" or {RetentionEnd()} whichever {Pick("first", "later")}" : string.Empty)
            + Opt(" then " + Pick("delete", "anonymise")) + Opt(" on " + List(Conditions)),
        7 => $"right {Word(Rights)}{Opt(" for " + List(Purposes))}{Opt(" via " + List(Channels) + Opt(" else " + List(Channels)))}{(Chance(4) ? " at-any-time" : Opt(" within " + Duration()))}"
            + $"{Opt(" requires " + List(Conditions))}{Opt(" consequence " + List(Effects))}{Opt(" on " + List(Conditions))}",
        8 => $"consent {Pick(Purposes)}{Opt(" for " + List(Purposes))}{Opt(" given " + Word(ConsentForms))}{Opt(" withdraw via " + List(Channels))}{Opt(" consequence " + List(Effects))}",
        9 => $"amendments take-effect {Opt("within ")}{Duration()} after publication{(Chance(3) ? " without-notice" : Opt(" notify via " + List(Channels)))}",
        10 => Chance(3) ? $"duty {Word(Duties)}{Opt(" by " + Pick(Subjects))}{Opt(" ka " + Str() + " en " + Str())}" : $"informative §{Pick(Sections)}{Opt(", §" + Pick(Sections))} {Str()}",
        11 => Chance(3) ? $"acknowledge {Pick("gdpr:dpo", "dpo", "ge-pdp:right:portability", "gdpr:nothing")}{Opt(", retention")} {Str()}" : $"process {Patterns()} for {List(Purposes)}",
        12 => Chance(4) ? $"note {Str()}" : $"share * with {List(Recipients)}",
        _ => $"transfer * to any basis {Word(TransferBases)}",
    };

    /// <summary>An expect line: a retain, right, consent or duty statement as the policy would write it, without citations.</summary>
    private string Expect() => "expect " + Opt("no ") + random.Next(4) switch
    {
        0 => $"retain {Pick(Categories)}{Opt(" for " + List(Purposes))} {RetentionEnd()}{Opt(" on " + List(Conditions))}",
        1 => $"right {Word(Rights)}{Opt(" for " + List(Purposes))}{Opt(" via " + List(Channels) + Opt(" else " + List(Channels)))}{(Chance(4) ? " at-any-time" : Opt(" within " + Duration()))}{Opt(" consequence " + List(Effects))}{Opt(" on " + List(Conditions))}",
        2 => $"consent {Pick(Purposes)}{Opt(" for " + List(Purposes))}{Opt(" given " + Word(ConsentForms))}{Opt(" withdraw via " + List(Channels))}",
        _ => $"duty {Word(Duties)}{Opt(" by " + Pick(Subjects))}",
    };

    private string Prohibited() => random.Next(5) switch
    {
        0 => $"collect {Patterns()}{Opt(" from " + List(Subjects))}",
        1 => $"process {Patterns()}{Opt(" for " + List(Purposes))}",
        2 => $"share {Patterns()}{Opt(" with " + List(Recipients))}{Opt(" for " + List(Purposes))}",
        3 => $"transfer {Patterns()}{Opt(" to " + List(Countries))}",
        _ => $"store {Patterns()}{Opt(" of citizens " + List(Countries))}{Opt(" of users in " + List(Countries))}{Opt(" in " + List(Countries))}",
    };

    private string Question() => random.Next(5) switch
    {
        0 => $"collect {Pick(Categories)} from {Pick(Subjects)}",
        1 => $"process {Pick(Categories)} for {Pick(Purposes)}{Opt(" on " + List(Conditions))}",
        2 => $"share {Pick(Categories)} with {Pick(Recipients)}{Opt(" for " + Pick(Purposes))}{Opt(" on " + List(Conditions))}",
        3 => $"transfer {Pick(Categories)} to {Pick(Countries)}{Opt(" on " + List(Conditions))}",
        _ => $"store {Pick(Categories)}{Opt(" of citizen " + Pick(Countries))} in {Pick(Countries)}",
    };

    private string Provision() => Chance(2) ? " required " + Word(Requirements) + Opt(" consequence no-service") : " optional";

    private string Duration() => _careful
        ? random.Next(1, 100).ToString(CultureInfo.InvariantCulture) + " " + Pick(ValidUnits)
        : Pick("0", "1", "10", "100000", "100001", "2147483648", "99999999999999999999") + " " + Pick(Units);

    /// <summary>A word of the vocabulary, or (when not careful) sometimes any word.</summary>
    private string Word(string[] vocabulary) => _careful || Chance(2) ? Pick(vocabulary) : Pick(Words);

    private string Country() => _careful ? Pick(ValidCountries) : Pick(Countries);

    private string CountryList() => _careful ? List(ValidCountries) : List(Countries);

    private string Cites() => random.Next(_careful ? 1 : 0, 6) switch
    {
        0 => string.Empty,
        1 => " cites " + Str(),
        _ => " cites " + string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => "§" + Pick(Sections) + Opt(" " + Str()))),
    };

    private string Patterns()
    {
        var patterns = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(6) switch
        {
            0 => "*",
            1 => Pick(Categories).Split('.')[0] + ".*",
            _ => Pick(Categories),
        });
        return string.Join(", ", _careful ? patterns.Distinct() : patterns);
    }

    private string List(string[] pool)
    {
        var names = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(pool));
        return string.Join(", ", _careful ? names.Distinct() : names);
    }

    private string Str() => "\"" + Pick(Texts) + "\"";

    private string Opt(string text) => Chance(2) ? text : string.Empty;

    private bool Chance(int oneIn) => random.Next(oneIn) == 0;

    private string Pick(params string[] pool) => pool[random.Next(pool.Length)];
}
