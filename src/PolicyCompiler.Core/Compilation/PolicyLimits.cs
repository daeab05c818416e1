namespace PolicyCompiler.Compilation;

/// <summary>
/// The limits of what the compiler accepts, each enforced with a diagnostic (never by truncating or
/// overflowing): a policy past one of them is refused with the limit and a way out. They sit far above
/// real policies (the seeds are 40 KB, a few dozen names per kind) and below what would make the generated
/// guards fail to compile or the compiler run out of memory.
/// </summary>
public static class PolicyLimits
{
    /// <summary>
    /// The largest policy or legal-text file, in bytes (a decoded text may have at most as many characters).
    /// 10 MiB holds the 100,000 statements of the largest benchmark policy, whose compile peaks under 500 MB.
    /// </summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>
    /// The longest name, in characters. A name becomes a C# identifier (with a prefix or suffix of a few
    /// letters), and C# refuses identifiers longer than 511 characters.
    /// </summary>
    public const int MaxNameLength = 128;

    /// <summary>The deepest name: parts separated by dots, each a level of the name hierarchy that patterns cover.</summary>
    public const int MaxNameParts = 16;

    /// <summary>How deep groups may name groups: resolution recurses per level, and no text needs more than a few.</summary>
    public const int MaxGroupDepth = 32;

    /// <summary>
    /// The most names of one kind (categories, purposes, recipients, …): those of the first kinds are rows and
    /// columns of the guards' tables, and every kind is a C# enum or a list in the documents.
    /// </summary>
    public const int MaxNamesPerKind = 4_096;

    /// <summary>
    /// The most cells of one guard table (categories × purposes, categories × recipients × purposes, …). The
    /// tables are arrays indexed by int arithmetic and written out as C# array initialisers; past a million
    /// cells the generated file would be tens of megabytes for one look-up.
    /// </summary>
    public const int MaxTableCells = 1 << 20;

    /// <summary>
    /// The most rule entries of one guard table: a rule is listed in every cell it decides, so a statement
    /// over '*' and twenty purposes is 4,000 entries of a 200-category policy. Each entry is an element of
    /// two generated arrays; two million keep the generated file under a hundred megabytes.
    /// </summary>
    public const int MaxTableEntries = 1 << 21;

    /// <summary>
    /// The largest guards, in characters of C# as <see cref="GuardCodeSize"/> estimates them before emitting:
    /// the C# compiler's time and memory grow with the file (measured with <c>bench … guard-compile</c>; see
    /// the README), and a policy under the limits must never yield guards a consumer's build cannot compile.
    /// </summary>
    public const long MaxGuardChars = 40_000_000;

    /// <summary>The most conditions a policy may declare: the generated guards pass them as bits of a 64-bit mask.</summary>
    public const int MaxConditions = 64;

    /// <summary>A name as a message quotes it: a name past <see cref="MaxNameLength"/> may be megabytes long, so only its start.</summary>
    public static string Quoted(string name) => name is null || name.Length <= MaxNameLength ? name ?? string.Empty : name.Substring(0, 40) + "…";
}
