using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Docs;

/// <summary>Builds the <see cref="PolicyFacts"/> of a compiled policy: one table per kind of statement, in a fixed order.</summary>
public sealed class FactsBuilder
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
                     .Concat(model.Trackers).Concat(model.Channels).Concat(model.Conditions))
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
            builder._tables, DataFlowBuilder.Build(model, InOrder(model.Categories)));
    }

    private void AddTables()
    {
        var m = _model;
        Table("h:controller", new[] { "c:controller", "c:contact" }, m.Controller is null ? Array.Empty<Controller>() : new[] { m.Controller },
            c => Row(c.Citations, Cell(Line(new LabelsPhrase(c.Name, string.Empty))), Cell(c.Details.Select(d => Line(new WordPhrase("contact:" + d.Kind), new LiteralPhrase(d.Value))))));
        Table("h:inventory", new[] { "c:category", "c:collection", "c:purposes", "c:recipients", "c:retention" }, InOrder(m.Categories), InventoryRow);
        Table("h:purposes", new[] { "c:purpose", "c:basis" }, InOrder(m.Purposes),
            p => Row(p.Citations, TermCell(p), Cell(p.Basis is null ? null : Line(new WordPhrase("basis:" + p.Basis)))));
        Table("h:processing", new[] { "c:categories", "c:purposes", "c:conditions" }, m.Processing,
            r => Row(r.Citations, Categories(r.Categories), Terms(DeclarationKind.Purpose, r.Purposes), Terms(DeclarationKind.Condition, r.Conditions)));
        Table("h:recipients", new[] { "c:recipient", "c:kind" }, InOrder(m.Recipients), t => Row(t.Citations, TermCell(t), KindCell(t)));
        Table("h:sharing", new[] { "c:recipients", "c:categories", "c:purposes", "c:conditions" }, m.Sharing,
            r => Row(r.Citations, Terms(DeclarationKind.Recipient, r.Recipients), Categories(r.Categories),
                r.Purposes.IsEmpty ? Cell(Line(new WordPhrase("w:any-purpose"))) : Terms(DeclarationKind.Purpose, r.Purposes), Terms(DeclarationKind.Condition, r.Conditions)));
        Table("h:transfers", new[] { "c:categories", "c:destinations", "c:basis", "c:conditions" }, m.Transfers,
            r => Row(r.Citations, Categories(r.Categories),
                Cell(Line(r.AnyCountry && r.Countries.IsEmpty ? new WordPhrase("w:any-country") : Literals(r.Countries))),
                Cell(Line(new WordPhrase("basis:" + r.Basis))), Terms(DeclarationKind.Condition, r.Conditions)));
        Table("h:storage", new[] { "c:categories", "c:citizens", "c:locations" }, m.Storage,
            r => Row(r.Citations, Categories(r.Categories),
                Cell(Line(r.Citizenships.IsEmpty ? new WordPhrase("w:anyone") : Join(new WordPhrase("w:of-citizens"), Literals(r.Citizenships)))),
                Cell(Line(Literals(r.Locations)))));
        Table("h:retention", new[] { "c:categories", "c:period" }, m.Retention, r => Row(r.Citations, Categories(r.Categories), Cell(Line(Period(r)))));
        Table("h:rights", new[] { "c:right", "c:purposes", "c:channels", "c:within", "c:consequence" }, m.Rights,
            r => Row(r.Citations, Cell(Line(new WordPhrase("right:" + r.Right))), Terms(DeclarationKind.Purpose, r.Purposes), Terms(DeclarationKind.Channel, r.Channels),
                Cell(r.Within is null ? null : Line(Duration(r.Within))), Cell(r.Consequence is null ? null : Line(new NamePhrase(r.Consequence)))));
        Table("h:channels", new[] { "c:channel", "c:address" }, InOrder(m.Channels),
            t => Row(t.Citations, TermCell(t), Cell(t.Address is null ? null : Line(new LiteralPhrase(t.Address)))));
        Table("h:consent", new[] { "c:topic", "c:purposes", "c:form", "c:withdraw" }, m.Consents,
            c => Row(c.Citations, Cell(Line(new NamePhrase(c.Topic))), Terms(DeclarationKind.Purpose, c.Purposes),
                Cell(c.Form is null ? null : Line(new WordPhrase("form:" + c.Form))), Terms(DeclarationKind.Channel, c.WithdrawChannels)));
        Table("h:prohibitions", new[] { "c:never", "c:categories", "c:scope", "c:unless" }, m.Prohibitions,
            p => Row(p.Citations, Cell(Line(new WordPhrase("verb:" + p.Verb.ToString().ToLowerInvariant()))), Categories(p.Categories), Scope(p),
                Terms(DeclarationKind.Condition, p.Unless)));
        Table("h:amendments", new[] { "c:delay", "c:notify" }, m.Amendments,
            a => Row(a.Citations, Cell(Line(Join(Duration(a.Delay), new WordPhrase("w:after"), new NamePhrase(a.After)))), Terms(DeclarationKind.Channel, a.NotifyChannels)));
        Table("h:subjects", new[] { "c:subject" }, InOrder(m.Subjects), t => Row(t.Citations, TermCell(t)));
        Table("h:trackers", new[] { "c:tracker", "c:kind" }, InOrder(m.Trackers), t => Row(t.Citations, TermCell(t), KindCell(t)));
        Table("h:conditions", new[] { "c:condition" }, InOrder(m.Conditions), t => Row(t.Citations, TermCell(t)));
        Table("h:informative", new[] { "c:reason" }, m.Informative,
            n => Row(n.Sections.Select(s => new Citation(s, null, n.Span)).ToEquatableArray(), Cell(Line(new LiteralPhrase(n.Reason)))), notes: true);
    }

    private Fact InventoryRow(Term category)
    {
        var name = category.Name;
        var collection = _rules.Collections(name).Select(CollectionLine);
        // Two rules may permit the same purposes on the same conditions (for different categories): one line.
        var purposes = _rules.Processing(name)
            .GroupBy(r => string.Join(",", r.Purposes) + ";" + string.Join(",", r.Conditions), StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(r => r.Conditions.IsEmpty ? Line(TermList(DeclarationKind.Purpose, r.Purposes)) : Line(TermList(DeclarationKind.Purpose, r.Purposes), new WordPhrase("w:on"), TermList(DeclarationKind.Condition, r.Conditions)));
        var recipients = _rules.Sharing(name).SelectMany(r => r.Recipients).Distinct(StringComparer.Ordinal)
            .Select(r => Line(Term(DeclarationKind.Recipient, r)));
        var retention = _rules.Retention(name).Select(r => Line(Period(r)));
        var label = category.IsSpecial
            ? Line(new TermPhrase(category, Defined: true), new NamePhrase(name), new WordPhrase("w:special"))
            : Line(new TermPhrase(category, Defined: true), new NamePhrase(name));
        return Row(category.Citations, Cell(label), Cell(collection), Cell(purposes), Cell(recipients), Cell(retention));
    }

    private FactLine CollectionLine(CollectionRule rule)
    {
        var phrases = new List<Phrase>();
        if (!rule.Subjects.IsEmpty) phrases.AddRange(new Phrase[] { new WordPhrase("w:from"), TermList(DeclarationKind.Subject, rule.Subjects) });
        if (rule.Occasion is not null) phrases.AddRange(new Phrase[] { new WordPhrase("w:at"), new NamePhrase(rule.Occasion) });
        if (rule.Automatically) phrases.Add(new WordPhrase("w:automatically"));
        if (!rule.Trackers.IsEmpty) phrases.AddRange(new Phrase[] { new WordPhrase("w:via"), TermList(DeclarationKind.Tracking, rule.Trackers) });
        if (rule.Provision is { } provision)
        {
            phrases.Add(new WordPhrase(provision.Required ? "w:required" : "w:optional"));
            if (provision.Requirement is not null) phrases.Add(new WordPhrase("requirement:" + provision.Requirement));
            if (provision.Consequence is not null) phrases.AddRange(new Phrase[] { new WordPhrase("w:if-not"), new NamePhrase(provision.Consequence) });
        }
        return new FactLine(phrases);
    }

    private FactCell Scope(Prohibition p)
    {
        var lines = new List<FactLine>();
        if (!p.Subjects.IsEmpty) lines.Add(Line(new WordPhrase("w:from"), TermList(DeclarationKind.Subject, p.Subjects)));
        if (!p.Purposes.IsEmpty) lines.Add(Line(new WordPhrase("w:for"), TermList(DeclarationKind.Purpose, p.Purposes)));
        if (!p.Recipients.IsEmpty) lines.Add(Line(new WordPhrase("w:with"), TermList(DeclarationKind.Recipient, p.Recipients)));
        if (!p.Citizenships.IsEmpty) lines.Add(Line(new WordPhrase("w:of-citizens"), Literals(p.Citizenships)));
        if (!p.Countries.IsEmpty) lines.Add(Line(new WordPhrase("w:in"), Literals(p.Countries)));
        return Cell(lines);
    }

    private static Phrase Period(RetentionRule rule)
    {
        if (rule.Period is not null)
        {
            return rule.After is null ? Duration(rule.Period) : Join(Duration(rule.Period), new WordPhrase("w:after"), new NamePhrase(rule.After));
        }
        return Join(new WordPhrase("w:until"), new NamePhrase(rule.Until ?? string.Empty));
    }

    private static Phrase Duration(Duration duration) =>
        Join(new LiteralPhrase(duration.Amount.ToString(CultureInfo.InvariantCulture)), new WordPhrase("unit:" + duration.Unit));

    private static Phrase Join(params Phrase[] phrases) => new SequencePhrase(phrases);

    private FactCell Categories(EquatableArray<string> names) =>
        names.IsEmpty ? Cell(Line(new WordPhrase("w:any"))) : Cell(Line(new ListPhrase(_categoryNames.Compress(names).Select(n => (Phrase)new NamePhrase(n)).ToList())));

    private FactCell Terms(DeclarationKind kind, EquatableArray<string> names) => Cell(names.IsEmpty ? null : Line(TermList(kind, names)));

    private Phrase TermList(DeclarationKind kind, EquatableArray<string> names) => new ListPhrase(names.Select(n => Term(kind, n)).ToList());

    private Phrase Term(DeclarationKind kind, string name) =>
        _terms.TryGetValue((kind, name), out var term) ? new TermPhrase(term) : new NamePhrase(name);

    private static FactCell TermCell(Term term) => Cell(Line(new TermPhrase(term, Defined: true), new NamePhrase(term.Name)));

    private static FactCell KindCell(Term term) => Cell(term.KindWord is null ? null : Line(new WordPhrase("kind:" + term.KindWord)));

    private static Phrase Literals(EquatableArray<string> values) => new ListPhrase(values.Select(v => (Phrase)new LiteralPhrase(v)).ToList());

    private void Table<T>(string heading, string[] columns, IEnumerable<T> items, Func<T, Fact> row, bool notes = false) =>
        _tables.Add(new FactTable(heading, columns, items.Select(row).ToList(), notes));

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
        return string.Concat(sha.ComputeHash(bytes).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

}
