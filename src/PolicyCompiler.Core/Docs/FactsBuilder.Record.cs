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

    /// <summary>
    /// The duties Art. 30(1)(g) asks the record to describe: the controller's technical and organisational security
    /// measures of Art. 32 (a duty of the person, the accuracy of data or notifying breaches is none of them).
    /// </summary>
    internal static IEnumerable<DutyRule> SecurityDuties(PolicyModel model) =>
        model.Duties.Where(d => d.By is null && d.Duty is "security-measures" or "need-to-know-access" or "confidentiality" or "staff-training");

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
        var duties = SecurityDuties(m).ToList();
        var security = Record(Cell(duties.Select(d => d.Labels.IsEmpty
                ? Line(new WordPhrase("duty:" + d.Duty))
                : Line(new WordPhrase("duty:" + d.Duty), new LiteralPhrase("—"), new LabelsPhrase(d.Labels, string.Empty)))),
            duties.SelectMany(d => d.Citations));
        var activities = InOrder(m.Purposes).Select(p => Activity(p, controller, dpo, security)).ToList();
        // Data the policy collects, shares or transfers but processes for no purpose it states would be in no row: it
        // gets a row of its own, so that the record leaves out nothing the text discloses (Hetzner: the card data
        // Computop collects directly).
        var used = new HashSet<string>(activities.SelectMany(a => a.Scope.Categories), StringComparer.Ordinal);
        var naming = m.Verbs.Verbs.Where(v => v.Dimensions.Any(d => d.Names is DeclarationKind.Subject or DeclarationKind.Recipient || d.CrossesBorders))
            .SelectMany(m.DisclosedPermissionsOf).Where(r => r.Categories.Any(c => !used.Contains(c))).ToList();
        var unassigned = new HashSet<string>(naming.SelectMany(r => r.Categories).Where(c => !used.Contains(c)), StringComparer.Ordinal);
        if (unassigned.Count > 0) activities.Add(Activity(null, unassigned, new[] { Line(CategoryList(unassigned)) }, naming, controller, dpo, security));
        return new ProcessingRecord(RecordColumns, activities);
    }

    private ProcessingActivity Activity(Term purpose, RecordCell controller, RecordCell dpo, RecordCell security)
    {
        var m = _model;
        var name = purpose.Name;
        // (c) The data used for the purpose: what a verb whose purposes are required (processing) permits for it, and
        // what is shared for it by name (sharing it for the purpose is using it for the purpose).
        var processing = m.Verbs.Verbs.SelectMany(v => v.Dimensions.Where(d => d.Names == DeclarationKind.Purpose && d.Required)
            .SelectMany(d => m.DisclosedPermissionsOf(v).Where(r => r[d].Covers(name)))).ToList();
        var sharing = m.Verbs.Verbs.Where(v => v.Dimensions.Any(d => d.Names == DeclarationKind.Recipient)).SelectMany(m.DisclosedPermissionsOf).ToList();
        var sharedForIt = sharing.Where(r => PurposesOf(r).Any(d => !d.Any && d.Names.Contains(name, StringComparer.Ordinal))).ToList();
        var categories = new HashSet<string>(processing.Concat(sharedForIt).SelectMany(r => r.Categories), StringComparer.Ordinal);
        var categoryLines = processing.Concat(sharedForIt.Where(r => !r.Categories.All(c => processing.Any(p => p.Categories.Contains(c, StringComparer.Ordinal)))))
            .GroupBy(r => string.Join(",", r.Conditions), StringComparer.Ordinal)
            .Select(g => OnConditions(CategoryList(g.SelectMany(r => r.Categories)), g.First().Conditions));
        return Activity(purpose, categories, categoryLines, processing.Concat(sharedForIt).ToList(), controller, dpo, security);
    }

    /// <summary>
    /// The row of a purpose (or, null, of the data no stated purpose uses) once its categories are known: who they
    /// are collected from, who receives them, where they go abroad, how long they are kept.
    /// </summary>
    private ProcessingActivity Activity(Term? purpose, HashSet<string> categories, IEnumerable<FactLine> categoryLines, IReadOnlyList<Permission> using_, RecordCell controller, RecordCell dpo, RecordCell security)
    {
        var m = _model;
        var name = purpose?.Name;
        var sharing = m.Verbs.Verbs.Where(v => v.Dimensions.Any(d => d.Names == DeclarationKind.Recipient)).SelectMany(m.DisclosedPermissionsOf).ToList();

        // The people the data is collected from: collections (a verb with subjects) of those categories, each with the
        // categories of the purpose it collects.
        var collections = RulesOf(d => d.Names == DeclarationKind.Subject, categories).ToList();
        var subjects = collections.SelectMany(r => ValuesOf(r, DeclarationKind.Subject)).Distinct(StringComparer.Ordinal).ToEquatableArray();
        var subjectLines = subjects.Select(subject => Line(Term(DeclarationKind.Subject, subject), new LiteralPhrase("—"),
            CategoryList(collections.Where(r => ValuesOf(r, DeclarationKind.Subject).Contains(subject, StringComparer.Ordinal)).SelectMany(r => r.Categories).Where(categories.Contains))));

        // (d) Recipients: shares for the purpose, and shares for any purpose of its categories (only those are listed).
        var shares = sharing.Where(r => PurposesOf(r).All(d => d.Any || name is null ? Overlaps(r, categories) : d.Names.Contains(name, StringComparer.Ordinal))).ToList();
        var recipientLines = shares.Select(r => OnConditions(new Phrase[]
        {
            TermList(DeclarationKind.Recipient, ValuesOf(r, DeclarationKind.Recipient).ToEquatableArray()), new LiteralPhrase("—"), CategoryList(r.Categories.Where(categories.Contains)),
        }, r.Conditions));

        // (e) Transfers: border-crossing permissions of those categories that the policy states (the home area's are
        // the law's). A transfer names no purpose: it is listed with every purpose whose data it moves, with that data.
        var transfers = RulesOf(d => d.CrossesBorders, categories).Where(r => !r.WithinHomeArea).ToList();

        // (f) Erasure: the retention statements that decide for the purpose's categories, as the guards' RetentionOf
        // answers: a statement for the purpose sets one for every purpose aside, on each set of conditions a statement holds on.
        var retention = Retention(name, categories);

        var cells = new[]
        {
            controller,
            dpo,
            // The purpose's name after its label, as engineers know it; then what the law treats specially in it.
            purpose is null ? Record(Cell(Line(new WordPhrase("ropa:no-purpose"))), Enumerable.Empty<Citation>())
            : Record(Cell(purpose.PurposeKinds.IsEmpty
                ? Line(new TermPhrase(purpose, Defined: true), new LiteralPhrase("(" + name + ")"))
                : Line(new TermPhrase(purpose, Defined: true), new LiteralPhrase("(" + name + ")"), new LiteralPhrase("—"), new ListPhrase(purpose.PurposeKinds.Select(k => (Phrase)new WordPhrase("kind:" + k)).ToList()))),
                purpose.Citations),
            // A purpose without a basis has an empty cell: its citations would seem to state one.
            purpose is null || purpose.Bases.IsEmpty ? Record(Cell((FactLine?)null), Enumerable.Empty<Citation>())
            : Record(Cell(purpose.Bases.Select(b => BasisLine(b, m.Jurisdiction))), purpose.Citations),
            Record(Cell(subjectLines), collections.SelectMany(r => r.Citations)),
            Record(Cell(categoryLines), using_.SelectMany(r => r.Citations)),
            Record(Cell(recipientLines), shares.SelectMany(r => r.Citations)),
            Record(Cell(transfers.Select(t => TransferLine(t, categories))), transfers.SelectMany(r => r.Citations)),
            Record(Cell(retention.Select(r => new FactLine(new Phrase[] { CategoryList(r.Categories), new LiteralPhrase("—") }.Concat(RetentionLine(r.Rule).Phrases).ToList()))),
                retention.SelectMany(r => r.Rule.Citations)),
            security,
        };
        var recipients = shares.SelectMany(r => ValuesOf(r, DeclarationKind.Recipient)).Distinct(StringComparer.Ordinal).ToList();
        var ordered = m.Categories.Select(c => c.Name).Where(categories.Contains).ToList();
        return new ProcessingActivity(purpose, cells)
        {
            Scope = new ActivityScope(ordered, subjects.ToList(), recipients, using_, collections, shares, transfers, retention.Select(r => r.Rule).ToList()),
        };
    }

    /// <summary>
    /// The retention statements that decide for each of the categories and the purpose, each with the categories it
    /// decides for, in the policy's order: asked with no condition, and with the conditions of each statement of the category.
    /// </summary>
    private IReadOnlyList<(RetentionRule Rule, IReadOnlyList<string> Categories)> Retention(string? purpose, HashSet<string> categories)
    {
        var deciding = new Dictionary<RetentionRule, List<string>>();
        foreach (var category in _model.Categories.Select(c => c.Name).Where(categories.Contains))
        {
            var conditionSets = _model.Retention.Where(r => r.Categories.Contains(category, StringComparer.Ordinal)).Select(r => (IReadOnlyCollection<string>)r.Conditions.ToList())
                .Prepend(Array.Empty<string>());
            foreach (var rule in conditionSets.SelectMany(given => Evaluation.RetentionRules.Deciding(_model, category, purpose, given)).Distinct())
            {
                if (!deciding.TryGetValue(rule, out var decided)) deciding.Add(rule, decided = new List<string>());
                if (!decided.Contains(category)) decided.Add(category);
            }
        }
        return _model.Retention.Where(deciding.ContainsKey).Select(r => (r, (IReadOnlyList<string>)deciding[r])).ToList();
    }

    /// <summary>The dimensions of purposes of a rule's verb, with the rule's values in them.</summary>
    private static IEnumerable<DimensionValues> PurposesOf(Permission rule) => rule.Verb.Dimensions.Where(d => d.Names == DeclarationKind.Purpose).Select(d => rule[d]);

    /// <summary>The names a rule gives in its dimensions of one kind (its recipients, its subjects).</summary>
    private static IEnumerable<string> ValuesOf(Permission rule, DeclarationKind kind) => rule.Verb.Dimensions.Where(d => d.Names == kind).SelectMany(d => rule[d].Names);

    /// <summary>A transfer as a line of the record: where to (or any country), on what ground and safeguards, which of the purpose's data, on what conditions.</summary>
    private FactLine TransferLine(Permission rule, HashSet<string> categories)
    {
        var phrases = new List<Phrase>();
        foreach (var dimension in rule.Verb.Dimensions.Where(d => d.CrossesBorders))
        {
            var values = rule[dimension];
            if (values.Any) phrases.Add(new WordPhrase(dimension.AnyWord ?? "w:any"));
            else phrases.Add(values.Examples ? Join(new WordPhrase("w:for-example"), CountryLiterals(values.Names)) : CountryLiterals(values.Names));
        }
        if (rule.Details is not null && rule.Verb.Details is not null) phrases.AddRange(rule.Verb.Details.DocumentCells(rule.Details).OfType<Phrase>());
        // Art. 30(1)(e): the articles the ground and the safeguards rest on, where a law with an articles file governs;
        // the safeguards are alternatives, as the statement gives them.
        if (rule.Details is TransferBasis transfer)
        {
            var ground = LawArticles.Of("transfer-basis", transfer.Basis, _model.Jurisdiction);
            var safeguards = transfer.Safeguards.Select(s => LawArticles.Of("safeguard", s, _model.Jurisdiction)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var articles = new List<Phrase>();
            if (ground is not null) articles.Add(new LiteralPhrase(ground + (safeguards.Count > 0 ? ";" : string.Empty)));
            if (safeguards.Count > 0) articles.Add(new WordPhrase("w:safeguard"));
            for (var i = 0; i < safeguards.Count; i++)
            {
                if (i > 0) articles.Add(new WordPhrase("w:or"));
                articles.Add(new LiteralPhrase(safeguards[i]));
            }
            if (articles.Count > 0)
            {
                // In brackets: the ground's article opens them (the safeguards' word does when no article states the ground).
                if (articles[0] is LiteralPhrase first) articles[0] = new LiteralPhrase("(" + first.Text);
                else articles.Insert(0, new LiteralPhrase("("));
                articles[articles.Count - 1] = new LiteralPhrase(((LiteralPhrase)articles[articles.Count - 1]).Text + ")");
                phrases.Add(new SequencePhrase(articles));
            }
        }
        phrases.Add(new LiteralPhrase("—"));
        phrases.Add(CategoryList(rule.Categories.Where(categories.Contains)));
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
