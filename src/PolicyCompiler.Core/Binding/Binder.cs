using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Lint;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Binding;

/// <summary>The outcome of binding: the model (null when the file has no readable policy header) and the diagnostics.</summary>
public sealed record BindResult(PolicyModel? Model, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Turns a syntax tree into the policy model: resolves and expands names, checks words of the closed
/// vocabularies, country codes, dates, durations and citations, and finds permissions that overlap a
/// prohibition. Every problem is reported; a rule with an unresolvable part is still bound with what resolved.
/// </summary>
public static class Binder
{
    /// <summary>The largest duration amount; larger numbers are surely typos and would overflow date arithmetic.</summary>
    public const int MaxDurationAmount = 100_000;

    /// <summary>The most conditions a policy may declare; <see cref="PolicyLimits"/> holds all the limits.</summary>
    public const int MaxConditions = PolicyLimits.MaxConditions;

    /// <summary>Binds one question (as a test expectation asks it) against a policy's declarations.</summary>
    public static (Question Question, IReadOnlyList<Diagnostic> Diagnostics) BindQuestion(PolicyFileSyntax policy, QuestionSyntax question, SourceText text)
    {
        var diagnostics = new DiagnosticBag(text);
        var run = new FileBinding(policy, new DiagnosticBag(text), VerbSchema.Default);
        return (run.Question(question, diagnostics), diagnostics.Items);
    }

    /// <summary>Binds a file parsed with the decision verbs of <paramref name="verbs"/> (<see cref="VerbSchema.Default"/> unless given).</summary>
    public static BindResult Bind(PolicyFileSyntax syntax, SourceText text, VerbSchema? verbs = null)
    {
        var diagnostics = new DiagnosticBag(text);
        var run = new FileBinding(syntax, diagnostics, verbs ?? VerbSchema.Default);
        var model = run.Bind();
        return new BindResult(model, diagnostics.Items);
    }

    /// <summary>The binding of one file: its symbols, the decision verbs it was parsed with, and what it reported so far.</summary>
    private sealed class FileBinding : IDetailsBinder
    {
        private readonly PolicyFileSyntax _syntax;
        private readonly DiagnosticBag _diagnostics;
        private readonly SymbolTable _symbols;
        private readonly VerbSchema _verbs;
        private readonly string? _jurisdiction;
        private readonly Dictionary<string, SourceSpan> _headerClauses = new(StringComparer.Ordinal);
        private readonly Dictionary<EquatableArray<string>, EquatableArray<string>> _sharedNames = new();
        private readonly Dictionary<EquatableArray<DimensionValues>, EquatableArray<DimensionValues>> _sharedDimensions = new();

        public FileBinding(PolicyFileSyntax syntax, DiagnosticBag diagnostics, VerbSchema verbs)
        {
            _syntax = syntax;
            _verbs = verbs;
            _diagnostics = diagnostics;
            // The first jurisdiction, as the header's binding takes it: the known group THIRD-COUNTRIES depends on it.
            var jurisdiction = syntax.Members.OfType<JurisdictionSyntax>().FirstOrDefault()?.Country.Text;
            _jurisdiction = jurisdiction;
            _symbols = new SymbolTable(syntax.Members.OfType<DeclarationSyntax>(), syntax.Members.OfType<GroupSyntax>(), jurisdiction, diagnostics);
        }

        public PolicyModel? Bind()
        {
            var titles = EquatableArray<Label>.Empty;
            Controller? controller = null;
            string? effective = null, source = null, jurisdiction = null;
            JurisdictionSyntax? jurisdictionSyntax = null;
            var permissions = new ArrayBuilder<Permission>();
            var prohibitions = new ArrayBuilder<Prohibition>();
            var retention = new List<RetentionRule>();
            var rights = new List<RightGrant>();
            var consents = new List<ConsentRule>();
            var amendments = new List<AmendmentRule>();
            var informative = new List<InformativeNote>();
            var duties = new List<DutyRule>();
            var header = HeaderCitations.None;
            Authority? authority = null;
            LawChoice? laws = null;
            var acknowledgements = new List<Acknowledgement>();
            var notes = new List<ReadingNote>();

            foreach (var member in _syntax.Members)
            {
                switch (member)
                {
                    case TitleSyntax title when FirstOf("title", member):
                        titles = Labels(title.Labels);
                        header = header with { Title = Citations(title.Citations) };
                        break;
                    case ControllerSyntax c when FirstOf("controller", member):
                        controller = new Controller(Labels(c.Name), c.Details.Select(d => new ContactDetail(d.Kind.Text, d.Value.Value)).ToEquatableArray(), Citations(c.Citations));
                        break;
                    case EffectiveSyntax e when FirstOf("effective", member):
                        effective = Date(e.Date);
                        header = header with { Effective = Citations(e.Citations) };
                        break;
                    case SourceSyntax s when FirstOf("source", member):
                        source = s.Path.Value;
                        break;
                    case JurisdictionSyntax j when FirstOf("jurisdiction", member):
                        jurisdiction = _symbols.ResolveOneCountry(j.Country);
                        jurisdictionSyntax = j;
                        header = header with { Jurisdiction = Citations(j.Citations) };
                        break;
                    case LawsSyntax l when FirstOf("laws", member):
                        laws = new LawChoice(Laws(l.Laws), Citations(l.Citations), l.Span);
                        break;
                    case DeclarationSyntax declaration:
                        CheckDeclaration(declaration);
                        break;
                    case GroupSyntax g:
                        ExamplesMeanNothing(g.Members, "a group", "Name the group's members as the text lists them; a statement that names the group may say 'such-as'");
                        break;   // resolved with the symbols, below

                    case DecisionSyntax d:
                        permissions.Add(new Permission(
                            d.Verb, Categories(d.Categories), Dimensions(d.Verb, d.Dimensions), Shared(_symbols.Resolve(d.Conditions, DeclarationKind.Condition)),
                            d.Details is null ? null : d.Verb.Details?.Bind(d.Details, this), RequiredCitations(d), d.Span)
                        {
                            CategoriesAreExamples = d.Categories.Any(p => p.Examples),
                        });
                        break;
                    case NeverSyntax n:
                        ExamplesMeanNothing(n.Categories, "a prohibition", "A prohibition forbids what it names: name it without 'such-as'");
                        foreach (var clause in n.Dimensions.Where(c => c.Examples)) _diagnostics.At(clause.Span).ExamplesMeanNothing("a prohibition", "A prohibition forbids what it names: name it without 'such-as'");
                        prohibitions.Add(new Prohibition(
                            n.Verb, Categories(n.Categories), Dimensions(n.Verb, n.Dimensions, prohibition: true), _symbols.Resolve(n.Unless, DeclarationKind.Condition),
                            RequiredCitations(n), n.Span));
                        break;
                    case RetainSyntax r:
                        ExamplesMeanNothing(r.Categories, "a retention", "A retention keeps what it names for as long as it says: name the categories without 'such-as'");
                        // A statement whose purposes or conditions all failed to resolve (PC1001) would read as one
                        // for every purpose, or on none, and contradict the others for nothing.
                        if (Retention(r, Categories(r.Categories), cited: true) is { } rule && (r.Purposes.IsEmpty || !rule.Purposes.IsEmpty) && (r.Conditions.IsEmpty || !rule.Conditions.IsEmpty)) retention.Add(rule);
                        break;
                    case RightSyntax r:
                        rights.Add(Right(r, rights, cited: true));
                        break;
                    case DutySyntax d:
                        duties.Add(Duty(d, cited: true));
                        break;
                    case AuthoritySyntax a when FirstOf("supervisory-authority", member):
                        authority = new Authority(Labels(a.Name), a.Details.Select(d => new ContactDetail(d.Kind.Text, d.Value.Value)).ToEquatableArray(), Citations(a.Citations));
                        break;
                    case ConsentSyntax c:
                        consents.Add(Consent(c, cited: true));
                        break;
                    case AmendmentsSyntax a:
                        amendments.Add(new AmendmentRule(Duration(a.Delay), Named(a.After, DeclarationKind.Event), _symbols.Resolve(a.NotifyChannels, DeclarationKind.Channel), RequiredCitations(a), a.Span)
                        {
                            Within = a.Within,
                            WithoutNotice = a.WithoutNotice,
                        });
                        break;
                    case InformativeSyntax i:
                        informative.Add(new InformativeNote(i.Sections.Select(s => s.Text).ToEquatableArray(), i.Reason.Value, i.Span));
                        break;
                    case NoteSyntax n:
                        notes.Add(new ReadingNote(Labels(n.Text), RequiredCitations(n), n.Span));
                        break;
                    case AcknowledgeSyntax a:
                        acknowledgements.AddRange(Acknowledged(a));
                        break;
                    case TitleSyntax or ControllerSyntax or EffectiveSyntax or SourceSyntax or JurisdictionSyntax or AuthoritySyntax or LawsSyntax:
                        break;   // a header clause given again: FirstOf reported it
                    default:
                        throw new InvalidOperationException("the binder has no case for '" + member.Keyword + "' (" + member.GetType().Name + ")");
                }
            }

            var stated = permissions.ToEquatableArray();
            var prohibited = prohibitions.ToEquatableArray();
            var home = HomeArea.Of(jurisdiction, stated);
            var trackers = Terms(DeclarationKind.Tracking);
            var implied = (jurisdictionSyntax is not null && !home.IsEmpty ? HomeAreaRules(jurisdictionSyntax, home, prohibited) : EquatableArray<Permission>.Empty)
                .Concat(TrackerVendorRules(stated, trackers)).ToEquatableArray();

            var model = new PolicyModel(
                _syntax.Id?.Text ?? string.Empty,
                titles, controller, effective, source, jurisdiction,
                Terms(DeclarationKind.Subject), Terms(DeclarationKind.Category), Terms(DeclarationKind.Purpose),
                Terms(DeclarationKind.Recipient), trackers, Terms(DeclarationKind.Channel),
                Terms(DeclarationKind.Condition),
                _verbs, stated, prohibited,
                retention.ToEquatableArray(), rights.ToEquatableArray(), consents.ToEquatableArray(),
                amendments.ToEquatableArray(), informative.ToEquatableArray(), Tests())
            {
                Groups = _symbols.Groups.Select(g => new NameGroup(
                    g.Syntax.Name.Text, g.Syntax.Kind, Labels(g.Syntax.Labels),
                    g.Syntax.Members.Where(m => !m.Excluded).Select(m => m.Text).ToEquatableArray(),
                    g.Syntax.Members.Where(m => m.Excluded).Select(m => m.Text).ToEquatableArray(),
                    new EquatableArray<string>(g.Names), Citations(g.Syntax.Citations), g.Syntax.Span)).ToEquatableArray(),
                HomeArea = home,
                ImpliedPermissions = implied,
                Events = Terms(DeclarationKind.Event),
                Effects = Terms(DeclarationKind.Effect),
                Duties = duties.ToEquatableArray(),
                HeaderCitations = header,
                Authority = authority,
                Laws = laws,
                Acknowledgements = acknowledgements.ToEquatableArray(),
                Notes = notes.ToEquatableArray(),
            };

            OverlapChecker.Check(model, _diagnostics);
            RetentionChecker.Check(model, _diagnostics);
            var beforeLimits = _diagnostics.Items.Count;
            CheckLimits(model);
            // A policy past the limits is refused anyway; asking its transfers about every store would only cost time.
            if (_diagnostics.Items.Count == beforeLimits) StorageAbroadChecker.Check(model, _diagnostics);
            return _syntax.Id is null ? null : model;
        }

        /// <summary>The law packs a <c>laws</c> clause names, each once; a name that is none is PC1026.</summary>
        private EquatableArray<string> Laws(EquatableArray<NameSyntax> names)
        {
            var laws = new List<string>();
            foreach (var name in names)
            {
                if (!LintNames.IsLaw(name.Text)) _diagnostics.At(name.Span).UnknownLintName(name.Text, "a law the lint knows", LintNames.ClosestLaw(name.Text), "The laws are: " + LintNames.KnownLaws + ".");
                else if (!laws.Contains(name.Text)) laws.Add(name.Text);
            }
            return laws.ToEquatableArray();
        }

        /// <summary>The findings an <c>acknowledge</c> names, as the lint prints them; a name that is none is PC1026.</summary>
        private IEnumerable<Acknowledgement> Acknowledged(AcknowledgeSyntax syntax)
        {
            foreach (var finding in syntax.Findings)
            {
                var reading = LintNames.ReadFinding(finding.Text);
                if (reading.Check is null)
                {
                    _diagnostics.At(finding.Span).UnknownLintName(finding.Text, reading.Problem!, reading.Suggestion,
                        "Write the finding as the lint prints it between brackets ('gdpr:dpo'), or its check alone ('dpo') for every law that has it.");
                    continue;
                }
                yield return new Acknowledgement(reading.Law, reading.Check, finding.Text, syntax.Reason.Value, finding.Span);
            }
        }

        /// <summary>
        /// The rules the jurisdiction implies (<see cref="Permission.WithinHomeArea"/>), one per verb with a border-crossing
        /// dimension; and a warning at each destination a statement gives that lies wholly
        /// in the home area, which crosses no border.
        /// </summary>
        private EquatableArray<Permission> HomeAreaRules(JurisdictionSyntax jurisdiction, EquatableArray<string> home, EquatableArray<Prohibition> prohibitions)
        {
            var written = jurisdiction.Country.Text;
            foreach (var member in _syntax.Members)
            {
                var (verb, clauses) = member switch
                {
                    DecisionSyntax d => (d.Verb, d.Dimensions),
                    NeverSyntax n => (n.Verb, n.Dimensions),
                    _ => (null, default),
                };
                if (verb is null) continue;
                for (var i = 0; i < verb.Dimensions.Count; i++)
                {
                    if (!verb.Dimensions[i].CrossesBorders) continue;
                    foreach (var name in clauses[i].Names)
                    {
                        var codes = _symbols.CountriesAsResolved(name.Text);
                        if (codes.Length > 0 && codes.All(c => SortedNames.Contains(home, c))) _diagnostics.At(name.Span).DestinationAtHome(name.Text, written, home.Count > 1, member is NeverSyntax);
                    }
                }
            }

            var all = _symbols.CoveredBy(new PatternSyntax("*", jurisdiction.Span));
            return _verbs.Verbs.Where(verb => verb.Dimensions.Any(d => d.CrossesBorders)).Select(verb => new Permission(
                verb, Movable(verb, all, prohibitions), verb.Dimensions.Select(d => d.CrossesBorders ? new DimensionValues(false, home) : DimensionValues.AnyValue).ToEquatableArray(),
                EquatableArray<string>.Empty, null, Citations(jurisdiction.Citations), jurisdiction.Span) { WithinHomeArea = true }).ToEquatableArray();
        }

        /// <summary>
        /// What collecting through a tracker that has a vendor implies (<see cref="Permission.ImpliedByTracker"/>): the
        /// tracker sends what it collects to its vendor (SPAR §2.p1: Facebook Pixel), so each collection through it is a
        /// permission of the verb's <see cref="TrackerVendors.SharedBy"/>, of its categories with the vendor, for the
        /// purposes the tracker's vendor clause names (any, where it names none), on the collection's conditions. The
        /// text discloses it by naming the tracker; the policy need not state it again.
        /// </summary>
        private EquatableArray<Permission> TrackerVendorRules(EquatableArray<Permission> stated, EquatableArray<Term> trackers)
        {
            var vendors = trackers.Where(t => t.Vendor is not null).ToDictionary(t => t.Name, StringComparer.Ordinal);
            if (vendors.Count == 0) return EquatableArray<Permission>.Empty;
            var rules = new List<Permission>();
            foreach (var verb in _verbs.Verbs)
            {
                if (verb.TrackerVendors is not { } hook || _verbs.Find(hook.SharedBy) is not { } sharing) continue;
                foreach (var collection in stated)
                {
                    if (!collection.Verb.Equals(verb) || collection.Details is not CollectionDetails { Trackers: { IsEmpty: false } used }) continue;
                    foreach (var name in used)
                    {
                        if (!vendors.TryGetValue(name, out var tracker)) continue;
                        var values = sharing.Dimensions.Select(d =>
                            d.Names == DeclarationKind.Recipient ? new DimensionValues(false, new EquatableArray<string>(new[] { tracker.Vendor! }))
                            : d.Names == DeclarationKind.Purpose && !tracker.VendorPurposes.IsEmpty ? new DimensionValues(false, tracker.VendorPurposes)
                            : DimensionValues.AnyValue).ToEquatableArray();
                        rules.Add(new Permission(sharing, collection.Categories, values, collection.Conditions, null,
                            tracker.Citations.Concat(collection.Citations).ToEquatableArray(), tracker.Span) { ImpliedByTracker = name });
                    }
                }
            }
            return rules.ToEquatableArray();
        }

        /// <summary>
        /// The categories the rule the jurisdiction implies is about: every category but those a prohibition of the verb
        /// forbids outright (everywhere, without exception), which the rule would only appear to permit in the documents.
        /// </summary>
        private static EquatableArray<string> Movable(DecisionVerb verb, string[] categories, EquatableArray<Prohibition> prohibitions)
        {
            var forbidden = new HashSet<string>(prohibitions.Where(p => p.Verb.Equals(verb) && p.Unless.IsEmpty && p.Dimensions.All(d => d.Any)).SelectMany(p => p.Categories), StringComparer.Ordinal);
            return categories.Where(c => !forbidden.Contains(c)).ToEquatableArray();
        }

        /// <summary>The limits of <see cref="PolicyLimits"/> that depend on the declarations: each is reported, none truncates.</summary>
        private void CheckLimits(PolicyModel model)
        {
            if (_syntax.Id is { } id) CheckName(id);
            foreach (var declaration in _symbols.Declarations) CheckName(declaration.Name);
            foreach (var group in _syntax.Members.OfType<GroupSyntax>()) CheckName(group.Name);

            // Conditions are bits of one 64-bit mask; every other kind is a dimension of the guards' tables.
            foreach (var kind in _symbols.Declarations.GroupBy(d => d.Kind).OrderBy(g => g.Key))
            {
                var limit = kind.Key == DeclarationKind.Condition ? PolicyLimits.MaxConditions : PolicyLimits.MaxNamesPerKind;
                var declarations = kind.OrderBy(d => d.Span.Start).ToList();
                if (declarations.Count <= limit) continue;
                var first = declarations[limit];
                if (kind.Key == DeclarationKind.Condition) _diagnostics.At(first.Span).TooManyConditions(declarations.Count, limit);
                else _diagnostics.At(first.Span).TooManyNames(declarations.Count, Plural(kind.Key), limit);
            }

            var policySpan = _syntax.Id?.Span ?? _syntax.Span;
            foreach (var table in GuardTableSizes.Of(model))
            {
                if (table.Cells > PolicyLimits.MaxTableCells)
                {
                    _diagnostics.At(policySpan).DecisionTableTooLarge(table.Table, table.Cells, table.Dimensions, PolicyLimits.MaxTableCells);
                }
                else if (table.Entries > PolicyLimits.MaxTableEntries)
                {
                    _diagnostics.At(policySpan).DecisionTableTooManyEntries(table.Table, table.Entries, PolicyLimits.MaxTableEntries);
                }
            }
        }

        private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        private static string Plural(DeclarationKind kind) => kind switch
        {
            DeclarationKind.Category => "categories",
            DeclarationKind.Tracking => "tracking technologies",
            _ => Keywords.Of(kind) + "s",
        };

        private void CheckName(NameSyntax name)
        {
            var quoted = PolicyLimits.Quoted(name.Text);
            if (name.Text.Length > PolicyLimits.MaxNameLength)
            {
                _diagnostics.At(name.Span).NameTooLong(quoted, name.Text.Length, PolicyLimits.MaxNameLength);
            }
            var parts = name.Text.Split('.').Length;
            if (parts > PolicyLimits.MaxNameParts) _diagnostics.At(name.Span).NameTooDeep(quoted, parts, PolicyLimits.MaxNameParts);
        }

        /// <summary>True for the first clause of a kind in the header; a repeated one is reported and ignored.</summary>
        private bool FirstOf(string clause, MemberSyntax member)
        {
            if (_headerClauses.TryGetValue(clause, out var first))
            {
                _diagnostics.At(member.Span).DuplicateClause("'" + clause + "'", first.Line);
                return false;
            }
            _headerClauses.Add(clause, member.Span);
            return true;
        }

        private void CheckDeclaration(DeclarationSyntax declaration)
        {
            // An event or an effect names what a statement refers to; the statements that use it cite the text.
            if (declaration.Kind is not (DeclarationKind.Event or DeclarationKind.Effect)) RequiredCitations(declaration);
            Labels(declaration.Labels);
            foreach (var basis in declaration.Bases) Word(basis, Vocabulary.LegalBasis);
            foreach (var kind in declaration.PurposeKinds) Word(kind, Vocabulary.PurposeKind);
            if (declaration.KindWord is not null)
            {
                Word(declaration.KindWord, declaration.Kind == DeclarationKind.Tracking ? Vocabulary.TrackingKind : Vocabulary.RecipientKind);
            }
        }

        /// <summary>A tracker's lifetime: a word of the language, or a period.</summary>
        private TrackerLifetime? Lifetime(TrackerLifetimeSyntax? lifetime) => lifetime is null ? null
            : new TrackerLifetime(lifetime.Words.Select(w => Word(w, Vocabulary.TrackerLifetime)).Distinct(StringComparer.Ordinal).ToEquatableArray(), lifetime.Duration is null ? null : Duration(lifetime.Duration));

        private EquatableArray<Term> Terms(DeclarationKind kind) =>
            _symbols.Declarations.Where(d => d.Kind == kind).Select(d => new Term(kind, d.Name.Text, ToLabels(d.Labels), Citations(d.Citations), d.Span)
            {
                IsSpecial = d.IsSpecial,
                Bases = d.Bases.Select(b => b.Text).Distinct(StringComparer.Ordinal).ToEquatableArray(),
                KindWord = d.KindWord?.Text,
                PurposeKinds = d.PurposeKinds.Select(k => k.Text).Distinct(StringComparer.Ordinal).ToEquatableArray(),
                Address = d.Address?.Value,
                Lifetime = Lifetime(d.Lifetime),
                Vendor = d.Vendor is null ? null : _symbols.ResolveExact(d.Vendor, DeclarationKind.Recipient, "A tracker's vendor is one"),
                VendorPurposes = d.Vendor is null ? EquatableArray<string>.Empty : _symbols.Resolve(d.VendorPurposes, DeclarationKind.Purpose),
                VendorCountries = d.Vendor is null ? EquatableArray<string>.Empty : _symbols.ResolveCountries(d.VendorCountries),
            }).OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray();

        private EquatableArray<PolicyTest> Tests()
        {
            var tests = new List<PolicyTest>();
            var names = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
            foreach (var test in _syntax.Tests)
            {
                if (names.TryGetValue(test.Name.Value, out var previous))
                {
                    _diagnostics.At(test.Name.Span).DuplicateDeclaration("test", test.Name.Value, previous.Line);
                }
                else
                {
                    names.Add(test.Name.Value, test.Span);
                }
                tests.Add(new PolicyTest(test.Name.Value, test.Expectations.Select(e => new Expectation(e.Allow, Question(e.Question), e.Span)).ToEquatableArray(), test.Span)
                {
                    Facts = test.Facts.Select(f => new FactExpectation(f.Holds, Fact(f.Statement), f.Span)).ToEquatableArray(),
                });
            }
            return tests.ToEquatableArray();
        }

        private Question Question(QuestionSyntax q) => Question(q, _diagnostics);

        /// <summary>Binds a question; its problems go to <paramref name="diagnostics"/> (a question may come from outside the file).</summary>
        public Question Question(QuestionSyntax q, DiagnosticBag diagnostics)
        {
            var symbols = ReferenceEquals(diagnostics, _diagnostics) ? _symbols : _symbols.ReportingTo(diagnostics);
            var values = new string?[q.Verb.Dimensions.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var dimension = q.Verb.Dimensions[i];
                var value = q.Values[i];
                values[i] = dimension.Vocabulary is { } words ? Word(value, words, diagnostics)
                    : value is null ? null
                    : dimension.Names is { } kind ? symbols.ResolveExact(value, kind) ?? value.Text
                    : symbols.ResolveOneCountry(value);
            }
            return new Question(
                q.Verb,
                symbols.ResolveExact(q.Category, DeclarationKind.Category) ?? q.Category.Text,
                new EquatableArray<string?>(values),
                q.Conditions.Select(c => symbols.ResolveExact(c, DeclarationKind.Condition) ?? c.Text).ToEquatableArray());
        }

        /// <summary>
        /// A rule's values in each dimension of its verb: names resolved, countries checked, or the language's words
        /// checked and widened to the words they cover; an absent clause is "any".
        /// </summary>
        private EquatableArray<DimensionValues> Dimensions(DecisionVerb verb, EquatableArray<DimensionSyntax> clauses, bool prohibition = false)
        {
            var values = new DimensionValues[verb.Dimensions.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var clause = clauses[i];
                var dimension = verb.Dimensions[i];
                if (clause.Any || clause.IsAbsent)
                {
                    values[i] = DimensionValues.AnyValue;
                }
                else if (dimension.Vocabulary is { } words)
                {
                    if (clause.Examples) _diagnostics.At(clause.Span).ExamplesMeanNothing("the words of the language", "'" + dimension.Word + "' takes the language's words, which are no examples: leave 'such-as' out");
                    values[i] = prohibition ? AssertedInProhibition(dimension, clause) : new DimensionValues(false, Shared(Covered(words, clause.Names)));
                }
                else if (dimension.UnstatedWord is { } unstated && clause.Names.FirstOrDefault(n => n.Text == unstated) is { } word)
                {
                    if (clause.Examples) _diagnostics.At(clause.Span).ExamplesMeanNothing("'" + unstated + "'", "'" + unstated + "' says the text names no place: leave 'such-as' out");
                    values[i] = Unstated(dimension, clause, word, prohibition);
                }
                else
                {
                    values[i] = new DimensionValues(false, Shared(dimension.Names is { } kind ? _symbols.Resolve(clause.Names, kind) : _symbols.ResolveCountries(clause.Names)))
                    {
                        Examples = clause.Examples,
                    };
                }
            }
            // Shared like the lists of names: most statements of a policy repeat the dimensions of another.
            var dimensions = new EquatableArray<DimensionValues>(values);
            if (_sharedDimensions.TryGetValue(dimensions, out var shared)) return shared;
            _sharedDimensions.Add(dimensions, dimensions);
            return dimensions;
        }

        /// <summary>
        /// A place the text does not state (<see cref="DecisionDimension.UnstatedWord"/>): the jurisdiction's area, in a
        /// permission that names no country beside it. A prohibition names what it forbids, and without a jurisdiction
        /// there is no area to stand for: both are PC1022, and the clause then covers nothing.
        /// </summary>
        private DimensionValues Unstated(DecisionDimension dimension, DimensionSyntax clause, NameSyntax word, bool prohibition)
        {
            var home = HomeArea.Of(_jurisdiction);
            string? problem = prohibition ? "in a prohibition: a prohibition names the places it forbids, and this word names none"
                : clause.Names.Count > 1 ? "beside countries: the text either states where, or it does not"
                : home.IsEmpty ? "in a policy without a jurisdiction (as a country code): it stands for the jurisdiction's area" : null;
            if (problem is not null)
            {
                _diagnostics.At(word.Span).UnstatedPlaceMisused(word.Text, dimension.Word, problem);
                return new DimensionValues(false, EquatableArray<string>.Empty);
            }
            return new DimensionValues(false, Shared(home)) { Unstated = true };
        }

        EquatableArray<string> IDetailsBinder.Resolve(EquatableArray<NameSyntax> names, DeclarationKind kind) => _symbols.Resolve(names, kind);

        string? IDetailsBinder.ResolveOne(NameSyntax name, DeclarationKind kind, string one) => _symbols.ResolveExact(name, kind, one);

        string IDetailsBinder.Word(NameSyntax word, Vocabulary vocabulary) => Word(word, vocabulary);

        Provision? IDetailsBinder.Provision(ProvisionSyntax? provision) => Provision(provision);

        DiagnosticBuilder IDetailsBinder.At(SourceSpan span) => _diagnostics.At(span);

        /// <summary>
        /// The words a permission's list covers (<c>as pseudonymised</c>: pseudonymised, anonymised and aggregated),
        /// sorted as the evaluator looks them up; an unknown word is reported and covers nothing.
        /// </summary>
        private EquatableArray<string> Covered(DimensionVocabulary words, EquatableArray<NameSyntax> names)
        {
            var covered = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (words.Contains(name.Text)) covered.UnionWith(words.Covered(name.Text));
                else UnknownWord(_diagnostics, name, words.Description, words.Words);
            }
            return covered.ToEquatableArray();
        }

        /// <summary>
        /// A prohibition applies to data in every form: which forms it would spare is what the permissions say, so
        /// a form there is reported and the prohibition kept for every form.
        /// </summary>
        private DimensionValues AssertedInProhibition(DecisionDimension dimension, DimensionSyntax clause)
        {
            _diagnostics.At(clause.Span).AssertionInProhibition(dimension.Word, string.Join(", ", clause.Names.Select(n => n.Text)), dimension.Vocabulary!.Description);
            return DimensionValues.AnyValue;
        }

        private EquatableArray<string> Categories(EquatableArray<PatternSyntax> patterns) => Shared(_symbols.ResolveCategories(patterns));

        /// <summary>
        /// One instance of each list of names: a policy of thousands of statements repeats a few hundred lists, and
        /// every instance the model keeps is one more for the garbage collector to trace on each collection.
        /// </summary>
        private EquatableArray<string> Shared(EquatableArray<string> names)
        {
            if (names.IsEmpty) return names;
            if (_sharedNames.TryGetValue(names, out var shared)) return shared;
            _sharedNames.Add(names, names);
            return names;
        }

        private EquatableArray<Citation> RequiredCitations(MemberSyntax member)
        {
            if (member.Citations.IsEmpty)
            {
                _diagnostics.At(KeywordSpan(member)).MissingCitation(member is DeclarationSyntax ? "declaration" : "statement");
            }
            return Citations(member.Citations);
        }

        private static EquatableArray<Citation> Citations(EquatableArray<CitationSyntax> citations)
        {
            if (citations.IsEmpty) return EquatableArray<Citation>.Empty;
            var bound = new Citation[citations.Count];
            for (var i = 0; i < bound.Length; i++) bound[i] = new Citation(citations[i].Section?.Text, citations[i].Excerpt?.Value, citations[i].Span);
            return new EquatableArray<Citation>(bound);
        }

        private static SourceSpan KeywordSpan(MemberSyntax member) =>
            new(member.Span.Start, Math.Min(member.Keyword.Length, member.Span.Length), member.Span.Line, member.Span.Column);

        /// <summary>Labels of one text; a language given twice is reported.</summary>
        private EquatableArray<Label> Labels(EquatableArray<LabelSyntax> labels)
        {
            var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
            foreach (var label in labels)
            {
                if (seen.TryGetValue(label.Language, out var first))
                {
                    _diagnostics.At(label.Span).DuplicateClause("label in '" + label.Language + "'", first.Line);
                }
                else
                {
                    seen.Add(label.Language, label.Span);
                }
            }
            return ToLabels(labels);
        }

        private static EquatableArray<Label> ToLabels(EquatableArray<LabelSyntax> labels) =>
            labels.GroupBy(l => l.Language, StringComparer.Ordinal).Select(g => new Label(g.Key, g.First().Text.Value)).ToEquatableArray();

        /// <summary>A question's word of the language (its form of data): the first word when it names none.</summary>
        private static string Word(NameSyntax? word, DimensionVocabulary words, DiagnosticBag diagnostics)
        {
            if (word is null) return words.Default;
            if (!words.Contains(word.Text))
            {
                UnknownWord(diagnostics, word, words.Description, words.Words);
            }
            return word.Text;
        }

        /// <summary>
        /// A right, its channels checked: a channel is named once, first or as a fallback. Two statements of one right
        /// for the same purposes are one member of the rights interface, so they must say the same of it.
        /// </summary>
        private RightGrant Right(RightSyntax r, List<RightGrant> earlier, bool cited)
        {
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var channel in r.Channels.Concat(r.Fallbacks.SelectMany(f => f)))
            {
                if (!named.Add(channel.Text)) _diagnostics.At(channel.Span).ChannelNamedTwice("channel", channel.Text);
            }
            var grant = new RightGrant(
                Word(r.Right, Vocabulary.Right), _symbols.Resolve(r.Purposes, DeclarationKind.Purpose),
                _symbols.Resolve(r.Channels, DeclarationKind.Channel), r.Within is null ? null : Duration(r.Within),
                Consequences(r.Consequences), CitationsOf(r, cited), r.Span)
            {
                WrittenPurposes = r.Purposes.Select(p => p.Text).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray(),
                Fallbacks = r.Fallbacks.Select(f => _symbols.Resolve(f, DeclarationKind.Channel)).ToEquatableArray(),
                AtAnyTime = r.AtAnyTime,
                Requires = _symbols.Resolve(r.Requires, DeclarationKind.Condition),
                Conditions = _symbols.Resolve(r.Conditions, DeclarationKind.Condition),
            };
            if (earlier.FirstOrDefault(e => e.DistinctName == grant.DistinctName && !e.SameTerms(grant)) is { } other)
            {
                _diagnostics.At(r.Right.Span).RightStatedDifferently(grant.DistinctName, other.Span.Line);
            }
            return grant;
        }

        private ConsentRule Consent(ConsentSyntax c, bool cited) => new(
            c.Topic.Text, _symbols.Resolve(c.Purposes, DeclarationKind.Purpose), c.Form is null ? null : Word(c.Form, Vocabulary.ConsentForm),
            _symbols.Resolve(c.WithdrawChannels, DeclarationKind.Channel), CitationsOf(c, cited), c.Span)
        {
            Consequences = Consequences(c.Consequences),
        };

        /// <summary>
        /// What a right or a consent entails: effects, each named once (PC1024 otherwise), in order and once each, as
        /// the other lists: what it entails is a set.
        /// </summary>
        private EquatableArray<string> Consequences(EquatableArray<NameSyntax> consequences)
        {
            var effects = new HashSet<string>(StringComparer.Ordinal);
            foreach (var consequence in consequences)
            {
                if (!effects.Add(consequence.Text)) _diagnostics.At(consequence.Span).ChannelNamedTwice("consequence", consequence.Text);
            }
            return consequences.Select(c => Named(c, DeclarationKind.Effect)).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray();
        }

        private DutyRule Duty(DutySyntax d, bool cited) =>
            new(Word(d.Duty, Vocabulary.Duty), d.By is null ? null : _symbols.ResolveExact(d.By, DeclarationKind.Subject, "A duty is of one"), Labels(d.Labels), CitationsOf(d, cited), d.Span);

        /// <summary>A statement's citations: required of the policy's statements, none in what a test block expects of them.</summary>
        private EquatableArray<Citation> CitationsOf(MemberSyntax member, bool cited) => cited ? RequiredCitations(member) : EquatableArray<Citation>.Empty;

        /// <summary>
        /// What an <c>expect</c> line asks the policy to state, bound as the statement it is written as: a retention of one
        /// category (for each purpose named, on the conditions given), a right (whose <c>on</c> are the conditions given),
        /// a consent or a duty.
        /// </summary>
        private StatedFact Fact(MemberSyntax statement)
        {
            switch (statement)
            {
                case RetainSyntax r:
                    var category = _symbols.ResolveExact(new NameSyntax(r.Categories[0].Text, r.Categories[0].Span), DeclarationKind.Category) ?? r.Categories[0].Text;
                    // The purposes are asked each, resolved once here (not again as a statement's list).
                    var purposes = r.Purposes.Select(p => _symbols.ResolveExact(p, DeclarationKind.Purpose) ?? p.Text).ToEquatableArray();
                    var expected = Retention(r with { Purposes = EquatableArray<NameSyntax>.Empty }, new EquatableArray<string>(new[] { category }), cited: false) with { Purposes = purposes };
                    return new RetentionFact(category, purposes, expected.Conditions, expected);
                case RightSyntax r:
                    return new RightFact(Right(r, new List<RightGrant>(), cited: false));
                case ConsentSyntax c:
                    return new ConsentFact(Consent(c, cited: false));
                case DutySyntax d:
                    return new DutyFact(Duty(d, cited: false));
                default:
                    throw new InvalidOperationException("an 'expect' line cannot be about '" + statement.Keyword + "'");
            }
        }

        /// <summary>PC1025 at a list of examples where nothing records them: the formatter would keep a word that means nothing.</summary>
        private void ExamplesMeanNothing(EquatableArray<PatternSyntax> patterns, string where, string help)
        {
            if (patterns.FirstOrDefault(p => p.Examples) is { } first) _diagnostics.At(first.Span).ExamplesMeanNothing(where, help);
        }

        /// <summary>
        /// An event or an effect as the statement names it. Neither needs a declaration; a declaration gives it labels for
        /// the documents. Once a policy declares one of a kind, every name of that kind must be declared, so that a typo
        /// is reported rather than taken for a new event.
        /// </summary>
        private string Named(NameSyntax name, DeclarationKind kind) =>
            _symbols.NamesOf(kind).Count == 0 ? name.Text
                : _symbols.ResolveExact(name, kind, "A statement refers to one") ?? name.Text;

        private string? NamedOrNull(NameSyntax? name, DeclarationKind kind) => name is null ? null : Named(name, kind);

        /// <summary>A retention statement: several ends need the word that combines them, and one end has nothing to combine.</summary>
        private RetentionRule Retention(RetainSyntax r, EquatableArray<string> categories, bool cited)
        {
            var ends = r.Ends.Select(e => new RetentionEnd(e.Duration is null ? null : Duration(e.Duration), NamedOrNull(e.After, DeclarationKind.Event), NamedOrNull(e.Until, DeclarationKind.Event))).ToEquatableArray();
            var whichever = r.Whichever is null ? null : Word(r.Whichever, Vocabulary.RetentionCombination);
            if (r.Ends.Count > 1 && r.Whichever is null) _diagnostics.At(r.Ends[1].Span).RetentionEndsNotCombined(r.Ends.Count);
            if (r.Ends.Count == 1 && r.Whichever is not null) _diagnostics.At(r.Whichever.Span).RetentionEndsNotCombined(1);
            return new RetentionRule(categories, ends, CitationsOf(r, cited), r.Span)
            {
                Purposes = _symbols.Resolve(r.Purposes, DeclarationKind.Purpose),
                Whichever = whichever,
                Then = r.Then is null ? RetentionWords.Delete : Word(r.Then, Vocabulary.RetentionAction),
                Conditions = _symbols.Resolve(r.Conditions, DeclarationKind.Condition),
            };
        }

        private string Word(NameSyntax word, Vocabulary vocabulary)
        {
            if (!vocabulary.Contains(word.Text))
            {
                UnknownWord(_diagnostics, word, vocabulary.Description, vocabulary.Words);
            }
            return word.Text;
        }

        /// <summary>A word outside the language's words for it: PC1006 at the word, with the closest word and the list.</summary>
        private static void UnknownWord(DiagnosticBag diagnostics, NameSyntax word, string description, IReadOnlyList<string> words) =>
            diagnostics.At(word.Span).UnknownVocabularyWord(description, word.Text, Suggestions.Closest(word.Text, words), words);

        private Provision? Provision(ProvisionSyntax? provision) => provision is null ? null : new Provision(
            provision.Required,
            provision.Requirement is null ? null : Word(provision.Requirement, Vocabulary.Requirement),
            NamedOrNull(provision.Consequence, DeclarationKind.Effect));

        private string? Date(DateSyntax date)
        {
            if (DateTime.TryParseExact(date.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return date.Text;
            }
            _diagnostics.At(date.Span).InvalidDate(date.Text);
            return null;
        }

        private Duration Duration(DurationSyntax duration)
        {
            Word(duration.Unit, Vocabulary.DurationUnit);
            if (!int.TryParse(duration.Amount.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1 || amount > MaxDurationAmount)
            {
                _diagnostics.At(duration.Amount.Span).NumberOutOfRange(duration.Amount.Text, MaxDurationAmount);
                amount = 0;
            }
            return new Duration(amount, duration.Unit.Text);
        }
    }
}
