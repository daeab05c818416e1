using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Diagnostics;

/// <summary>
/// Every diagnostic of the catalog as a method with typed arguments, at one place of one file: the catalog
/// (<see cref="DiagnosticCatalog"/>) says what a code's message and help are; this is the only code that fills
/// them in. The "did you mean" of a suggestion and the help that shows a member's form are written here once.
/// A builder made with a sink (a file's diagnostics) reports what it builds there.
/// </summary>
public readonly struct DiagnosticBuilder
{
    private readonly string _path;
    private readonly SourceSpan _span;
    private readonly Action<Diagnostic>? _sink;

    private DiagnosticBuilder(string path, SourceSpan span, Action<Diagnostic>? sink)
    {
        _path = path;
        _span = span;
        _sink = sink;
    }

    /// <summary>A diagnostic at <paramref name="span"/> of <paramref name="text"/>, reported to <paramref name="sink"/> if given.</summary>
    public static DiagnosticBuilder At(SourceText text, SourceSpan span, Action<Diagnostic>? sink = null) => new((text ?? throw new ArgumentNullException(nameof(text))).Path, span, sink);

    /// <summary>A diagnostic at <paramref name="span"/> of the file at <paramref name="path"/>.</summary>
    public static DiagnosticBuilder At(string path, SourceSpan span) => new(path, span, null);

    /// <summary>A diagnostic about a whole file that could not be read as policy text (at 1:1).</summary>
    public static DiagnosticBuilder ForFile(string path) => new(path, new SourceSpan(0, 0, 1, 1), null);

    /// <summary>"Did you mean 'x'? ", or nothing without a suggestion; <paramref name="quoted"/> false for a section (§1.2).</summary>
    public static string DidYouMean(string? suggestion, bool quoted = true) =>
        suggestion is null ? string.Empty : "Did you mean " + (quoted ? "'" + suggestion + "'" : suggestion) + "? ";

    /// <summary>The help of a member that does not read as its form.</summary>
    public static string FormOf(string keyword, string form) => "The form of '" + keyword + "' is: " + form;

    // ---- PC0xxx: reading and syntax ----

    public Diagnostic SyntaxError(string expected, string found, string help) => Report(DiagnosticCatalog.SyntaxError, expected, found, help);

    public Diagnostic UnterminatedString() => Report(DiagnosticCatalog.UnterminatedString);

    public Diagnostic InvalidEscape(string escape) => Report(DiagnosticCatalog.InvalidEscape, escape);

    public Diagnostic UnterminatedComment() => Report(DiagnosticCatalog.UnterminatedComment);

    public Diagnostic MissingClosingBrace(string block, int openLine) => Report(DiagnosticCatalog.MissingClosingBrace, block, openLine);

    public Diagnostic InvalidUtf8(long offset) => Report(DiagnosticCatalog.InvalidUtf8, offset);

    public Diagnostic BinaryFile(long offset) => Report(DiagnosticCatalog.BinaryFile, offset);

    public Diagnostic TrailingText(string found, string keyword, string form) => Report(DiagnosticCatalog.TrailingText, found, keyword, form);

    public Diagnostic TooManyErrors(int shown) => Report(DiagnosticCatalog.TooManyErrors, shown);

    public Diagnostic UnknownStatement(string found, string? suggestion, IEnumerable<string> keywords) =>
        Report(DiagnosticCatalog.UnknownStatement, found, DidYouMean(suggestion) + "A statement starts with one of: " + string.Join(", ", keywords) + ".");

    /// <summary>PC0011 for a file of <paramref name="bytes"/> bytes, or of more than the limit where the length is not known (a stream).</summary>
    public Diagnostic FileTooLarge(long? bytes) =>
        Report(DiagnosticCatalog.FileTooLarge, bytes is { } known ? Number(known) : "more than " + Number(Compilation.PolicyLimits.MaxFileBytes), Number(Compilation.PolicyLimits.MaxFileBytes));

    // ---- PC1xxx: names and binding ----

    /// <summary>An undefined name; <paramref name="help"/> says what to do when there is no suggestion.</summary>
    public Diagnostic UndefinedName(DeclarationKind kind, string name, string? suggestion, string help) =>
        Report(DiagnosticCatalog.UndefinedName, Keywords.Of(kind), name, suggestion is null ? help : DidYouMean(suggestion).TrimEnd());

    public Diagnostic DuplicateDeclaration(string what, string name, int firstLine) => Report(DiagnosticCatalog.DuplicateDeclaration, what, name, firstLine);

    public Diagnostic InvalidDate(string date) => Report(DiagnosticCatalog.InvalidDate, date);

    /// <summary>PC1004; <paramref name="groups"/> are the country groups a list may also name (those every policy knows, then the policy's).</summary>
    public Diagnostic UnknownCountry(string code, string? suggestion, IEnumerable<string> groups) =>
        Report(DiagnosticCatalog.UnknownCountry, code, DidYouMean(suggestion) + "Countries are written as their two-letter ISO 3166-1 code in capitals, such as GE, DE or US; a list of countries may also name a group: " + string.Join(", ", groups) + ".");

    public Diagnostic WrongKindOfName(string name, DeclarationKind declared, DeclarationKind expected) =>
        Report(DiagnosticCatalog.WrongKindOfName, name, Keywords.Of(declared), Keywords.Of(expected));

    /// <summary>PC1005 for a name that is not a declaration: a group of another kind, or a group where one value is asked for.</summary>
    public Diagnostic WrongKindOfName(string name, string actually, string expected) =>
        Report(DiagnosticCatalog.WrongKindOfName, name, actually, expected);

    public Diagnostic ListCoversNothing(string what, string why) => Report(DiagnosticCatalog.ListCoversNothing, what, why);

    public Diagnostic GroupCycle(string group, string cycle) => Report(DiagnosticCatalog.GroupCycle, group, cycle);

    public Diagnostic GroupNameTaken(string group, string why) => Report(DiagnosticCatalog.GroupNameTaken, group, why);

    public Diagnostic ThirdCountriesWithoutJurisdiction(string group) => Report(DiagnosticCatalog.ThirdCountriesWithoutJurisdiction, group);

    public Diagnostic ExclusionRemovesNothing(string pattern) => Report(DiagnosticCatalog.ExclusionRemovesNothing, pattern);

    public Diagnostic DestinationAtHome(string destination, string jurisdiction, bool withTheEconomicArea, bool prohibited) => Report(
        DiagnosticCatalog.DestinationAtHome, destination, jurisdiction, withTheEconomicArea ? ", and with it the EEA" : string.Empty,
        prohibited ? "yet this prohibition still denies it" : "and the jurisdiction already permits it");

    public Diagnostic SafeguardAsBasis(string basis, string safeguard) => Report(DiagnosticCatalog.SafeguardAsBasis, basis, safeguard);

    public Diagnostic AssertionInProhibition(string word, string values, string description) => Report(DiagnosticCatalog.AssertionInProhibition, word, values, description);

    public Diagnostic GroupsTooDeep(string group, int depth, string chain, int limit) => Report(DiagnosticCatalog.GroupsTooDeep, group, depth, chain, limit);

    public Diagnostic UnknownVocabularyWord(string vocabulary, string word, string? suggestion, IEnumerable<string> words) =>
        Report(DiagnosticCatalog.UnknownVocabularyWord, vocabulary, word, DidYouMean(suggestion) + "A " + vocabulary + " is one of: " + string.Join(", ", words) + ".");

    public Diagnostic DuplicateClause(string what, int firstLine) => Report(DiagnosticCatalog.DuplicateClause, what, firstLine);

    public Diagnostic NumberOutOfRange(string number, int maximum) => Report(DiagnosticCatalog.NumberOutOfRange, number, maximum);

    public Diagnostic GuardNameCollision(string policy, string generated, string otherPolicy, string otherPath) =>
        Report(DiagnosticCatalog.GuardNameCollision, policy, generated, otherPolicy, otherPath);

    public Diagnostic NameTooLong(string quoted, int length, int limit) => Report(DiagnosticCatalog.NameTooLong, quoted, length, limit);

    public Diagnostic InvalidNamespace(string ns, string reason) => Report(DiagnosticCatalog.InvalidNamespace, ns, reason);

    public Diagnostic NameTooDeep(string quoted, int parts, int limit) => Report(DiagnosticCatalog.NameTooDeep, quoted, parts, limit);

    // ---- PC2xxx: legal citations ----

    public Diagnostic MissingCitation(string what) => Report(DiagnosticCatalog.MissingCitation, what);

    public Diagnostic LegalSourceNotFound(string source, string lookedFor) => Report(DiagnosticCatalog.LegalSourceNotFound, source, lookedFor);

    public Diagnostic LegalSourceOutsideFolder(string source) => Report(DiagnosticCatalog.LegalSourceOutsideFolder, source);

    public Diagnostic UnknownSection(string section, string source, string help) => Report(DiagnosticCatalog.UnknownSection, section, source, help);

    public Diagnostic ExcerptNotInSection(string section, string help) => Report(DiagnosticCatalog.ExcerptNotInSection, section, help);

    public Diagnostic ExcerptNotFound(string source, string help) => Report(DiagnosticCatalog.ExcerptNotFound, source, help);

    public Diagnostic InformativeButCited(string section, int line) => Report(DiagnosticCatalog.InformativeButCited, section, line);

    public Diagnostic UncoveredParagraphs(int uncovered, int paragraphs, string source, string listed) =>
        Report(DiagnosticCatalog.UncoveredParagraphs, uncovered, paragraphs, source, listed);

    public Diagnostic LegalSourceUnreadable(string source, string problem) => Report(DiagnosticCatalog.LegalSourceUnreadable, source, problem);

    public Diagnostic AmbiguousExcerpt(int paragraphs, string listed, string first) => Report(DiagnosticCatalog.AmbiguousExcerpt, paragraphs, listed, first);

    // ---- PC3xxx: semantics ----

    public Diagnostic PermissionOverlapsProhibition(string verb, int permissionLine, int prohibitionLine, string overlap) =>
        Report(DiagnosticCatalog.PermissionOverlapsProhibition, verb, permissionLine, prohibitionLine, overlap);

    public Diagnostic UnstatedPlaceMisused(string word, string clause, string problem) => Report(DiagnosticCatalog.UnstatedPlaceMisused, word, clause, problem);

    public Diagnostic RetentionEndsNotCombined(int ends) => Report(DiagnosticCatalog.RetentionEndsNotCombined,
        ends > 1 ? "this retention has " + ends.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ends and does not say which ends it: 'whichever first' or 'whichever later'"
                 : "'whichever' combines several ends, and this retention has one");

    public Diagnostic ChannelNamedTwice(string what, string name) => Report(DiagnosticCatalog.ChannelNamedTwice, what, name);

    public Diagnostic UnknownLintName(string name, string what, string? suggestion, string help) =>
        Report(DiagnosticCatalog.UnknownLintName, name, what, suggestion is null ? help : DidYouMean(suggestion) + help);

    public Diagnostic MalformedNumbersLine(string problem, string kinds) => Report(DiagnosticCatalog.MalformedNumbersLine, problem, kinds);

    public Diagnostic NumberedTwice(string problem) => Report(DiagnosticCatalog.NumberedTwice, problem);

    public Diagnostic NameWithoutNumber(string kind, string name, string numbersFile, int number) => Report(DiagnosticCatalog.NameWithoutNumber, kind, name, numbersFile, number);

    public Diagnostic NoNumbersFile(string policyFile, string numbersFile) => Report(DiagnosticCatalog.NoNumbersFile, policyFile, numbersFile);

    public Diagnostic GuardsCompiledFromACopy(string copy, string guardClass, string policy) => Report(DiagnosticCatalog.GuardsCompiledFromACopy, copy, guardClass, policy);

    public Diagnostic ExamplesMeanNothing(string where, string help) => Report(DiagnosticCatalog.ExamplesMeanNothing, where, help);

    public Diagnostic RightStatedDifferently(string right, int otherLine) => Report(DiagnosticCatalog.RightStatedDifferently, right, otherLine);

    public Diagnostic TrackerVendorAbroadNotTransferable(string tracker, string vendor, string categories, string places, string jurisdiction, string crossing, string refusal) =>
        Report(DiagnosticCatalog.TrackerVendorAbroadNotTransferable, tracker, vendor, categories, places, jurisdiction, crossing, refusal);

    public Diagnostic RetentionContradiction(int line, int otherLine, string scope) => Report(DiagnosticCatalog.RetentionContradiction, line, otherLine, scope);

    public Diagnostic StorageAbroadNotTransferable(string verb, int line, string category, string place, string jurisdiction, string crossing, string refusal) =>
        Report(DiagnosticCatalog.StorageAbroadNotTransferable, verb, line, category, place, jurisdiction, crossing, refusal);

    public Diagnostic TooManyConditions(int declared, int limit) => Report(DiagnosticCatalog.TooManyConditions, declared, limit);

    public Diagnostic TooManyNames(int declared, string kind, int limit) => Report(DiagnosticCatalog.TooManyNames, declared, kind, limit);

    public Diagnostic DecisionTableTooLarge(string table, long cells, string dimensions, long limit) =>
        Report(DiagnosticCatalog.DecisionTableTooLarge, table, Number(cells), dimensions, Number(limit));

    public Diagnostic DecisionTableTooManyEntries(string table, long entries, long limit) =>
        Report(DiagnosticCatalog.DecisionTableTooManyEntries, table, Number(entries), Number(limit));

    public Diagnostic GuardsTooLarge(Compilation.GuardCodeSize size, long limit) =>
        Report(DiagnosticCatalog.GuardsTooLarge, Number(size.Total),
            "statements with the text they quote " + Number(size.Statements) + ", decision tables " + Number(size.Tables) + ", names and the rest " + Number(size.Rest),
            Number(limit));

    // ---- PC4xxx: lint ----

    public Diagnostic MissingNoticeInformation(string check, string what, string law, string hint) =>
        Report(DiagnosticCatalog.MissingNoticeInformation, check, what, law, hint);

    public Diagnostic LawsApplied(string laws) => Report(DiagnosticCatalog.LawsApplied, laws);

    public Diagnostic FindingAcknowledged(string finding, string what, string law, string reason) =>
        Report(DiagnosticCatalog.FindingAcknowledged, finding, what, law, reason);

    public Diagnostic NothingToAcknowledge(string finding, string why) => Report(DiagnosticCatalog.NothingToAcknowledge, finding, why);

    // ---- PC5xxx: analyzer (the host places them in C#; only their words come from here) ----

    public Diagnostic PersonalDataReadForDeniedPurpose(string member, string category, string policy, string purpose, string why) =>
        Report(DiagnosticCatalog.PersonalDataReadForDeniedPurpose, member, category, policy, purpose, why);

    public Diagnostic GuardAlwaysDenies(string guard, string policy, string question, string why) =>
        Report(DiagnosticCatalog.GuardAlwaysDenies, guard, policy, question, why);

    public Diagnostic CountriesByPosition(string guard, int countries, int positional, string named) =>
        Report(DiagnosticCatalog.CountriesByPosition, guard, countries, positional, named);

    private Diagnostic Report(DiagnosticDescriptor descriptor, params object[] args)
    {
        var diagnostic = new Diagnostic(descriptor, _path, _span, descriptor.FormatMessage(args), descriptor.FormatHelp(args));
        _sink?.Invoke(diagnostic);
        return diagnostic;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
