using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolicyCompiler.Collections;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Formatting;

/// <summary>
/// Writes syntax back as policy text in its one canonical spelling: single spaces, ", " between list items,
/// clauses in the grammar's order, strings re-quoted by <see cref="PolicyLiteral"/>. A member is printed as its
/// head (everything before <c>cites</c>) and its citations, so that the layout can decide where they go and the
/// semantic diff can name a statement without its citations.
/// </summary>
public static class SyntaxPrinter
{
    /// <summary>The member up to its citations, on one line: <c>process contact.email for marketing on consent</c>.</summary>
    public static string Head(MemberSyntax member) => string.Join(" ", HeadSegments(member));

    /// <summary>
    /// The member up to its citations in segments, the places where a long member may be broken: the keyword
    /// with what it names, then each label and each clause.
    /// </summary>
    public static IReadOnlyList<string> HeadSegments(MemberSyntax member) => HeadLine(member).Segments();

    /// <summary>
    /// The segments of <see cref="HeadSegments"/> in pieces: a segment may be broken between two pieces, after the
    /// comma of a list item, when it does not fit on a line of its own. Joined by spaces, a segment's pieces are the segment.
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<string>> HeadPieces(MemberSyntax member) => HeadLine(member).Pieces();

    private static Line HeadLine(MemberSyntax member)
    {
        var line = new Line(member.Keyword);
        switch (member)
        {
            case TitleSyntax title:
                line.Labels(title.Labels);
                break;
            case ControllerSyntax controller:
                line.Labels(controller.Name);
                foreach (var detail in controller.Details) line.Segment(detail.Kind.Text).String(detail.Value);
                break;
            case EffectiveSyntax effective:
                line.Word(effective.Date.Text);
                break;
            case SourceSyntax source:
                line.String(source.Path);
                break;
            case JurisdictionSyntax jurisdiction:
                line.Word(jurisdiction.Country.Text);
                break;
            case DeclarationSyntax declaration:
                line.Word(declaration.Name.Text).Labels(declaration.Labels);
                if (declaration.IsSpecial) line.Segment("special");
                line.List("kind", declaration.PurposeKinds).List("basis", declaration.Bases).Clause("kind", declaration.KindWord);
                if (declaration.Lifetime is { } lifetime)
                {
                    line.Segment("lifetime");
                    if (lifetime.Duration is not null) line.Duration(lifetime.Duration);
                    else line.Names(lifetime.Words);
                }
                line.Clause("vendor", declaration.Vendor);
                if (declaration.Vendor is not null) line.List("for", declaration.VendorPurposes).List("in", declaration.VendorCountries);
                if (declaration.Address is not null) line.Segment("address").String(declaration.Address);
                break;
            case GroupSyntax group:
                line.Word(group.Name.Text).Word(Binding.GroupWords.Of(group.Kind)).Patterns(group.Members).Labels(group.Labels);
                break;
            case DecisionSyntax decision:
                line.Patterns(decision.Categories);
                for (var d = 0; d < decision.Verb.Dimensions.Count; d++) line.Dimension(decision.Verb.Dimensions[d].Word, decision.Dimensions[d]);
                if (decision.Details is not null) decision.Verb.Details?.Print(decision.Details, line);
                line.List("on", decision.Conditions);
                break;
            case NeverSyntax never:
                line.Word(never.Verb.Keyword).Patterns(never.Categories);
                for (var d = 0; d < never.Verb.Dimensions.Count; d++) line.Dimension(never.Verb.Dimensions[d].Word, never.Dimensions[d]);
                line.List("unless", never.Unless);
                break;
            case RetainSyntax retain:
                line.Patterns(retain.Categories).List("for", retain.Purposes);
                for (var e = 0; e < retain.Ends.Count; e++)
                {
                    var end = retain.Ends[e];
                    if (e > 0) line.Segment("or");
                    if (end.Duration is not null) line.Segment("for").Duration(end.Duration).Clause("after", end.After);
                    line.Clause("until", end.Until);
                }
                line.Clause("whichever", retain.Whichever).Clause("then", retain.Then).List("on", retain.Conditions);
                break;
            case RightSyntax right:
                line.Word(right.Right.Text).List("for", right.Purposes).List("via", right.Channels);
                foreach (var fallback in right.Fallbacks) line.List("else", fallback);
                if (right.AtAnyTime) line.Segment("at-any-time");
                if (right.Within is not null) line.Segment("within").Duration(right.Within);
                line.List("requires", right.Requires).List("consequence", right.Consequences).List("on", right.Conditions);
                break;
            case DutySyntax duty:
                line.Word(duty.Duty.Text).Clause("by", duty.By).Labels(duty.Labels);
                break;
            case AuthoritySyntax authority:
                line.Labels(authority.Name);
                foreach (var detail in authority.Details) line.Segment(detail.Kind.Text).String(detail.Value);
                break;
            case ConsentSyntax consent:
                line.Word(consent.Topic.Text).List("for", consent.Purposes).Clause("given", consent.Form).List("withdraw via", consent.WithdrawChannels).List("consequence", consent.Consequences);
                break;
            case AmendmentsSyntax amendments:
                line.Segment("take-effect");
                if (amendments.Within) line.Word("within");
                line.Duration(amendments.Delay).Clause("after", amendments.After).List("notify via", amendments.NotifyChannels);
                if (amendments.WithoutNotice) line.Segment("without-notice");
                break;
            case InformativeSyntax informative:
                line.Sections(informative.Sections).Segment(PolicyLiteral.Quote(informative.Reason.Value));
                break;
            case NoteSyntax note:
                line.Labels(note.Text);
                break;
            case AcknowledgeSyntax acknowledge:
                line.Names(acknowledge.Findings).Segment(PolicyLiteral.Quote(acknowledge.Reason.Value));
                break;
            case LawsSyntax laws:
                line.Names(laws.Laws);
                break;
            default:
                throw new System.ArgumentException("the printer has no case for '" + member.Keyword + "' (" + member.GetType().Name + ")", nameof(member));
        }
        return line;
    }

    /// <summary>A citation as written: <c>§5.2.1 "excerpt"</c>, <c>§5.2.1</c> or <c>"excerpt"</c>.</summary>
    public static string Citation(CitationSyntax citation)
    {
        var section = citation.Section is null ? null : "§" + citation.Section.Text;
        var excerpt = citation.Excerpt is null ? null : PolicyLiteral.Quote(citation.Excerpt.Value);
        return section is not null && excerpt is not null ? section + " " + excerpt : section ?? excerpt ?? string.Empty;
    }

    /// <summary>A list of patterns as written: <c>contact.*, identity.name</c>, the excluded ones after <c>except</c>.</summary>
    public static string Patterns(EquatableArray<PatternSyntax> patterns)
    {
        var included = (patterns.Any(p => p.Examples) ? "such-as " : string.Empty) + string.Join(", ", patterns.Where(p => !p.Excluded).Select(p => p.Text));
        var excluded = string.Join(", ", patterns.Where(p => p.Excluded).Select(p => p.Text));
        return excluded.Length == 0 ? included : included + " except " + excluded;
    }

    /// <summary>A test expectation: <c>allow share contact.phone with courier on consent</c>.</summary>
    public static string Expectation(ExpectationSyntax expectation) =>
        (expectation.Allow ? "allow " : "deny ") + Question(expectation.Question);

    /// <summary>An <c>expect</c> line: <c>expect [no] right erasure via email within 30 days</c>.</summary>
    public static string FactExpectation(FactExpectationSyntax expectation) =>
        (expectation.Holds ? "expect " : "expect no ") + Head(expectation.Statement);

    /// <summary>A test block's lines as written, allow/deny and expect alike, in the order of the file.</summary>
    public static IEnumerable<(Text.SourceSpan Span, string Line)> ExpectationsOf(TestBlockSyntax test) =>
        test.Expectations.Select(e => (e.Span, Expectation(e))).Concat(test.Facts.Select(f => (f.Span, FactExpectation(f)))).OrderBy(e => e.Span.Start);

    /// <summary>A decision question as the test blocks write it.</summary>
    public static string Question(QuestionSyntax question)
    {
        var line = new Line(question.Verb.Keyword).Word(question.Category.Text);
        for (var d = 0; d < question.Verb.Dimensions.Count; d++) line.Clause(question.Verb.Dimensions[d].QuestionWord, question.Values[d]);
        return string.Join(" ", line.List("on", question.Conditions).Segments());
    }

    /// <summary>Words joined by single spaces, in segments that a layout may put on separate lines.</summary>
    internal sealed class Line
    {
        // Each segment is a list of pieces; a layout may break a segment between two pieces (list items).
        private readonly List<IReadOnlyList<string>> _segments = new();
        private readonly List<string> _pieces = new();
        private readonly StringBuilder _current;

        public Line(string keyword) => _current = new StringBuilder(keyword);

        public Line Word(string word)
        {
            _current.Append(' ').Append(word);
            return this;
        }

        /// <summary>Items of a list, ", " between them, each a place the segment may be broken before.</summary>
        public Line Items(IEnumerable<string> items)
        {
            var first = true;
            foreach (var item in items)
            {
                if (first) _current.Append(' ').Append(item);
                else
                {
                    _current.Append(',');
                    _pieces.Add(_current.ToString());
                    _current.Clear().Append(item);
                }
                first = false;
            }
            return this;
        }

        /// <summary>Starts a new segment with <paramref name="word"/>.</summary>
        public Line Segment(string word)
        {
            _segments.Add(CurrentPieces());
            _pieces.Clear();
            _current.Clear().Append(word);
            return this;
        }

        private IReadOnlyList<string> CurrentPieces() => _pieces.Append(_current.ToString()).ToArray();

        public Line String(StringSyntax value) => Word(PolicyLiteral.Quote(value.Value));

        public Line Clause(string keyword, NameSyntax? name) => name is null ? this : Segment(keyword).Word(name.Text);

        public Line List(string keyword, EquatableArray<NameSyntax> names) => names.IsEmpty ? this : Segment(keyword).Names(names);

        /// <summary>A dimension's clause: its word and the names, or <c>any</c>; nothing when it is absent.</summary>
        public Line Dimension(string keyword, DimensionSyntax dimension) =>
            dimension.Any ? Segment(keyword).Word("any")
            : dimension.Examples && !dimension.Names.IsEmpty ? Segment(keyword).Word("such-as").Names(dimension.Names)
            : List(keyword, dimension.Names);

        public Line Names(IEnumerable<NameSyntax> names) => Items(names.Select(n => n.Text));

        public Line Sections(IEnumerable<NameSyntax> sections) => Items(sections.Select(s => "§" + s.Text));

        /// <summary>A list of patterns, on one segment (the list reads as one, its <c>except</c> part included).</summary>
        public Line Patterns(EquatableArray<PatternSyntax> patterns)
        {
            if (patterns.Any(p => p.Examples)) Word("such-as");
            Items(patterns.Where(p => !p.Excluded).Select(p => p.Text));
            var excluded = patterns.Where(p => p.Excluded).Select(p => p.Text).ToList();
            if (excluded.Count > 0) Word("except").Items(excluded);
            return this;
        }

        public Line Duration(DurationSyntax duration) => Word(duration.Amount.Text).Word(duration.Unit.Text);

        /// <summary>Labels as written, one segment each: a language-neutral string alone, or a label with its language.</summary>
        public Line Labels(EquatableArray<LabelSyntax> labels)
        {
            foreach (var label in labels)
            {
                if (label.Language.Length > 0) Segment(label.Language).String(label.Text);
                else Segment(PolicyLiteral.Quote(label.Text.Value));
            }
            return this;
        }

        public IReadOnlyList<string> Segments() => Pieces().Select(pieces => string.Join(" ", pieces)).ToArray();

        public IReadOnlyList<IReadOnlyList<string>> Pieces() => _segments.Append(CurrentPieces()).ToArray();
    }
}
