using System.Collections.Generic;

namespace PolicyCompiler.Diagnostics;

/// <summary>
/// Every diagnostic the compiler can report, one code per condition. Ranges: PC0xxx syntax,
/// PC1xxx names and binding, PC2xxx legal citations, PC3xxx semantics, PC4xxx lint, PC5xxx analyzer.
/// Codes are never reused; the tests require a case for every entry.
/// </summary>
public static class DiagnosticCatalog
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;

    // ---- PC0xxx: reading and syntax ----

    public static readonly DiagnosticDescriptor SyntaxError = new(
        "PC0001", Error, "Syntax error",
        "expected {0}; found {1}",
        "{2}");

    public static readonly DiagnosticDescriptor UnterminatedString = new(
        "PC0002", Error, "Unterminated string",
        "unterminated string literal",
        "Close the string with '\"' on the same line; a string cannot span lines (write \\n for a line break).");

    public static readonly DiagnosticDescriptor InvalidEscape = new(
        "PC0003", Error, "Invalid escape sequence",
        "invalid escape sequence '{0}' in a string",
        "The escapes are \\\" \\\\ \\n \\r \\t and \\uXXXX (four hexadecimal digits).");

    public static readonly DiagnosticDescriptor UnterminatedComment = new(
        "PC0004", Error, "Unterminated comment",
        "unterminated block comment",
        "Close the comment with '*/'.");

    public static readonly DiagnosticDescriptor MissingClosingBrace = new(
        "PC0005", Error, "Missing closing brace",
        "expected '}}' to close the {0} opened at line {1}; found end of file",
        "Add '}}' after the last statement of the {0}.");

    public static readonly DiagnosticDescriptor InvalidUtf8 = new(
        "PC0006", Error, "Not UTF-8",
        "the file is not valid UTF-8 text (invalid byte, or the replacement character U+FFFD that stands for one, at offset {0})",
        "Save the file with UTF-8 encoding (from the original, if a conversion replaced characters with U+FFFD).");

    public static readonly DiagnosticDescriptor BinaryFile = new(
        "PC0007", Error, "Binary file",
        "the file looks binary (NUL byte at offset {0}), not like text",
        "Pass a .policy text file.");

    public static readonly DiagnosticDescriptor TrailingText = new(
        "PC0008", Error, "Text after the end of a statement",
        "unexpected {0} after the end of the '{1}' statement",
        "A statement ends with its last clause; put the next statement on a line of its own. The form of '{1}' is: {2}");

    public static readonly DiagnosticDescriptor TooManyErrors = new(
        "PC0009", Error, "Too many errors",
        "too many errors; stopped after {0}",
        "Fix the errors above and compile again.");

    public static readonly DiagnosticDescriptor UnknownStatement = new(
        "PC0010", Error, "Unknown statement",
        "expected a declaration or statement; found {0}",
        "{1}");

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "PC0011", Error, "File too large",
        "the file has {0} bytes; a policy or legal text may have at most {1} bytes",
        "Split the policy into several policies, or move long passages out of it.");

    // ---- PC1xxx: names and binding ----

    public static readonly DiagnosticDescriptor UndefinedName = new(
        "PC1001", Error, "Undefined name",
        "undefined {0} '{1}'",
        "{2}");

    public static readonly DiagnosticDescriptor DuplicateDeclaration = new(
        "PC1002", Error, "Duplicate declaration",
        "{0} '{1}' is already declared at line {2}",
        "Each name is declared once: rename one of the two or remove the duplicate.");

    public static readonly DiagnosticDescriptor InvalidDate = new(
        "PC1003", Error, "Invalid date",
        "'{0}' is not a valid date",
        "Write dates as YYYY-MM-DD with a month from 01 to 12 and a day that month has, e.g. 2021-11-22.");

    public static readonly DiagnosticDescriptor UnknownCountry = new(
        "PC1004", Error, "Unknown country code",
        "'{0}' is not an ISO 3166-1 alpha-2 country code",
        "{1}");

    public static readonly DiagnosticDescriptor WrongKindOfName = new(
        "PC1005", Error, "Wrong kind of name",
        "'{0}' is a {1}, not a {2}",
        "This position takes a {2}: use a {2} name or declare one.");

    public static readonly DiagnosticDescriptor UnknownVocabularyWord = new(
        "PC1006", Error, "Unknown word",
        "unknown {0} '{1}'",
        "{2}");

    public static readonly DiagnosticDescriptor DuplicateClause = new(
        "PC1007", Error, "Duplicate clause",
        "{0} is already given at line {1}",
        "Give the {0} once; remove one of the two.");

    public static readonly DiagnosticDescriptor NumberOutOfRange = new(
        "PC1008", Error, "Number out of range",
        "{0} is out of range; a duration is from 1 to {1}",
        "Write a whole number of days, weeks, months or years from 1 to {1}.");

    public static readonly DiagnosticDescriptor GuardNameCollision = new(
        "PC1009", Error, "Two policies generate the same guards",
        "the policy '{0}' generates {1}, and so does the policy '{2}' in {3}",
        "Rename one of the policies: their C# names (and namespaces) must differ in more than case and punctuation.");

    public static readonly DiagnosticDescriptor NameTooLong = new(
        "PC1010", Error, "Name too long",
        "the name '{0}' has {1} characters; a name may have at most {2}",
        "Shorten the name: it becomes a C# identifier of the generated guards; the labels carry the full wording.");

    public static readonly DiagnosticDescriptor NameTooDeep = new(
        "PC1011", Error, "Name too deep",
        "the name '{0}' has {1} parts; a name may have at most {2}",
        "Flatten the hierarchy: join parts with '-' instead of '.'.");

    public static readonly DiagnosticDescriptor InvalidNamespace = new(
        "PC1012", Error, "Invalid namespace",
        "'{0}' is not a namespace the guards can be generated in: {1}",
        "Give a dotted C# name such as Acme.Privacy.Guards: each part letters, digits and '_', not a C# keyword (write @class to use one), not '_' or 'global', and not System or PolicyCompiler, which the generated code refers to.");

    public static readonly DiagnosticDescriptor ListCoversNothing = new(
        "PC1013", Error, "List covers nothing",
        "{0} covers nothing: {1}",
        "A list must name something: remove the 'except' part that removes too much, or add members.");

    public static readonly DiagnosticDescriptor GroupCycle = new(
        "PC1014", Error, "Group includes itself",
        "the group '{0}' includes itself ({1})",
        "A group may name other groups of its kind, but not itself, directly or through others: name the members instead.");

    public static readonly DiagnosticDescriptor GroupNameTaken = new(
        "PC1015", Error, "Group name taken",
        "the group '{0}' cannot have this name: {1}",
        "Give the group a name of its own, such as '{0}-group'.");

    public static readonly DiagnosticDescriptor ExclusionRemovesNothing = new(
        "PC1016", DiagnosticSeverity.Warning, "Exclusion removes nothing",
        "'except {0}' removes nothing: the rest of the list does not cover it",
        "Remove it, or check that the list before 'except' is the one meant.");

    public static readonly DiagnosticDescriptor GroupsTooDeep = new(
        "PC1017", Error, "Groups nested too deep",
        "the group '{0}' names groups {1} deep ({2}); groups may name groups at most {3} deep",
        "Name the members of a deeper group directly instead of through another group.");

    public static readonly DiagnosticDescriptor DestinationAtHome = new(
        "PC1018", DiagnosticSeverity.Warning, "Destination within the jurisdiction",
        "'{0}' is within this policy's jurisdiction ({1}{2}): data moved there crosses no border, {3}",
        "A transfer is to a country outside the jurisdiction's area, and moving data within it needs no permission: a permission need not name '{0}'; a prohibition of it still denies.");

    public static readonly DiagnosticDescriptor SafeguardAsBasis = new(
        "PC1019", DiagnosticSeverity.Warning, "Safeguard given as the basis",
        "'basis {0}' names a safeguard, not a ground, beside 'safeguard {1}': the transfer's ground is not stated",
        "Write the ground as the basis (consent, contract, legal-claims, vital-interests, public-interest or law) and the safeguard after it: 'basis contract safeguard {1}'.");

    public static readonly DiagnosticDescriptor ThirdCountriesWithoutJurisdiction = new(
        "PC1020", Error, "Third countries without a jurisdiction",
        "'{0}' means the countries outside the policy's jurisdiction, and the policy states no jurisdiction (or not as a country code)",
        "Add 'jurisdiction <CC> cites …' to the header (the country whose law governs the notice), or name the countries.");

    public static readonly DiagnosticDescriptor AssertionInProhibition = new(
        "PC1021", Error, "Form of data in a prohibition",
        "a prohibition applies to data in every form, so '{0} {1}' cannot limit it: which {2} is allowed is for the permissions to say",
        "Remove '{0} {1}'. To allow only some forms, state the permission with '{0} <form>' (it covers that form and the less identifying ones) and prohibit nothing.");

    public static readonly DiagnosticDescriptor UnstatedPlaceMisused = new(
        "PC1022", Error, "Unstated place where it cannot stand",
        "'{1} {0}' cannot stand {2}",
        "'{1} {0}' says that the legal text discloses the act but not where: write it alone, in a permission of a policy with a jurisdiction (it stands for the jurisdiction's area); where the text names places, name them instead.");

    public static readonly DiagnosticDescriptor RetentionEndsNotCombined = new(
        "PC1023", Error, "Retention ends not combined",
        "{0}",
        "A retention with several ends says which one ends it: 'retain … for 24 months or until account-deletion whichever first' (or 'whichever later'); with one end, leave 'whichever' out.");

    public static readonly DiagnosticDescriptor ChannelNamedTwice = new(
        "PC1024", Error, "Name given twice in a right or a consent",
        "the {0} '{1}' is named twice in this statement",
        "Name each channel and each consequence once: 'via <channels>' are tried first, and each 'else <channels>' only where those before cannot serve the request ('via account else written-request, email').");

    public static readonly DiagnosticDescriptor ExamplesMeanNothing = new(
        "PC1025", Error, "Examples where they mean nothing",
        "'such-as' marks a list of examples, and {0} cannot record it",
        "{1}. 'such-as' stands before the categories or a dimension's names of a permission, where the text gives them as examples.");

    public static readonly DiagnosticDescriptor UnknownLintName = new(
        "PC1026", Error, "Not a law or a finding of the lint",
        "'{0}' is not {1}",
        "{2}");

    public static readonly DiagnosticDescriptor MalformedNumbersLine = new(
        "PC1027", Error, "A line of the numbers file that does not read",
        "{0}",
        "A line of a numbers file is '<kind> <number> <name>' (kinds: {1}); '#' starts a comment. 'policyc numbers --write' writes the lines a policy needs.");

    public static readonly DiagnosticDescriptor NumberedTwice = new(
        "PC1028", Error, "A name or a number given twice in the numbers file",
        "{0}",
        "Each name of a kind has one number and each number one name, for as long as the file lives: keep the line that came first (the number code may have stored) and remove the other.");

    public static readonly DiagnosticDescriptor NameWithoutNumber = new(
        "PC1029", DiagnosticSeverity.Warning, "A name the numbers file does not number",
        "{0} '{1}' has no number in {2}: this build numbers it {3}, which is not kept",
        "Run 'policyc numbers --write' to add it to {2} and commit the file, so that a stored value of it keeps its meaning.");

    public static readonly DiagnosticDescriptor NoNumbersFile = new(
        "PC1030", DiagnosticSeverity.Warning, "The policy's names have no committed numbers",
        "{0} has no numbers file ({1}): its enum values are the names' positions, and adding a name changes the others'",
        "Run 'policyc numbers --write' beside the policy and commit {1}: from then on every name keeps its number, and a removed name's number is never given again.");

    public static readonly DiagnosticDescriptor GuardsCompiledFromACopy = new(
        "PC1031", DiagnosticSeverity.Warning, "Guards compiled from a copy",
        "{0} declares {1}, the guards of the policy '{2}' that the generator writes: the copy is compiled instead, as policyc wrote it then, and does not follow the policy",
        "Take the file out of the project (<Compile Remove=\"{0}\" />, or write policyc build's output outside the project's folder): the generator writes the guards of every policy the project has.");

    // ---- PC2xxx: legal citations ----

    public static readonly DiagnosticDescriptor MissingCitation = new(
        "PC2001", Error, "Missing citation",
        "this {0} cites no legal text",
        "Every declaration and statement cites the paragraph it comes from: add 'cites §<section>', 'cites \"<verbatim excerpt>\"', or both.");

    public static readonly DiagnosticDescriptor LegalSourceNotFound = new(
        "PC2002", Error, "Legal source not found",
        "legal source '{0}' not found",
        "The path is relative to the policy file's folder; the compiler looked for '{1}'.");

    public static readonly DiagnosticDescriptor LegalSourceOutsideFolder = new(
        "PC2003", Error, "Legal source outside the policy's folder",
        "legal source '{0}' is not a relative path inside the policy's folder",
        "Keep the legal text next to the policy file (or in a folder below it) and name it by a relative path such as \"privacy-policy.ka.txt\".");

    public static readonly DiagnosticDescriptor UnknownSection = new(
        "PC2004", Error, "Unknown section",
        "§{0} is not a paragraph of '{1}'",
        "{2}");

    public static readonly DiagnosticDescriptor ExcerptNotInSection = new(
        "PC2005", Error, "Excerpt not in the cited section",
        "the excerpt does not occur in §{0}",
        "{1}");

    public static readonly DiagnosticDescriptor ExcerptNotFound = new(
        "PC2006", Error, "Excerpt not in the legal text",
        "the excerpt occurs nowhere in '{0}'",
        "{1}");

    public static readonly DiagnosticDescriptor UncoveredParagraphs = new(
        "PC2007", DiagnosticSeverity.Warning, "Paragraphs not covered",
        "{0} of {1} paragraphs of '{2}' are cited by no statement: {3}",
        "Cite each paragraph from the declarations and statements that encode it, or mark it 'informative §<id> \"<why it states nothing to encode>\"'.");

    public static readonly DiagnosticDescriptor LegalSourceUnreadable = new(
        "PC2008", Error, "Legal source unreadable",
        "legal source '{0}' cannot be read: {1}",
        "The legal text must be a UTF-8 text file.");

    public static readonly DiagnosticDescriptor AmbiguousExcerpt = new(
        "PC2009", Error, "Ambiguous excerpt",
        "the excerpt occurs in {0} paragraphs ({1}); a citation without a section must name one paragraph",
        "Add the section it cites: 'cites §{2} \"…\"'.");

    public static readonly DiagnosticDescriptor InformativeButCited = new(
        "PC2010", DiagnosticSeverity.Warning, "Paragraph marked informative that a statement cites",
        "§{0} is marked as stating nothing to encode, and the statement at line {1} cites it",
        "A paragraph a statement encodes is not informative: take it out of the 'informative' note (the coverage counts it as cited either way).");

    // ---- PC3xxx: semantics ----

    public static readonly DiagnosticDescriptor PermissionOverlapsProhibition = new(
        "PC3001", Error, "Permission overlaps a prohibition",
        "'{0}' at line {1} permits what 'never {0}' at line {2} prohibits ({3})",
        "A permission and a prohibition must not overlap: narrow one of them (for a verb that takes conditions, the prohibition may also be 'unless <condition>' and the permission 'on <condition>').");

    public static readonly DiagnosticDescriptor TooManyConditions = new(
        "PC3002", Error, "Too many conditions",
        "the policy declares {0} conditions; the generated guards support at most {1}",
        "Merge conditions that always hold together, or split the policy.");

    public static readonly DiagnosticDescriptor TooManyNames = new(
        "PC3003", Error, "Too many names of one kind",
        "the policy declares {0} {1}; the generated guards support at most {2}",
        "Group names under a common parent and write patterns, or split the policy.");

    public static readonly DiagnosticDescriptor DecisionTableTooLarge = new(
        "PC3004", Error, "Decision table too large",
        "the guards' {0} table would have {1} cells ({2}); they support at most {3}",
        "Declare fewer names along one of the table's dimensions (group them under a common parent), or split the policy.");

    public static readonly DiagnosticDescriptor DecisionTableTooManyEntries = new(
        "PC3005", Error, "Decision table with too many entries",
        "the guards' {0} table would list rules {1} times (a rule once in each cell it decides); they support at most {2}",
        "Statements over '*' or broad patterns with many names are listed in every cell they cover: narrow them, or split the policy.");

    public static readonly DiagnosticDescriptor GuardsTooLarge = new(
        "PC3006", Error, "Generated guards too large",
        "the guards would be about {0} characters of C# ({1}); the C# compiler is given at most {2}",
        "Statements that cite long paragraphs quote them in the guards once each: cite a shorter section or an excerpt; otherwise narrow broad statements, or split the policy.");

    public static readonly DiagnosticDescriptor StorageAbroadNotTransferable = new(
        "PC3007", Error, "Storage abroad that the transfer rules refuse",
        "'{0}' at line {1} keeps {2} in {3}, outside the jurisdiction ({4}): keeping data there is a {5}, and {6}",
        "Data kept abroad crosses the border, so the {5} rules must permit it on the same conditions: give the '{0}' statement the conditions they hold on ('on <condition>'), state the {5}, or keep the data within the jurisdiction.");

    public static readonly DiagnosticDescriptor RetentionContradiction = new(
        "PC3008", Error, "Retention statements that contradict each other",
        "'retain' at line {0} and at line {1} both answer for {2}, and end differently",
        "One scope has one retention: join the ends in one statement ('… or … whichever first|later'), or tell the statements apart by purpose ('retain … for <purpose> …') or by the condition a longer period holds on ('on <condition>').");

    public static readonly DiagnosticDescriptor RightStatedDifferently = new(
        "PC3009", Error, "A right stated twice, differently",
        "the right '{0}' is stated at line {1} too, and says otherwise there (channels, timing, requirements, consequences or conditions)",
        "One right for the same purposes is one member of the generated rights interface and one request: state it once, citing every paragraph that speaks of it, or state it for other purposes ('right … for <purposes>').");

    public static readonly DiagnosticDescriptor TrackerVendorAbroadNotTransferable = new(
        "PC3010", Error, "A tracker's vendor abroad that the transfer rules refuse",
        "the tracker '{0}' sends {2} to its vendor '{1}' in {3}, outside the jurisdiction ({4}): that is a {5}, and {6}",
        "What a tracker collects goes to its vendor as it is collected, so the {5} rules must permit it there on the collection's conditions: state the {5} as the text grounds it, or, where the text does not say where the vendor receives the data, leave out 'in …'.");

    // ---- PC4xxx: lint ----

    public static readonly DiagnosticDescriptor MissingNoticeInformation = new(
        "PC4001", DiagnosticSeverity.Warning, "Information a privacy notice must give is missing",
        "[{0}] the policy does not state {1} — {2}",
        "{3}");

    public static readonly DiagnosticDescriptor LawsApplied = new(
        "PC4002", DiagnosticSeverity.Info, "The laws the lint reads the policy under",
        "the lint reads the policy under {0}",
        "Name other laws with 'laws <law>, …' in the policy, or 'policyc lint --law <law>'.");

    public static readonly DiagnosticDescriptor FindingAcknowledged = new(
        "PC4003", DiagnosticSeverity.Info, "A finding the policy acknowledges",
        "[{0}] acknowledged: the policy does not state {1} — {2}; the policy says: {3}",
        "An acknowledged finding is the text's gap, not the policy's: it stays in every lint and review page until the text gives the information.");

    public static readonly DiagnosticDescriptor NothingToAcknowledge = new(
        "PC4004", DiagnosticSeverity.Warning, "An acknowledgement that acknowledges nothing",
        "'{0}' acknowledges nothing: {1}",
        "Remove it from 'acknowledge', so that the policy does not say the text is silent where it is not, or the same thing twice.");

    // ---- PC5xxx: the purpose analyzer (C# code that uses the guards) ----

    public static readonly DiagnosticDescriptor PersonalDataReadForDeniedPurpose = new(
        "PC5001", Error, "Personal data read for a purpose the policy does not permit",
        "'{0}' is personal data of category '{1}', and the policy '{2}' does not permit processing it for the purpose '{3}': {4}",
        "Read the data only in code that serves a purpose the policy permits, or change the policy (and have it reviewed).");

    public static readonly DiagnosticDescriptor GuardAlwaysDenies = new(
        "PC5002", Error, "A guard call that the policy always denies",
        "{0} always denies this: the policy '{1}' does not permit {2}: {3}",
        "The call can only deny (or throw): remove the code path, or change the policy (and have it reviewed).");

    public static readonly DiagnosticDescriptor CountriesByPosition = new(
        "PC5003", Error, "A guard's countries passed by position",
        "{0} takes {1} countries, and this call passes {2} of them by position: a location passed as a citizenship (or the other way round) would be asked, and answered, about other people",
        "Name each country argument: {3}.");

    /// <summary>The whole catalog, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        SyntaxError, UnterminatedString, InvalidEscape, UnterminatedComment, MissingClosingBrace,
        InvalidUtf8, BinaryFile, TrailingText, TooManyErrors, UnknownStatement, FileTooLarge,
        UndefinedName, DuplicateDeclaration, InvalidDate, UnknownCountry, WrongKindOfName,
        UnknownVocabularyWord, DuplicateClause, NumberOutOfRange, GuardNameCollision, NameTooLong, NameTooDeep, InvalidNamespace,
        ListCoversNothing, GroupCycle, GroupNameTaken, ExclusionRemovesNothing, GroupsTooDeep, DestinationAtHome, SafeguardAsBasis, ThirdCountriesWithoutJurisdiction, AssertionInProhibition, UnstatedPlaceMisused, RetentionEndsNotCombined, ChannelNamedTwice, ExamplesMeanNothing, UnknownLintName, MalformedNumbersLine, NumberedTwice, NameWithoutNumber, NoNumbersFile, GuardsCompiledFromACopy,
        MissingCitation, LegalSourceNotFound, LegalSourceOutsideFolder, UnknownSection, ExcerptNotInSection,
        ExcerptNotFound, UncoveredParagraphs, LegalSourceUnreadable, AmbiguousExcerpt, InformativeButCited,
        PermissionOverlapsProhibition, TooManyConditions, TooManyNames, DecisionTableTooLarge, DecisionTableTooManyEntries, GuardsTooLarge, StorageAbroadNotTransferable, RetentionContradiction, RightStatedDifferently, TrackerVendorAbroadNotTransferable,
        MissingNoticeInformation, LawsApplied, FindingAcknowledged, NothingToAcknowledge,
        PersonalDataReadForDeniedPurpose, GuardAlwaysDenies, CountriesByPosition,
    };
}
