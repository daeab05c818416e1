using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Model;

/// <summary>
/// One dimension of a decision besides the data category: whom data is collected from, what it is processed
/// for, whom it is shared with, where it goes or is kept. The words and names of a dimension are stated here
/// once; the parser, binder, evaluator, guards, printer, diff and documents read them from here.
/// </summary>
public sealed class DecisionDimension
{
    public DecisionDimension(
        string name, DeclarationKind? names, string word, string parameter, bool required,
        string? questionWord = null, bool acceptsAny = false, string? anyWord = null, bool prefixedInDocuments = false, bool crossesBorders = false,
        DimensionVocabulary? vocabulary = null, string? unstatedWord = null, bool columnWhereNamed = false, bool locatesPersons = false)
    {
        if (locatesPersons && (names is not null || vocabulary is not null)) throw new ArgumentException("only a dimension of countries says where people are", nameof(locatesPersons));
        LocatesPersons = locatesPersons;
        ColumnWhereNamed = columnWhereNamed;
        if (unstatedWord is not null && (names is not null || vocabulary is not null || !required || acceptsAny)) throw new ArgumentException("only a required dimension of countries has a word for places the text does not state", nameof(unstatedWord));
        UnstatedWord = unstatedWord;
        if (crossesBorders && (names is not null || vocabulary is not null)) throw new ArgumentException("only a dimension of countries crosses borders", nameof(crossesBorders));
        if (vocabulary is not null && (names is not null || required || acceptsAny)) throw new ArgumentException("a dimension of the language's words takes no declared names, is optional, and is not 'any'", nameof(vocabulary));
        Vocabulary = vocabulary;
        CrossesBorders = crossesBorders;
        AnyWord = anyWord;
        PrefixedInDocuments = prefixedInDocuments;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Names = names;
        Word = word ?? throw new ArgumentNullException(nameof(word));
        QuestionWord = questionWord ?? word;
        Parameter = parameter ?? throw new ArgumentNullException(nameof(parameter));
        Required = required;
        AcceptsAny = acceptsAny;
        Words = Word.Split(' ');
        QuestionWords = QuestionWord.Split(' ');
        if (Words.Count != QuestionWords.Count) throw new ArgumentException("a dimension's statement and question words must have the same number of parts", nameof(questionWord));
    }

    /// <summary>The dimension in the plural, as the forms show it: <c>subjects</c>, <c>purposes</c>, <c>locations</c>.</summary>
    public string Name { get; }

    /// <summary>The kind of declared name the dimension takes; null when it takes country codes or the language's words.</summary>
    public DeclarationKind? Names { get; }

    /// <summary>
    /// The words the dimension takes, where the language fixes them (the form of data); null otherwise. Such a
    /// dimension is optional: a permission that leaves it out covers every word, a question that leaves it out
    /// asks the first (<see cref="DimensionVocabulary.Default"/>), so it has no "not asked".
    /// </summary>
    public DimensionVocabulary? Vocabulary { get; }

    public bool IsCountry => Names is null && Vocabulary is null;

    /// <summary>Whether a question may leave the dimension unanswered ("not asked", "no country named"), which the guards pass as null or <c>Country.None</c>.</summary>
    public bool MayBeUnasked => !Required && Vocabulary is null;

    /// <summary>The clause word(s) in statements and prohibitions: <c>from</c>, <c>to</c>, <c>of citizens</c>.</summary>
    public string Word { get; }

    /// <summary>The clause word(s) in a test question, which asks about one value: <c>of citizen</c>.</summary>
    public string QuestionWord { get; }

    /// <summary>The parts of <see cref="Word"/>; the first starts the clause, the others follow it.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The parts of <see cref="QuestionWord"/>, accepted in statements and questions alike.</summary>
    public IReadOnlyList<string> QuestionWords { get; }

    /// <summary>
    /// Whether a permission and a question must give the dimension. An optional dimension that a permission
    /// leaves out covers every value; one that a question leaves out is "not asked" (a declared name) or "no
    /// country named" (a country).
    /// </summary>
    public bool Required { get; }

    /// <summary>
    /// Whether the dimension is where data goes across a border (a transfer's destination): a country of the
    /// policy's home area (<see cref="PolicyModel.HomeArea"/>) is no such destination, and a question of one is
    /// permitted by the jurisdiction itself, whatever the statements say.
    /// </summary>
    public bool CrossesBorders { get; }

    /// <summary>
    /// The word a permission may give instead of the countries where the legal text discloses the act but not the
    /// place (<c>store … in unstated</c>, SPAR §1.p5), or null. It stands for the jurisdiction's area: data kept
    /// elsewhere would cross a border the text does not disclose. The documents say that the text states no place.
    /// </summary>
    public string? UnstatedWord { get; }

    /// <summary>
    /// Whether the dimension's countries are where the people the data is about are (<c>of users in KZ</c>): a law
    /// that applies to people in its area (GDPR Art. 3(2)) applies to a policy with a rule for them.
    /// </summary>
    public bool LocatesPersons { get; }

    /// <summary>Whether a permission may write <c>any</c> instead of the list (<c>transfer … to any</c>).</summary>
    public bool AcceptsAny { get; }

    /// <summary>The parameter of the generated guards: <c>subject</c>, <c>destination</c>.</summary>
    public string Parameter { get; }

    /// <summary>The documents' column of the dimension: <c>c:purposes</c>.</summary>
    public string DocumentColumn => "c:" + Name;

    /// <summary>The documents' word before the dimension's values: <c>w:from</c>, <c>w:of-citizens</c>.</summary>
    public string DocumentWord => "w:" + Word.Replace(' ', '-');

    /// <summary>The documents' word for "any" in this dimension (<c>w:any-purpose</c>), where a permission may leave it open.</summary>
    public string? AnyWord { get; }

    /// <summary>
    /// Whether the documents give the dimension a column only where a permission names it: most policies limit no
    /// processing to a form of data, or no storage to users in a country, and an empty column would only say so.
    /// </summary>
    public bool ColumnWhereNamed { get; }

    /// <summary>Whether the documents' cell of the dimension repeats its word before the values ("citizens of: RU").</summary>
    public bool PrefixedInDocuments { get; }

    /// <summary>What the parser expects for one value, in its error messages.</summary>
    public string Expected(bool inPermission) =>
        Vocabulary is { } words ? "a " + words.Description + " (" + string.Join(", ", words.Words) + ")"
        : IsCountry ? (AcceptsAny && inPermission ? "a country code or 'any'" : UnstatedWord is { } unstated && inPermission ? "a country code or '" + unstated + "'" : "a country code") : Keywords.Of(Names!.Value) + " name";

    /// <summary>The dimension in a member's one-line form: <c>from &lt;subjects&gt;</c>, <c>to (any | CC, …)</c>, <c>[of citizens CC, …]</c>.</summary>
    public string Form()
    {
        var values = Vocabulary is { } words ? "(" + words.Listed() + ")" : IsCountry ? (AcceptsAny ? "(any | CC, …)" : UnstatedWord is { } unstated ? "(" + unstated + " | CC, …)" : "CC, …") : "<" + Name + ">";
        var clause = Word + " " + values;
        return Required ? clause : "[" + clause + "]";
    }

    public override string ToString() => Name;
}

/// <summary>
/// The localisation hook (storage). A permission is scoped by the values it names of each of <see cref="Scopes"/>
/// (citizens of RU; users in KZ): it governs a question whose person is within every scope it names. Of the
/// rules that govern a question, the most specific decide alone: a rule is set aside where another that governs
/// the question names every scope it names and more (a rule for KZ citizens in KZ before one for KZ citizens,
/// before one for everyone). A deciding rule that does not permit the place restricts. The guards also list, per
/// category and person (a value or none per scope), the values of <see cref="Decides"/> that are permitted
/// (<see cref="Guard"/>).
/// </summary>
public sealed class Localisation
{
    public Localisation(IReadOnlyList<DecisionDimension> scopes, DecisionDimension decides, string guard, string table, string summary, string? abroadIs = null)
    {
        AbroadIs = abroadIs;
        Table = table ?? throw new ArgumentNullException(nameof(table));
        Scopes = scopes?.ToArray() ?? throw new ArgumentNullException(nameof(scopes));
        Decides = decides ?? throw new ArgumentNullException(nameof(decides));
        Guard = guard ?? throw new ArgumentNullException(nameof(guard));
        Summary = summary ?? throw new ArgumentNullException(nameof(summary));
        // A rule's scopes are a bit mask (Named), and the guard tables keep a set of such masks in 64 bits.
        if (Scopes.Count == 0 || Scopes.Count > 6 || Scopes.Distinct().Count() != Scopes.Count) throw new ArgumentException("localisation has one to six distinct scopes", nameof(scopes));
        if (Scopes.Any(s => !s.IsCountry || s.Required) || !decides.IsCountry || !decides.Required) throw new ArgumentException("localisation is by optional country dimensions of a required one");
    }

    /// <summary>The dimensions that scope a rule to people: citizenship, the country the person is in.</summary>
    public IReadOnlyList<DecisionDimension> Scopes { get; }

    /// <summary>The scopes a permission names, as bits in the order of <see cref="Scopes"/>.</summary>
    public int Named(Permission permission)
    {
        var named = 0;
        for (var i = 0; i < Scopes.Count; i++)
        {
            if (!permission[Scopes[i]].Any) named |= 1 << i;
        }
        return named;
    }

    public DecisionDimension Decides { get; }

    /// <summary>The generated look-up of the permitted values: <c>RequiredStorage</c>.</summary>
    public string Guard { get; }

    /// <summary>The generated table behind it: <c>StorageLocations</c>.</summary>
    public string Table { get; }

    /// <summary>Its documentation.</summary>
    public string Summary { get; }

    /// <summary>
    /// The verb that keeping data at a place outside the jurisdiction's area also is, or null: storing data abroad
    /// is transferring it there (Eleven §2.12, §6.3), so such a permission must be one that verb's rules permit
    /// with the same conditions (PC3007). The verb's border-crossing dimension takes the place.
    /// </summary>
    public string? AbroadIs { get; }
}

/// <summary>How the data inventory of the documents shows a verb's permissions for one category.</summary>
public enum InventoryView
{
    /// <summary>Each permission as a line: its dimensions and descriptive clauses (how data is collected).</summary>
    Statements,

    /// <summary>The values of one dimension with the conditions they are permitted on, a line per distinct pair (purposes).</summary>
    ValuesOnConditions,

    /// <summary>The distinct values of one dimension (recipients).</summary>
    Values,
}

/// <summary>A column of the documents' data inventory.</summary>
public sealed record InventoryColumn(string Column, InventoryView View, DecisionDimension? Dimension = null);

/// <summary>
/// Arrows of the documents' data-flow chart: from each category group (or, where a permission names them,
/// from each value of <see cref="Via"/>) to each value of <see cref="To"/>, labelled <see cref="Word"/>. Arrows are
/// drawn in <see cref="Order"/>.
/// </summary>
public sealed record FlowArrows(DecisionDimension To, int Order, DecisionDimension? Via = null, string? Word = null);

/// <summary>
/// Where a verb's permissions appear in the documents: a table of their own (its heading, the table it follows,
/// a dimension shown before the categories), a column of the data inventory, arrows of the data flow.
/// </summary>
public sealed class VerbDocumentation
{
    /// <summary>The heading of the verb's table, or null when the inventory shows its permissions.</summary>
    public string? Table { get; init; }

    /// <summary>The heading of the table the verb's table follows.</summary>
    public string? Follows { get; init; }

    /// <summary>A dimension whose column comes before the categories.</summary>
    public DecisionDimension? Leading { get; init; }

    public InventoryColumn? Inventory { get; init; }

    public FlowArrows? Flow { get; init; }
}

/// <summary>
/// The tracker hook of a verb whose permissions collect through trackers (collection): a tracker with a vendor sends
/// what it collects to it, which is a permission of <see cref="SharedBy"/> with the vendor as its recipient; a vendor
/// that receives the data abroad makes it a question of <see cref="AbroadIs"/> there.
/// </summary>
public sealed class TrackerVendors
{
    public TrackerVendors(string sharedBy, string abroadIs)
    {
        SharedBy = sharedBy ?? throw new ArgumentNullException(nameof(sharedBy));
        AbroadIs = abroadIs ?? throw new ArgumentNullException(nameof(abroadIs));
    }

    /// <summary>The verb, with a dimension of recipients, by which a tracker's vendor receives the data.</summary>
    public string SharedBy { get; }

    /// <summary>The verb, with a border-crossing dimension, that data reaching a vendor abroad is a question of.</summary>
    public string AbroadIs { get; }
}

/// <summary>
/// What one decision verb means: its keyword, its dimensions in the order statements write them, whether
/// conditions apply, and its real special cases as named hooks. Every stage iterates over the verbs of a
/// <see cref="VerbSchema"/>; none switches on a verb. Equal by keyword.
/// </summary>
public sealed class DecisionVerb : IEquatable<DecisionVerb>
{
    public DecisionVerb(
        string keyword,
        IReadOnlyList<DecisionDimension> dimensions,
        bool takesConditions,
        string gerund,
        VerbDocumentation documentation,
        Localisation? localisation = null,
        StatementDetailsForm? details = null,
        TrackerVendors? trackerVendors = null)
    {
        TrackerVendors = trackerVendors;
        Documentation = documentation ?? throw new ArgumentNullException(nameof(documentation));
        Keyword = keyword ?? throw new ArgumentNullException(nameof(keyword));
        Dimensions = dimensions?.ToArray() ?? throw new ArgumentNullException(nameof(dimensions));
        TakesConditions = takesConditions;
        Gerund = gerund ?? throw new ArgumentNullException(nameof(gerund));
        Localisation = localisation;
        Details = details;
        if (Dimensions.Count > MaxDimensions) throw new ArgumentException("a verb has at most " + MaxDimensions.ToString(System.Globalization.CultureInfo.InvariantCulture) + " dimensions", nameof(dimensions));
        if (localisation is not null && !(Dimensions.Count == localisation.Scopes.Count + 1 && localisation.Scopes.All(Dimensions.Contains) && Dimensions.Contains(localisation.Decides)))
        {
            throw new ArgumentException("a localised verb has exactly the scoping dimensions and the decided one", nameof(localisation));
        }
        GuardName = char.ToUpperInvariant(keyword[0]) + keyword.Substring(1);
    }

    /// <summary>
    /// The most dimensions a verb has: a decision of the guards keeps its question's values in that many slots
    /// (the runtime's PolicyQuestion), so that asking allocates nothing. A localised verb has at most seven.
    /// </summary>
    public const int MaxDimensions = 8;

    /// <summary>The word statements, prohibitions and questions start with.</summary>
    public string Keyword { get; }

    /// <summary>The verb in the generated guards' names: <c>MayCollect</c>, <c>CheckCollect</c>, <c>EnsureCollect</c>.</summary>
    public string GuardName { get; }

    /// <summary>The dimensions besides the category, in the order statements and questions write them.</summary>
    public IReadOnlyList<DecisionDimension> Dimensions { get; }

    /// <summary>Whether permissions may hold <c>on</c> conditions (and questions and guards pass the conditions that hold).</summary>
    public bool TakesConditions { get; }

    /// <summary>The verb as the guards' documentation says it: "collecting data of the category from the subject".</summary>
    public string Gerund { get; }

    /// <summary>The tracker hook (collection), or null: see <see cref="Model.TrackerVendors"/>.</summary>
    public TrackerVendors? TrackerVendors { get; }

    /// <summary>The localisation hook (storage), or null: see <see cref="Model.Localisation"/>.</summary>
    public Localisation? Localisation { get; }

    /// <summary>Where the verb's permissions appear in the documents.</summary>
    public VerbDocumentation Documentation { get; }

    /// <summary>Descriptive clauses only this verb's permissions take (what a collection is, on what basis a transfer is made).</summary>
    internal StatementDetailsForm? Details { get; }

    public int IndexOf(DecisionDimension dimension)
    {
        for (var i = 0; i < Dimensions.Count; i++)
        {
            if (ReferenceEquals(Dimensions[i], dimension)) return i;
        }
        throw new ArgumentException("'" + dimension + "' is not a dimension of '" + Keyword + "'", nameof(dimension));
    }

    /// <summary>The one-line form of a permission, for help texts.</summary>
    public string Form() =>
        Keyword + " <categories>" + string.Concat(Dimensions.Select(d => " " + d.Form())) + (Details is null ? string.Empty : " " + Details.Form)
        + (TakesConditions ? " [on <conditions>]" : string.Empty) + " cites …";

    /// <summary>The one-line form of a question, as a test block asks it: <c>store &lt;category&gt; [of citizen CC] in CC</c>.</summary>
    public string QuestionForm() =>
        Keyword + " <category>" + string.Concat(Dimensions.Select(d =>
        {
            var clause = d.QuestionWord + " " + (d.Vocabulary is { } words ? "(" + words.Listed() + ")" : d.IsCountry ? "CC" : "<" + d.Parameter + ">");
            return " " + (d.Required ? clause : "[" + clause + "]");
        })) + (TakesConditions ? " [on …]" : string.Empty);

    public bool Equals(DecisionVerb? other) => other is not null && string.Equals(Keyword, other.Keyword, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DecisionVerb other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Keyword);

    public override string ToString() => Keyword;
}

/// <summary>
/// The decision verbs of the language. <see cref="Default"/> is the language's; a schema with another verb
/// (a test's) goes through every stage the same way.
/// </summary>
public sealed class VerbSchema : IEquatable<VerbSchema>
{
    private static readonly DecisionDimension Subjects = new("subjects", DeclarationKind.Subject, "from", "subject", required: true);
    private static readonly DecisionDimension Purposes = new("purposes", DeclarationKind.Purpose, "for", "purpose", required: true);
    private static readonly DecisionDimension SharingPurposes = new("purposes", DeclarationKind.Purpose, "for", "purpose", required: false, anyWord: "w:any-purpose");
    private static readonly DecisionDimension Recipients = new("recipients", DeclarationKind.Recipient, "with", "recipient", required: true);
    private static readonly DecisionDimension Destinations = new("destinations", null, "to", "destination", required: true, acceptsAny: true, anyWord: "w:any-country", crossesBorders: true);
    private static readonly DecisionDimension Citizenships = new("citizens", null, "of citizens", "citizenship", required: false, questionWord: "of citizen", anyWord: "w:anyone", prefixedInDocuments: true);
    // Where the person is, as the text scopes a rule to "users in Kazakhstan" (Eleven §8.1): not where they live
    // or what they are citizens of.
    private static readonly DecisionDimension UserCountries = new("users", null, "of users in", "userCountry", required: false, questionWord: "of user in", anyWord: "w:anywhere", prefixedInDocuments: true, columnWhereNamed: true, locatesPersons: true);
    private static readonly DecisionDimension Locations = new("locations", null, "in", "location", required: true, unstatedWord: "unstated");

    // One dimension object for both verbs, so that the documents and the guards treat it as one (GDPR recital
    // 26: processing and disclosure alike may be limited to data that no longer identifies the person).
    private static readonly DecisionDimension Forms = new("forms", null, "as", "assertedForm", required: false, vocabulary: DimensionVocabulary.DataForms, columnWhereNamed: true);

    public static VerbSchema Default { get; } = new(
        new DecisionVerb(
            "collect", new[] { Subjects }, takesConditions: true, "collecting data of the category from the subject",
            new VerbDocumentation { Inventory = new InventoryColumn("c:collection", InventoryView.Statements) },
            details: StatementDetailsForm.Collection,
            trackerVendors: new TrackerVendors(sharedBy: "share", abroadIs: "transfer")),
        new DecisionVerb(
            "process", new[] { Purposes, Forms }, takesConditions: true, "processing data of the category, in the form the caller asserts, for the purpose",
            new VerbDocumentation
            {
                Table = "h:processing", Follows = "h:purposes",
                Inventory = new InventoryColumn("c:purposes", InventoryView.ValuesOnConditions, Purposes),
                Flow = new FlowArrows(Purposes, Order: 0),
            }),
        new DecisionVerb(
            "share", new[] { Recipients, SharingPurposes, Forms }, takesConditions: true, "sharing data of the category, in the form the caller asserts, with the recipient (for the purpose, if given)",
            new VerbDocumentation
            {
                Table = "h:sharing", Follows = "h:recipients", Leading = Recipients,
                Inventory = new InventoryColumn("c:recipients", InventoryView.ValuesOnConditions, Recipients),
                Flow = new FlowArrows(Recipients, Order: 1, Via: SharingPurposes),
            }),
        new DecisionVerb(
            "transfer", new[] { Destinations }, takesConditions: true, "transferring data of the category to the country",
            new VerbDocumentation { Table = "h:transfers", Follows = "h:sharing", Flow = new FlowArrows(Destinations, Order: 3, Word: "w:transferred") },
            details: StatementDetailsForm.TransferBasis),
        new DecisionVerb(
            "store", new[] { Citizenships, UserCountries, Locations }, takesConditions: true, "storing data of the category (of a citizen of the given country, of a user in the given country, if any) in the location",
            new VerbDocumentation { Table = "h:storage", Follows = "h:transfers", Flow = new FlowArrows(Locations, Order: 2, Word: "w:stored") },
            localisation: new Localisation(new[] { Citizenships, UserCountries }, Locations, "RequiredStorage", "StorageLocations", "The countries, among those the storage statements name as places, where data of the category (of a citizen of the given country, of a user in the given country, if any) may be stored.",
                abroadIs: "transfer")));

    private readonly Dictionary<string, DecisionVerb> _byKeyword;

    public VerbSchema(params DecisionVerb[] verbs)
    {
        Verbs = verbs?.ToArray() ?? throw new ArgumentNullException(nameof(verbs));
        _byKeyword = Verbs.ToDictionary(v => v.Keyword, StringComparer.Ordinal);
        foreach (var verb in Verbs)
        {
            if (verb.Localisation?.AbroadIs is { } abroad && !(_byKeyword.TryGetValue(abroad, out var crossing) && crossing.Dimensions.Any(d => d.CrossesBorders)))
            {
                throw new ArgumentException("'" + verb.Keyword + "' keeps data abroad as '" + abroad + "', which is no verb of the schema with a border-crossing dimension", nameof(verbs));
            }
            if (verb.TrackerVendors is { } vendors)
            {
                if (!(_byKeyword.TryGetValue(vendors.SharedBy, out var sharing) && sharing.Dimensions.Count(d => d.Names == DeclarationKind.Recipient) == 1))
                {
                    throw new ArgumentException("'" + verb.Keyword + "' sends to trackers' vendors by '" + vendors.SharedBy + "', which is no verb of the schema with one dimension of recipients", nameof(verbs));
                }
                if (!(_byKeyword.TryGetValue(vendors.AbroadIs, out var border) && border.Dimensions.Any(d => d.CrossesBorders)))
                {
                    throw new ArgumentException("'" + verb.Keyword + "' sends to vendors abroad as '" + vendors.AbroadIs + "', which is no verb of the schema with a border-crossing dimension", nameof(verbs));
                }
            }
        }
    }

    /// <summary>The verbs in the order the language lists them (and the guards and documents follow).</summary>
    public IReadOnlyList<DecisionVerb> Verbs { get; }

    /// <summary>A schema with one more verb.</summary>
    public VerbSchema With(DecisionVerb verb) => new(Verbs.Append(verb).ToArray());

    public DecisionVerb? Find(string keyword) => _byKeyword.TryGetValue(keyword, out var verb) ? verb : null;

    public DecisionVerb this[string keyword] =>
        Find(keyword) ?? throw new ArgumentException("'" + keyword + "' is not a decision verb", nameof(keyword));

    /// <summary>The verbs as the parser names them where one is expected: "collect, process, share, transfer or store".</summary>
    public string Listed() =>
        Verbs.Count == 1 ? Verbs[0].Keyword : string.Join(", ", Verbs.Take(Verbs.Count - 1).Select(v => v.Keyword)) + " or " + Verbs[Verbs.Count - 1].Keyword;

    /// <summary>Every clause word of every dimension, each once, in the order the verbs first use them.</summary>
    public IReadOnlyList<string> DimensionWords() => Verbs.SelectMany(v => v.Dimensions).Select(d => d.Word).Distinct(StringComparer.Ordinal).ToList();

    public bool Equals(VerbSchema? other) => other is not null && Verbs.SequenceEqual(other.Verbs);

    public override bool Equals(object? obj) => obj is VerbSchema other && Equals(other);

    public override int GetHashCode() => Verbs.Aggregate(17, (hash, verb) => hash * 31 + verb.GetHashCode());

    /// <summary>The distinct declared kinds the verbs' dimensions take.</summary>
    public IReadOnlyList<DeclarationKind> DeclaredKinds() =>
        Verbs.SelectMany(v => v.Dimensions).Where(d => d.Names is not null).Select(d => d.Names!.Value).Distinct().ToList();
}
