using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PolicyCompiler.Binding;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Docs;

/// <summary>Builds the <see cref="PolicyFacts"/> of a compiled policy: one table per kind of statement, in a fixed order.</summary>
public sealed partial class FactsBuilder
{
    private readonly CompilationResult _compilation;
    private readonly PolicyModel _model;
    private readonly Dictionary<(DeclarationKind, string), Term> _terms = new();
    private readonly List<FactTable> _tables = new();
    private readonly IReadOnlyList<Term> _categories;
    private readonly CategoryNames _categoryNames;
    private readonly RulesByCategory _rules;
    private int _facts;

    private FactsBuilder(CompilationResult compilation, PolicyModel model)
    {
        _compilation = compilation;
        _model = model;
        _categories = InOrder(model.Categories);
        _categoryNames = new CategoryNames(_categories);
        _rules = new RulesByCategory(model);
        // Names are unique within their kind; keyed by kind and name, since a channel and a purpose may share one.
        foreach (var term in model.Subjects.Concat(model.Categories).Concat(model.Purposes).Concat(model.Recipients)
                     .Concat(model.Trackers).Concat(model.Channels).Concat(model.Conditions).Concat(model.Events).Concat(model.Effects))
        {
            _terms[(term.Kind, term.Name)] = term;
        }
    }

    public static PolicyFacts Build(CompilationResult compilation)
    {
        if (compilation is null) throw new ArgumentNullException(nameof(compilation));
        var model = compilation.Model ?? throw new ArgumentException("the policy did not compile", nameof(compilation));
        var builder = new FactsBuilder(compilation, model);
        builder.AddTables();
        var legal = compilation.Legal?.Document.Text.Text;
        return new PolicyFacts(compilation, model, Sha256(compilation.Text.Text), legal is null ? null : Sha256(legal),
            builder._tables, DataFlowBuilder.Build(model, InOrder(model.Categories)))
        {
            Record = builder.ProcessingRecord(),
            ContentHash = Emit.GuardEmitter.ContentHash(compilation),
        };
    }

    private void AddTables()
    {
        var m = _model;
        // The header clauses that cite the text (title, effective date, jurisdiction) are facts like the others.
        var header = new List<(string Key, Phrase Value, EquatableArray<Citation> Citations)>();
        if (m.HeaderCitations.Title is { IsEmpty: false } title) header.Add(("c:title", new LabelsPhrase(m.Title, m.Id), title));
        if (m.HeaderCitations.Effective is { IsEmpty: false } effective) header.Add(("h:effective", new LiteralPhrase(m.Effective ?? string.Empty), effective));
        if (m.HeaderCitations.Jurisdiction is { IsEmpty: false } jurisdiction) header.Add(("h:jurisdiction", new LiteralPhrase(m.Jurisdiction ?? string.Empty), jurisdiction));
        if (header.Count > 0) Table("h:about", new[] { "c:clause", "c:value" }, header, h => Row(h.Citations, Cell(Line(new WordPhrase(h.Key))), Cell(Line(h.Value))));
        Table("h:controller", new[] { "c:controller", "c:contact" }, m.Controller is null ? Array.Empty<Controller>() : new[] { m.Controller },
            c => Row(c.Citations, Cell(Line(new LabelsPhrase(c.Name, string.Empty))), Cell(c.Details.Select(d => Line(new WordPhrase("contact:" + d.Kind), new LiteralPhrase(d.Value))))));
        var inventory = m.Verbs.Verbs.Where(v => v.Documentation.Inventory is not null).ToList();
        Table("h:inventory", inventory.Select(v => v.Documentation.Inventory!.Column).Prepend("c:category").Append("c:retention").ToArray(), InOrder(m.Categories), c => InventoryRow(c, inventory));
        // The kind column only where a purpose has one (direct marketing, profiling): most policies name none.
        var purposeKinds = m.Purposes.Any(p => !p.PurposeKinds.IsEmpty);
        Table("h:purposes", purposeKinds ? new[] { "c:purpose", "c:kind", "c:basis" } : new[] { "c:purpose", "c:basis" }, InOrder(m.Purposes),
            p => purposeKinds
                ? Row(p.Citations, TermCell(p), Cell(p.PurposeKinds.Select(k => Line(new WordPhrase("kind:" + k)))), Cell(p.Bases.Select(b => BasisLine(b, m.Jurisdiction))))
                : Row(p.Citations, TermCell(p), Cell(p.Bases.Select(b => BasisLine(b, m.Jurisdiction)))));
        Table("h:recipients", new[] { "c:recipient", "c:kind" }, InOrder(m.Recipients), t => Row(t.Citations, TermCell(t), KindCell(t)));
        // The purposes and the conditions have their columns where a statement names them.
        var retentionForPurposes = m.Retention.Any(r => !r.Purposes.IsEmpty);
        var retentionOnConditions = m.Retention.Any(r => !r.Conditions.IsEmpty);
        Table("h:retention", new[] { "c:categories" }.Concat(retentionForPurposes ? new[] { "c:purposes" } : Array.Empty<string>()).Append("c:period")
                .Concat(retentionOnConditions ? new[] { "c:conditions" } : Array.Empty<string>()).ToArray(), m.Retention,
            r => Row(r.Citations, new[] { Categories(r.Categories) }
                .Concat(retentionForPurposes ? new[] { r.Purposes.IsEmpty ? Cell(Line(new WordPhrase("w:any-purpose"))) : Terms(DeclarationKind.Purpose, r.Purposes) } : Array.Empty<FactCell>())
                .Append(Cell(Line(Period(r))))
                .Concat(retentionOnConditions ? new[] { Terms(DeclarationKind.Condition, r.Conditions) } : Array.Empty<FactCell>()).ToArray()));
        // The columns a right's newer clauses fill are there where a right uses them.
        var rightsRequire = m.Rights.Any(r => !r.Requires.IsEmpty);
        var rightsOnConditions = m.Rights.Any(r => !r.Conditions.IsEmpty);
        Table("h:rights", new[] { "c:right", "c:purposes", "c:channels", "c:within" }.Concat(rightsRequire ? new[] { "c:requires" } : Array.Empty<string>()).Append("c:consequence")
                .Concat(rightsOnConditions ? new[] { "c:conditions" } : Array.Empty<string>()).ToArray(), m.Rights,
            r => Row(r.Citations, new[] { Cell(Line(new WordPhrase("right:" + r.Right))), Terms(DeclarationKind.Purpose, r.Purposes), RightChannels(r), Cell(Timing(r)) }
                .Concat(rightsRequire ? new[] { Terms(DeclarationKind.Condition, r.Requires) } : Array.Empty<FactCell>())
                .Append(Terms(DeclarationKind.Effect, r.Consequences))
                .Concat(rightsOnConditions ? new[] { Terms(DeclarationKind.Condition, r.Conditions) } : Array.Empty<FactCell>()).ToArray()));
        Table("h:channels", new[] { "c:channel", "c:address" }, InOrder(m.Channels),
            t => Row(t.Citations, TermCell(t), Cell(t.Address is null ? null : Line(new LiteralPhrase(t.Address)))));
        // The consequence column only where a consent has one, so that the construct changed no other document.
        var consentConsequences = m.Consents.Any(c => !c.Consequences.IsEmpty);
        Table("h:consent", new[] { "c:topic", "c:purposes", "c:form", "c:withdraw" }.Concat(consentConsequences ? new[] { "c:consequence" } : Array.Empty<string>()).ToArray(), m.Consents,
            c => Row(c.Citations, new[] { Cell(Line(new NamePhrase(c.Topic))), Terms(DeclarationKind.Purpose, c.Purposes),
                Cell(c.Form is null ? null : Line(new WordPhrase("form:" + c.Form))), Terms(DeclarationKind.Channel, c.WithdrawChannels) }
                .Concat(consentConsequences ? new[] { Terms(DeclarationKind.Effect, c.Consequences) } : Array.Empty<FactCell>()).ToArray()));
        if (!m.Duties.IsEmpty)
        {
            // Only a policy that states duties has this table, so that adding the construct changed no other document.
            Table("h:duties", new[] { "c:duty", "c:by", "c:description" }, m.Duties, d => Row(d.Citations,
                Cell(Line(new WordPhrase("duty:" + d.Duty))),
                Cell(Line(d.By is null ? new WordPhrase("w:the-controller") : Term(DeclarationKind.Subject, d.By))),
                Cell(d.Labels.IsEmpty ? null : Line(new LabelsPhrase(d.Labels, string.Empty)))));
        }
        if (!m.Notes.IsEmpty)
        {
            // Only a policy with readings has this table, so that adding the construct changed no other document.
            Table("h:notes", new[] { "c:reading" }, m.Notes, n => Row(n.Citations, Cell(Line(new LabelsPhrase(n.Text, string.Empty)))));
        }
        Table("h:prohibitions", new[] { "c:never", "c:categories", "c:scope", "c:unless" }, m.Prohibitions,
            p => Row(p.Citations, Cell(Line(new WordPhrase("verb:" + p.Verb.Keyword))), Categories(p.Categories), Scope(p),
                Terms(DeclarationKind.Condition, p.Unless)));
        Table("h:amendments", new[] { "c:delay", "c:notify" }, m.Amendments,
            a => Row(a.Citations,
                Cell(Line(a.Within ? Join(new WordPhrase("w:at-the-latest"), Duration(a.Delay), new WordPhrase("w:after"), Term(DeclarationKind.Event, a.After)) : Join(Duration(a.Delay), new WordPhrase("w:after"), Term(DeclarationKind.Event, a.After)))),
                a.WithoutNotice ? Cell(Line(new WordPhrase("w:without-notice"))) : Terms(DeclarationKind.Channel, a.NotifyChannels)));
        if (m.Authority is { } authority)
        {
            Table("h:authority", new[] { "c:authority", "c:contact" }, new[] { authority },
                a => Row(a.Citations, Cell(Line(new LabelsPhrase(a.Name, string.Empty))), Cell(a.Details.Select(d => Line(new WordPhrase("contact:" + d.Kind), new LiteralPhrase(d.Value))))));
        }
        Table("h:subjects", new[] { "c:subject" }, InOrder(m.Subjects), t => Row(t.Citations, TermCell(t)));
        // A tracker's lifetime and vendor have their columns where a tracker states them.
        var lifetimes = m.Trackers.Any(t => t.Lifetime is not null);
        var vendors = m.Trackers.Any(t => t.Vendor is not null);
        Table("h:trackers", new[] { "c:tracker", "c:kind" }.Concat(lifetimes ? new[] { "c:lifetime" } : Array.Empty<string>()).Concat(vendors ? new[] { "c:vendor" } : Array.Empty<string>()).ToArray(),
            InOrder(m.Trackers), t => Row(t.Citations, new[] { TermCell(t), KindCell(t) }
                .Concat(lifetimes ? new[] { Cell(Lifetime(t.Lifetime)) } : Array.Empty<FactCell>())
                .Concat(vendors ? new[] { VendorCell(t) } : Array.Empty<FactCell>()).ToArray()));
        Table("h:conditions", new[] { "c:condition" }, InOrder(m.Conditions), t => Row(t.Citations, TermCell(t)));
        // Events and effects need no declaration; a policy that declares them gets their labels, here and in every cell.
        if (!m.Events.IsEmpty) Table("h:events", new[] { "c:event" }, InOrder(m.Events), t => Row(t.Citations, TermCell(t)));
        if (!m.Effects.IsEmpty) Table("h:effects", new[] { "c:effect" }, InOrder(m.Effects), t => Row(t.Citations, TermCell(t)));
        if (!m.Groups.IsEmpty)
        {
            // Only a policy that declares groups has this table, so that adding the construct changed no other document.
            Table("h:groups", new[] { "c:group", "c:members", "c:covers" }, m.Groups, g => Row(g.Citations,
                Cell(Line(new LabelsPhrase(g.Labels, g.Name), new NamePhrase(g.Name))),
                Cell(g.Except.IsEmpty
                    ? new[] { Line(new WordPhrase("group:" + Binding.GroupWords.Of(g.Kind)), Written(g.Members)) }
                    : new[] { Line(new WordPhrase("group:" + Binding.GroupWords.Of(g.Kind)), Written(g.Members)), Line(new WordPhrase("w:except"), Written(g.Except)) }),
                GroupNames(g)));
        }
        var adequacy = AdequacyReliedOn(m);
        if (adequacy.Count > 0)
        {
            // Only a policy that transfers on an adequacy decision has this table: what each decision covers, as
            // the data file gives it (six cover part of a country's law, the US only certified organisations).
            Table("h:adequacy", new[] { "c:country", "c:decision", "c:scope" }, adequacy, a => Row(a.Citations,
                Cell(Line(new LiteralPhrase(a.Decision.Country))),
                Cell(Line(new LiteralPhrase(a.Decision.Decision + " (" + a.Decision.Date + ")"))),
                Cell(Line(a.Decision.Scope is null ? new WordPhrase("w:whole-law") : new LiteralPhrase(a.Decision.Scope)))));
        }
        Table("h:informative", new[] { "c:reason" }, m.Informative,
            n => Row(n.Sections.Select(s => new Citation(s, null, n.Span)).ToEquatableArray(), Cell(Line(new LiteralPhrase(n.Reason)))), notes: true);
    }

    /// <summary>
    /// The adequacy decisions the policy's transfers rely on (<see cref="AdequacyTransfers"/>): for each country
    /// with a decision that such a transfer reaches, the decision and the statements relying on it, by country code.
    /// </summary>
    private static IReadOnlyList<(AdequacyDecision Decision, EquatableArray<Citation> Citations)> AdequacyReliedOn(PolicyModel model)
    {
        var relying = new SortedDictionary<string, List<Citation>>(StringComparer.Ordinal);
        foreach (var transfer in AdequacyTransfers.Of(model))
        {
            var destinations = transfer.ToAny ? (IEnumerable<string>)AdequacyDecisions.ByCountry.Keys : transfer.Abroad;
            foreach (var country in destinations.Where(c => AdequacyDecisions.Of(c) is not null))
            {
                if (!relying.TryGetValue(country, out var citations)) relying.Add(country, citations = new List<Citation>());
                citations.AddRange(transfer.Transfer.Citations.Where(c => !citations.Contains(c)));
            }
        }
        return relying.Select(r => (AdequacyDecisions.Of(r.Key)!, r.Value.ToEquatableArray())).ToList();
    }

    /// <summary>The table of a verb's permissions: its leading dimension, the categories, the other dimensions, its descriptive clauses, the conditions.</summary>
    private void VerbTable(DecisionVerb verb, string heading)
    {
        var documentation = verb.Documentation;
        var dimensions = verb.Dimensions
            .Where(d => !ReferenceEquals(d, documentation.Leading))
            .Where(d => !d.ColumnWhereNamed || _model.PermissionsOf(verb).Any(r => !r[d].Any))
            .ToList();
        var details = verb.Details?.DocumentColumns ?? Array.Empty<string>();
        var columns = new List<string>();
        if (documentation.Leading is { } leading) columns.Add(leading.DocumentColumn);
        columns.Add("c:categories");
        columns.AddRange(dimensions.Select(d => d.DocumentColumn));
        columns.AddRange(details);
        if (verb.TakesConditions) columns.Add("c:conditions");
        // The rule the jurisdiction implies is a row like the others, its border-crossing cell saying why.
        Table(heading, columns.ToArray(), _model.PermissionsOf(verb), rule =>
        {
            var cells = new List<FactCell>();
            if (documentation.Leading is { } first) cells.Add(rule[first].Examples ? Examples(DimensionCell(first, rule)) : DimensionCell(first, rule));
            cells.Add(rule.CategoriesAreExamples ? Examples(Categories(rule.Categories)) : Categories(rule.Categories));
            cells.AddRange(dimensions.Select(d => rule[d].Examples ? Examples(DimensionCell(d, rule)) : DimensionCell(d, rule)));
            if (rule.Details is not null && verb.Details is not null) cells.AddRange(verb.Details.DocumentCells(rule.Details).Select(p => Cell(p is null ? null : Line(p))));
            else cells.AddRange(details.Select(_ => Cell((FactLine?)null)));
            if (verb.TakesConditions) cells.Add(Terms(DeclarationKind.Condition, rule.Conditions));
            return Row(rule.Citations, cells.ToArray());
        });
    }

    /// <summary>A permission's values in one dimension: its word for "any", or the names (declared) or codes (countries).</summary>
    private FactCell DimensionCell(DecisionDimension dimension, Permission rule)
    {
        var values = rule[dimension];
        if (rule.WithinHomeArea && dimension.CrossesBorders) return Cell(new[] { Line(CountryLiterals(values.Names)), Line(new WordPhrase("w:within-jurisdiction")) });
        // A share a tracker implies says why: the vendor receives what the tracker collects.
        if (rule.ImpliedByTracker is { } tracker && dimension.Names == DeclarationKind.Recipient)
        {
            return Cell(new[] { Line(TermList(DeclarationKind.Recipient, values.Names)), Line(new WordPhrase("w:implied-by-tracker"), Term(DeclarationKind.Tracking, tracker)) });
        }
        if (values.Any) return Cell(dimension.AnyWord is null ? null : Line(new WordPhrase(dimension.AnyWord)));
        if (values.Unstated) return Cell(new[] { Line(new WordPhrase("w:unstated-place")), Line(CountryLiterals(values.Names)) });
        if (dimension.Names is { } kind) return Terms(kind, values.Names);
        if (dimension.Vocabulary is not null) return Cell(Line(Values(dimension, values.Names)));
        return Cell(Line(dimension.PrefixedInDocuments ? Join(new WordPhrase(dimension.DocumentWord), CountryLiterals(values.Names)) : CountryLiterals(values.Names)));
    }

    private Phrase Values(DecisionDimension dimension, EquatableArray<string> names) =>
        dimension.Vocabulary is { } words ? Words(words, names)
        : dimension.Names is { } kind ? TermList(kind, names) : CountryLiterals(names);

    /// <summary>The language's words a permission covers, in the language's order: "pseudonymised, anonymised, aggregated".</summary>
    private static Phrase Words(DimensionVocabulary words, EquatableArray<string> covered) =>
        new ListPhrase(words.Words.Where(w => covered.Contains(w, StringComparer.Ordinal)).Select(w => (Phrase)new WordPhrase(words.DocumentKey(w))).ToList());

    /// <summary>Codes of countries, the known groups among them by name (<see cref="CountryListing"/>).</summary>
    private Phrase CountryLiterals(EquatableArray<string> codes) => Literals(CountryListing.Of(codes, _model.Jurisdiction).ToEquatableArray());

    private Fact InventoryRow(Term category, IReadOnlyList<DecisionVerb> inventory)
    {
        var name = category.Name;
        var cells = new List<FactCell>();
        var label = category.IsSpecial
            ? Line(new TermPhrase(category, Defined: true), new NamePhrase(name), new WordPhrase("w:special"))
            : Line(new TermPhrase(category, Defined: true), new NamePhrase(name));
        cells.Add(Cell(label));
        foreach (var verb in inventory)
        {
            var column = verb.Documentation.Inventory!;
            var rules = _rules.Permissions(verb, name);
            cells.Add(column.View switch
            {
                InventoryView.Statements => Cell(rules.Select(StatementLine)),
                // Two rules may permit the same values on the same conditions (for different categories): one line.
                InventoryView.ValuesOnConditions => Cell(rules
                    .GroupBy(r => string.Join(",", r[column.Dimension!].Names) + ";" + string.Join(",", r.Conditions) + ";" + Qualifiers(r), StringComparer.Ordinal)
                    .Select(g => g.First())
                    .Select(r => ValuesOnConditions(r, column.Dimension!))),
                InventoryView.Values => Cell(rules.SelectMany(r => r[column.Dimension!].Names).Distinct(StringComparer.Ordinal)
                    .Select(value => Line(column.Dimension!.Names is { } kind ? Term(kind, value) : new LiteralPhrase(value)))),
                _ => throw new InvalidOperationException("no inventory view " + column.View),
            });
        }
        cells.Add(Cell(_rules.Retention(name).Select(RetentionLine)));
        // The statements of a verb with no table of its own (collection) are shown here only: the row cites them too,
        // so that every paragraph a statement cites is linked from a fact.
        var untabled = inventory.Where(v => v.Documentation.Table is null).SelectMany(v => _rules.Permissions(v, name)).SelectMany(r => r.Citations);
        return Row(category.Citations.Concat(untabled.Where(c => !category.Citations.Contains(c))).Distinct().ToEquatableArray(), cells.ToArray());
    }

    /// <summary>An inventory line of a permission: the values of one dimension, the forms of data it is limited to, the conditions.</summary>
    private FactLine ValuesOnConditions(Permission rule, DecisionDimension dimension)
    {
        var phrases = new List<Phrase> { Values(dimension, rule[dimension].Names) };
        foreach (var qualifier in rule.Verb.Dimensions.Where(d => d.Vocabulary is not null && !rule[d].Any))
        {
            phrases.Add(new WordPhrase(qualifier.DocumentWord));
            phrases.Add(Values(qualifier, rule[qualifier].Names));
        }
        if (!rule.Conditions.IsEmpty)
        {
            phrases.Add(new WordPhrase("w:on"));
            phrases.Add(TermList(DeclarationKind.Condition, rule.Conditions));
        }
        return new FactLine(phrases);
    }

    /// <summary>The forms of data a permission is limited to, as a key.</summary>
    private static string Qualifiers(Permission rule) =>
        string.Join("|", rule.Verb.Dimensions.Where(d => d.Vocabulary is not null).Select(d => rule[d].Any ? "*" : string.Join(",", rule[d].Names)));

    /// <summary>A permission as a line of the inventory: the dimensions it names and its descriptive clauses.</summary>
    private FactLine StatementLine(Permission rule)
    {
        var phrases = new List<Phrase>();
        for (var d = 0; d < rule.Verb.Dimensions.Count; d++)
        {
            var dimension = rule.Verb.Dimensions[d];
            var values = rule.Dimensions[d];
            if (values.Any || values.Names.IsEmpty) continue;
            phrases.Add(new WordPhrase(dimension.DocumentWord));
            phrases.Add(Values(dimension, values.Names));
        }
        if (rule.Details is not null && rule.Verb.Details is not null) phrases.AddRange(rule.Verb.Details.DocumentPhrases(rule.Details, TermList));
        // A category of a list the text gives as examples: the inventory's row says so.
        if (rule.CategoriesAreExamples) phrases.Add(new WordPhrase("w:as-example"));
        return new FactLine(phrases);
    }

    private FactCell Scope(Prohibition p)
    {
        var lines = new List<FactLine>();
        for (var d = 0; d < p.Verb.Dimensions.Count; d++)
        {
            var values = p.Dimensions[d];
            if (values.Any || values.Names.IsEmpty) continue;
            lines.Add(Line(new WordPhrase(p.Verb.Dimensions[d].DocumentWord), Values(p.Verb.Dimensions[d], values.Names)));
        }
        return Cell(lines);
    }

    /// <summary>An inventory line of a retention: its period, the purposes it is for and the conditions it holds on, where it names them.</summary>
    private FactLine RetentionLine(RetentionRule rule)
    {
        // The purposes first: they say which data the period is of.
        var phrases = new List<Phrase>();
        if (!rule.Purposes.IsEmpty)
        {
            phrases.Add(new WordPhrase("w:for"));
            phrases.Add(TermList(DeclarationKind.Purpose, rule.Purposes));
            phrases.Add(new LiteralPhrase("—"));
        }
        phrases.Add(Period(rule));
        if (!rule.Conditions.IsEmpty)
        {
            phrases.Add(new WordPhrase("w:on"));
            phrases.Add(TermList(DeclarationKind.Condition, rule.Conditions));
        }
        return new FactLine(phrases);
    }

    /// <summary>A retention's ends, joined by "or" and "whichever comes first/later", and what becomes of the data if it is not deleted.</summary>
    private Phrase Period(RetentionRule rule)
    {
        var phrases = new List<Phrase>();
        for (var i = 0; i < rule.Ends.Count; i++)
        {
            if (i > 0) phrases.Add(new WordPhrase("w:or"));
            phrases.Add(End(rule.Ends[i]));
        }
        if (rule.Whichever is not null) phrases.Add(new WordPhrase(rule.Whichever == RetentionWords.First ? "w:whichever-first" : "w:whichever-later"));
        if (rule.Then == RetentionWords.Anonymise) phrases.Add(new WordPhrase("w:then-anonymised"));
        return phrases.Count == 1 ? phrases[0] : Join(phrases.ToArray());
    }

    private Phrase End(RetentionEnd end)
    {
        if (end.Period is not null)
        {
            return end.After is null ? Duration(end.Period) : Join(Duration(end.Period), new WordPhrase("w:after"), Term(DeclarationKind.Event, end.After));
        }
        return Join(new WordPhrase("w:until"), Term(DeclarationKind.Event, end.Until ?? string.Empty));
    }

    /// <summary>A cell of a list the text gives as examples: "for example" before it.</summary>
    private static FactCell Examples(FactCell cell) =>
        cell.Lines.Count == 0 ? cell : new FactCell(cell.Lines.Select((l, i) => i == 0 ? new FactLine(l.Phrases.Prepend(new WordPhrase("w:for-example")).ToList()) : l).ToList());

    private static FactLine? Lifetime(TrackerLifetime? lifetime) =>
        lifetime is null ? null : lifetime.Period is { } period ? Line(Duration(period)) : Line(new ListPhrase(lifetime.Words.Select(w => (Phrase)new WordPhrase("lifetime:" + w)).ToList()));

    /// <summary>A tracker's vendor, and where it receives the data when the text says.</summary>
    private FactCell VendorCell(Term tracker) => tracker.Vendor is null ? Cell((FactLine?)null)
        : tracker.VendorCountries.IsEmpty ? Cell(Line(Term(DeclarationKind.Recipient, tracker.Vendor)))
        : Cell(Line(Term(DeclarationKind.Recipient, tracker.Vendor), new WordPhrase("w:in"), CountryLiterals(tracker.VendorCountries)));

    /// <summary>A right's channels: those tried first, then each fallback on a line of its own ("otherwise: …").</summary>
    private FactCell RightChannels(RightGrant right) => right.Channels.IsEmpty && right.Fallbacks.IsEmpty ? Cell((FactLine?)null)
        : Cell(right.Fallbacks.Select(f => Line(new WordPhrase("w:otherwise"), TermList(DeclarationKind.Channel, f))).Prepend(Line(TermList(DeclarationKind.Channel, right.Channels))));

    /// <summary>When a right is answered: "within 30 days", "at any time", or nothing said.</summary>
    private static FactLine? Timing(RightGrant right) =>
        right.AtAnyTime ? Line(new WordPhrase("w:at-any-time"))
        : right.Within is null ? null : Line(new WordPhrase("w:within"), Duration(right.Within));

    private static Phrase Duration(Duration duration) =>
        Join(new LiteralPhrase(duration.Amount.ToString(CultureInfo.InvariantCulture)), new WordPhrase("unit:" + duration.Unit));

    /// <summary>A legal basis and the articles of the laws that govern the policy and state it: "consent — GDPR Art. 6(1)(a)".</summary>
    private static FactLine BasisLine(string basis, string? jurisdiction)
    {
        var articles = LegalBases.Citations(basis, jurisdiction);
        return articles is null ? Line(new WordPhrase("basis:" + basis)) : Line(new WordPhrase("basis:" + basis), new LiteralPhrase("— " + articles));
    }

    private static Phrase Join(params Phrase[] phrases) => new SequencePhrase(phrases);

    /// <summary>Members of a group as the policy writes them (patterns, names, codes, other groups).</summary>
    private static Phrase Written(EquatableArray<string> members) => new ListPhrase(members.Select(m => (Phrase)new NamePhrase(m)).ToList());

    /// <summary>What a group stands for: the categories (compressed as elsewhere), the declared names with their labels, or the country codes.</summary>
    private FactCell GroupNames(NameGroup group) => Binding.GroupWords.KindOf(group.Kind) switch
    {
        DeclarationKind.Category => Categories(group.Names),
        { } kind => Terms(kind, group.Names),
        null => Cell(Line(Literals(group.Names))),
    };

    private FactCell Categories(EquatableArray<string> names) =>
        names.IsEmpty ? Cell(Line(new WordPhrase("w:any"))) : Cell(Line(new ListPhrase(_categoryNames.Compress(names).Select(n => (Phrase)new NamePhrase(n)).ToList())));

    private FactCell Terms(DeclarationKind kind, EquatableArray<string> names) => Cell(names.IsEmpty ? null : Line(TermList(kind, names)));

    private Phrase TermList(DeclarationKind kind, EquatableArray<string> names) => new ListPhrase(names.Select(n => Term(kind, n)).ToList());

    private Phrase Term(DeclarationKind kind, string name) =>
        _terms.TryGetValue((kind, name), out var term) ? new TermPhrase(term) : new NamePhrase(name);

    private static FactCell TermCell(Term term) => Cell(Line(new TermPhrase(term, Defined: true), new NamePhrase(term.Name)));

    private static FactCell KindCell(Term term) => Cell(term.KindWord is null ? null : Line(new WordPhrase("kind:" + term.KindWord)));

    private static Phrase Literals(EquatableArray<string> values) => new ListPhrase(values.Select(v => (Phrase)new LiteralPhrase(v)).ToList());

    /// <summary>Adds a table, then the tables of the verbs that follow it.</summary>
    private void Table<T>(string heading, string[] columns, IEnumerable<T> items, Func<T, Fact> row, bool notes = false)
    {
        _tables.Add(new FactTable(heading, columns, items.Select(row).ToList(), notes));
        foreach (var verb in _model.Verbs.Verbs)
        {
            if (verb.Documentation is { Table: { } table, Follows: { } follows } && follows == heading) VerbTable(verb, table);
        }
    }

    private Fact Row(EquatableArray<Citation> citations, params FactCell[] cells)
    {
        var document = _compilation.Legal?.Document;
        var located = citations.Select(c => new FactCitation(c, document is null ? null : CitedPassage.Locate(c, document))).ToList();
        return new Fact(++_facts, cells, located);
    }

    /// <summary>Terms as the policy declares them: the model keeps them sorted by name, the documents follow the legal text.</summary>
    private static IReadOnlyList<Term> InOrder(EquatableArray<Term> terms) => terms.OrderBy(t => t.Span.Start).ToList();

    private static FactLine Line(params Phrase[] phrases) => new(phrases);

    private static FactCell Cell(FactLine? line) => new(line is null ? Array.Empty<FactLine>() : new[] { line });

    private static FactCell Cell(IEnumerable<FactLine> lines) => new(lines.ToList());


    
    private static string Sha256(string text)
    {
        // Line endings are normalised so that a checkout with CRLF documents the same content.
        var bytes = Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"));
        using var sha = SHA256.Create();
        return Text.HashText.Hex(sha.ComputeHash(bytes));
    }

}
