using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Docs;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Text;
using PolicyCompiler.Formatting;
using PolicyCompiler.Parsing;
using PolicyCompiler.Syntax;
using Sprache;

namespace PolicyCompiler.Model;

/// <summary>What a binder offers the descriptive clauses of a statement: names resolved, words of a vocabulary checked.</summary>
internal interface IDetailsBinder
{
    EquatableArray<string> Resolve(EquatableArray<NameSyntax> names, DeclarationKind kind);

    /// <summary>One declared name (not a group or a parent of several), or null when it is reported; <paramref name="one"/> says what names one.</summary>
    string? ResolveOne(NameSyntax name, DeclarationKind kind, string one);

    string Word(NameSyntax word, Vocabulary vocabulary);

    Provision? Provision(ProvisionSyntax? provision);

    /// <summary>Where a descriptive clause's misuse is reported.</summary>
    DiagnosticBuilder At(SourceSpan span);
}

/// <summary>
/// The descriptive clauses that one verb's permissions take after their dimensions, defined in one place each:
/// how they read, what they bind to, how they print, and their one-line form. They describe a permission (for
/// the documents and the lint) and take no part in its decisions.
/// </summary>
public abstract class StatementDetailsForm
{
    internal static StatementDetailsForm Collection { get; } = new CollectionForm();

    internal static StatementDetailsForm TransferBasis { get; } = new TransferBasisForm();

    private protected StatementDetailsForm()
    {
    }

    /// <summary>The clauses in a member's one-line form.</summary>
    public abstract string Form { get; }

    internal abstract Parser<StatementDetailsSyntax> Parser { get; }

    internal abstract StatementDetails Bind(StatementDetailsSyntax syntax, IDetailsBinder binder);

    internal abstract void Print(StatementDetailsSyntax syntax, SyntaxPrinter.Line line);

    /// <summary>The documents' columns of the clauses in the verb's table, after its dimensions.</summary>
    internal virtual IReadOnlyList<string> DocumentColumns => Array.Empty<string>();

    /// <summary>The cells of <see cref="DocumentColumns"/>, one line each (null for an empty cell).</summary>
    internal virtual IEnumerable<Phrase?> DocumentCells(StatementDetails details) => Array.Empty<Phrase?>();

    /// <summary>The clauses as phrases of a permission's line in the data inventory; <paramref name="terms"/> names declared names.</summary>
    internal virtual IEnumerable<Phrase> DocumentPhrases(StatementDetails details, Func<DeclarationKind, EquatableArray<string>, Phrase> terms) => Array.Empty<Phrase>();

    private sealed class CollectionForm : StatementDetailsForm
    {
        public override string Form => "[at <occasion>] [automatically] [via <trackers>] [by <recipient>] [origin (publicly-accessible | third-party)] [required <requirement> [consequence <effect>] | optional]";

        // Read when used: the schema is built before the grammar, which reads the schema.
        internal override Parser<StatementDetailsSyntax> Parser => Grammar.CollectionDetails;

        internal override StatementDetails Bind(StatementDetailsSyntax syntax, IDetailsBinder binder)
        {
            var details = (CollectionDetailsSyntax)syntax;
            return new CollectionDetails(details.Occasion?.Text, details.Automatically, binder.Resolve(details.Trackers, DeclarationKind.Tracking), binder.Provision(details.Provision))
            {
                CollectedBy = details.CollectedBy is { } by ? binder.ResolveOne(by, DeclarationKind.Recipient, "Data is collected by one") : null,
                Origin = details.Origin is { } origin ? binder.Word(origin, Vocabulary.DataOrigin) : null,
            };
        }

        internal override void Print(StatementDetailsSyntax syntax, SyntaxPrinter.Line line)
        {
            var details = (CollectionDetailsSyntax)syntax;
            line.Clause("at", details.Occasion);
            if (details.Automatically) line.Segment("automatically");
            line.List("via", details.Trackers);
            line.Clause("by", details.CollectedBy).Clause("origin", details.Origin);
            if (details.Provision is { Required: true } required) line.Clause("required", required.Requirement).Clause("consequence", required.Consequence);
            else if (details.Provision is not null) line.Segment("optional");
        }

        internal override IEnumerable<Phrase> DocumentPhrases(StatementDetails details, Func<DeclarationKind, EquatableArray<string>, Phrase> terms)
        {
            var collection = (CollectionDetails)details;
            if (collection.Occasion is not null)
            {
                yield return new WordPhrase("w:at");
                yield return new NamePhrase(collection.Occasion);
            }
            if (collection.Automatically) yield return new WordPhrase("w:automatically");
            if (!collection.Trackers.IsEmpty)
            {
                yield return new WordPhrase("w:via");
                yield return terms(DeclarationKind.Tracking, collection.Trackers);
            }
            if (collection.CollectedBy is { } collector)
            {
                yield return new WordPhrase("w:collected-by");
                yield return terms(DeclarationKind.Recipient, new EquatableArray<string>(new[] { collector }));
            }
            if (collection.Origin is { } origin) yield return new WordPhrase("origin:" + origin);
            if (collection.Provision is { } provision)
            {
                yield return new WordPhrase(provision.Required ? "w:required" : "w:optional");
                if (provision.Requirement is not null) yield return new WordPhrase("requirement:" + provision.Requirement);
                if (provision.Consequence is not null)
                {
                    yield return new WordPhrase("w:if-not");
                    yield return terms(DeclarationKind.Effect, new EquatableArray<string>(new[] { provision.Consequence }));
                }
            }
        }
    }

    private sealed class TransferBasisForm : StatementDetailsForm
    {
        public override string Form => "basis <transfer basis> [safeguard <safeguard>, …]";

        internal override Parser<StatementDetailsSyntax> Parser => Grammar.TransferBasis;

        internal override StatementDetails Bind(StatementDetailsSyntax syntax, IDetailsBinder binder)
        {
            var transfer = (TransferBasisSyntax)syntax;
            var basis = binder.Word(transfer.Basis, Vocabulary.TransferBasis);
            if (transfer.Safeguards.Count == 0) return new TransferBasis(basis);
            var safeguards = new List<string>();
            foreach (var word in transfer.Safeguards)
            {
                var safeguard = binder.Word(word, Vocabulary.TransferSafeguard);
                if (!safeguards.Contains(safeguard)) safeguards.Add(safeguard);
            }
            // A basis that is itself a safeguard leaves the transfer's ground unsaid, and two safeguards for one reason.
            if (System.Linq.Enumerable.Contains(Vocabulary.TransferSafeguard.Words, basis)) binder.At(transfer.Basis.Span).SafeguardAsBasis(basis, string.Join(", ", safeguards));
            return new TransferBasis(basis) { Safeguards = new EquatableArray<string>(safeguards.ToArray()) };
        }

        internal override void Print(StatementDetailsSyntax syntax, SyntaxPrinter.Line line)
        {
            var transfer = (TransferBasisSyntax)syntax;
            line.Clause("basis", transfer.Basis).List("safeguard", transfer.Safeguards);
        }

        internal override IReadOnlyList<string> DocumentColumns { get; } = new[] { "c:basis" };

        internal override IEnumerable<Phrase?> DocumentCells(StatementDetails details)
        {
            var transfer = (TransferBasis)details;
            Phrase basis = new WordPhrase("basis:" + transfer.Basis);
            if (transfer.Safeguards.Count == 0) return new Phrase?[] { basis };
            // "safeguard: adequacy decision or standard contractual clauses": any one of them is relied on.
            var phrases = new List<Phrase> { basis, new WordPhrase("w:safeguard") };
            for (var i = 0; i < transfer.Safeguards.Count; i++)
            {
                if (i > 0) phrases.Add(new WordPhrase("w:or"));
                phrases.Add(new WordPhrase("safeguard:" + transfer.Safeguards[i]));
            }
            return new Phrase?[] { new SequencePhrase(phrases) };
        }
    }
}
