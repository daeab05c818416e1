using System.CommandLine;

namespace PolicyCompiler.Cli;

/// <summary>Arguments several commands share, defined once so that they read the same everywhere.</summary>
internal static class CommonArguments
{
    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Policy files, or folders to search for *.policy files.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>--format text|json|sarif, for commands that report diagnostics.</summary>
    public static Option<string> Format(string what)
    {
        var format = new Option<string>("--format")
        {
            Description = $"How to print {what}: text (with source excerpts), json, or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        return format;
    }
}
