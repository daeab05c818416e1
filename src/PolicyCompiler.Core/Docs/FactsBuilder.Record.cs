using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Docs;

// The record of processing activities (GDPR Art. 30(1)): a row per purpose, each cell read from the statements
// that state it and followed by their citations. Which verb is the processing, the sharing or the transfer is read
// from the verb schema's dimensions, not from the verbs' keywords, so that the record follows the schema.
public sealed partial class FactsBuilder
{
    /// <summary>The record's columns, in Art. 30(1)'s order: (a) controller and DPO, (b) purposes, (c) subjects and data, (d) recipients, (e) transfers, (f) erasure, (g) security.</summary>
    internal static readonly IReadOnlyList<string> RecordColumns = new[]
    {
        "ropa:controller", "ropa:dpo", "ropa:purpose", "ropa:bases", "ropa:subjects", "ropa:categories",
        "ropa:recipients", "ropa:transfers", "ropa:retention", "ropa:security",
    };

    private ProcessingRecord ProcessingRecord()
    {
        var m = _model;
        var controller = m.Controller is null
            ? Record(Cell((FactLine?)null), EquatableArray<Citation>.Empty)
            : Record(Cell(new[] { Line(new LabelsPhrase(m.Controller.Name, string.Empty)) }
                    .Concat(m.Controller.Details.Where(d => d.Kind != "dpo").Select(d => Line(new WordPhrase("contact:" + d.Kind), new LiteralPhrase(d.Value))))),
                m.Controller.Citations);
        var dpo = m.Controller?.Details.Where(d => d.Kind == "dpo").ToList() is { Count: > 0 } officers
            ? Record(Cell(officers.Select(d => Line(new LiteralPhrase(d.Value)))), m.Controller!.Citations)
            : Record(Cell((FactLine?)null), EquatableArray<Citation>.Empty);
        // Art. 30(1)(g): the controller's own undertakings (a duty of the person is no security measure).
        var duties = m.Duties.Where(d => d.By is null).ToList();
        var security = Record(Cell(duties.Select(d => d.Labels.IsEmpty
                ? Line(new WordPhrase("duty:" + d.Duty))
                : Line(new WordPhrase("duty:" + d.Duty), new LiteralPhrase("—"), new LabelsPhrase(d.Labels, string.Empty)))),
            duties.SelectMany(d => d.Citations));
        var activities = InOrder(m.Purposes).Select(p => Activity(p, controller, dpo, security)).ToList();
        return new ProcessingRecord(RecordColumns, activities);
    }

    private ProcessingActivity Activity(Term purpose, RecordCell controller, RecordCell dpo, RecordCell security)
    {
        var m = _model;
        var name = purpose.Name;
        // (c) The data processed for the purpose: the permissions of a verb whose purposes are required (processing).
        var processing = m.Verbs.Verbs.SelectMany(v => v.Dimensions.Where(d => d.Names == DeclarationKind.Purpose && d.Required)
            .SelectMany(d => m.DisclosedPermissionsOf(v).Where(r => r[d].Covers(name)))).ToList();
        var categories = new HashSet<string>(processing.SelectMany(r => r.Categories), StringComparer.Ordinal);
        var categoryLines = processing
            .GroupBy(r => string.Join(",", r.Conditions), StringComparer.Ordinal)
            .Select(g => OnConditions(CategoryList(g.SelectMany(r => r.Categories)), g.First().Conditions));

        // The people the data is collected from: collections (a verb with subjects) of those categories.
        var collections = RulesOf(d => d.Names == DeclarationKind.Subject, categories).ToList();
        var subjects = collections.SelectMany(r => r.Dimensions.Where((_, i) => r.Verb.Dimensions[i].Names == DeclarationKind.Subject).SelectMany(v => v.Names))
            .Distinct(StringComparer.Ordinal).ToEquatableArray();

        // (d) Recipients: shares of those categories for the purpose, or for any purpose.
        var shares = m.Verbs.Verbs.Where(v => v.Dimensions.Any(d => d.Names == DeclarationKind.Recipient))
            .SelectMany(v => m.DisclosedPermissionsOf(v).Where(r => r.Verb.Dimensions.Where(d => d.Names == DeclarationKind.Purpose).All(d => r[d].Any ? Overlaps(r, categories) : r[d].Names.Contains(name, StringComparer.Ordinal))))
            .ToList();
        var recipientLines = shares.Select(r =>
        {
            var recipients = r.Verb.Dimensions.Where(d => d.Names == DeclarationKind.Recipient).SelectMany(d => r[d].Names).ToEquatableArray();
            return OnConditions(new Phrase[] { TermList(DeclarationKind.Recipient, recipients), new LiteralPhrase("—"), CategoryList(r.Categories) }, r.Conditions);
        });

        // (e) Transfers: border-crossing permissions of those categories that the policy states (the home area's are the law's).
        var transfers = RulesOf(d => d.CrossesBorders, categories).Where(r => !r.WithinHomeArea).ToList();

        // (f) Erasure: the retention of those categories for the purpose, or for any purpose.
        var retention = m.Retention.Where(r => (r.Purposes.IsEmpty || r.Purposes.Contains(name, StringComparer.Ordinal)) && r.Categories.Any(categories.Contains)).ToList();

        var cells = new[]
        {
            controller,
            dpo,
            // The purpose's name after its label, as engineers know it; then what the law treats specially in it.
            Record(Cell(purpose.PurposeKinds.IsEmpty
                ? Line(new TermPhrase(purpose, Defined: true), new LiteralPhrase("(" + name + ")"))
                : Line(new TermPhrase(purpose, Defined: true), new LiteralPhrase("(" + name + ")"), new LiteralPhrase("—"), new ListPhrase(purpose.PurposeKinds.Select(k => (Phrase)new WordPhrase("kind:" + k)).ToList()))),
                purpose.Citations),
            // A purpose without a basis has an empty cell: its citations would seem to state one.
            Record(Cell(purpose.Bases.Select(b => BasisLine(b, m.Jurisdiction))), purpose.Bases.IsEmpty ? Enumerable.Empty<Citation>() : purpose.Citations),
            Record(Terms(DeclarationKind.Subject, subjects), collections.SelectMany(r => r.Citations)),
            Record(Cell(categoryLines), processing.SelectMany(r => r.Citations)),
            Record(Cell(recipientLines), shares.SelectMany(r => r.Citations)),
            Record(Cell(transfers.Select(TransferLine)), transfers.SelectMany(r => r.Citations)),
            Record(Cell(retention.Select(r => new FactLine(new Phrase[] { CategoryList(r.Categories), new LiteralPhrase("—") }.Concat(RetentionLine(r).Phrases).ToList()))), retention.SelectMany(r => r.Citations)),
            security,
        };
        var recipients = shares.SelectMany(r => r.Verb.Dimensions.Where(d => d.Names == DeclarationKind.Recipient).SelectMany(d => r[d].Names)).Distinct(StringComparer.Ordinal).ToList();
        var ordered = m.Categories.Select(c => c.Name).Where(categories.Contains).ToList();
        return new ProcessingActivity(purpose, cells)
        {
            Scope = new ActivityScope(ordered, subjects.ToList(), recipients, processing, collections, shares, transfers, retention),
        };
    }

    /// <summary>A transfer as a line of the record: where to (or any country), on what ground and safeguards, which data, on what conditions.</summary>
    private FactLine TransferLine(Permission rule)
    {
        var phrases = new List<Phrase>();
        foreach (var dimension in rule.Verb.Dimensions.Where(d => d.CrossesBorders))
        {
            var values = rule[dimension];
            if (values.Any) phrases.Add(new WordPhrase(dimension.AnyWord ?? "w:any"));
            else phrases.Add(values.Examples ? Join(new WordPhrase("w:for-example"), CountryLiterals(values.Names)) : CountryLiterals(values.Names));
        }
        if (rule.Details is not null && rule.Verb.Details is not null) phrases.AddRange(rule.Verb.Details.DocumentCells(rule.Details).OfType<Phrase>());
        // Art. 30(1)(e): the articles the ground and the safeguards rest on, where a law with an articles file governs.
        if (rule.Details is TransferBasis transfer)
        {
            var articles = new[] { LawArticles.Of("transfer-basis", transfer.Basis, _model.Jurisdiction) }
                .Concat(transfer.Safeguards.Select(s => LawArticles.Of("safeguard", s, _model.Jurisdiction)))
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (articles.Count > 0) phrases.Add(new LiteralPhrase("(" + string.Join("; ", articles) + ")"));
        }
        phrases.Add(new LiteralPhrase("—"));
        phrases.Add(CategoryList(rule.Categories));
        return OnConditions(phrases, rule.Conditions);
    }

    /// <summary>The permissions a text discloses, of a verb with a dimension <paramref name="dimension"/> picks, that name one of <paramref name="categories"/>.</summary>
    private IEnumerable<Permission> RulesOf(Func<DecisionDimension, bool> dimension, HashSet<string> categories) =>
        _model.Verbs.Verbs.Where(v => v.Dimensions.Any(dimension)).SelectMany(v => _model.DisclosedPermissionsOf(v)).Where(r => Overlaps(r, categories));

    private static bool Overlaps(Permission rule, HashSet<string> categories) => rule.Categories.Any(categories.Contains);

    private Phrase CategoryList(IEnumerable<string> names) =>
        new ListPhrase(_categoryNames.Compress(names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()).Select(n => (Phrase)new NamePhrase(n)).ToList());

    private FactLine OnConditions(Phrase what, EquatableArray<string> conditions) => OnConditions(new[] { what }, conditions);

    private FactLine OnConditions(IEnumerable<Phrase> what, EquatableArray<string> conditions) =>
        new(conditions.IsEmpty ? what.ToList() : what.Concat(new[] { new WordPhrase("w:on"), TermList(DeclarationKind.Condition, conditions) }).ToList());

    private RecordCell Record(FactCell content, IEnumerable<Citation> citations)
    {
        var document = _compilation.Legal?.Document;
        // One citation of a paragraph (and excerpt) per cell, though several statements give it.
        var distinct = citations.GroupBy(c => (c.Section, c.Excerpt)).Select(g => g.First());
        return new RecordCell(content, distinct.Select(c => new FactCitation(c, document is null ? null : CitedPassage.Locate(c, document))).ToList());
    }
}
