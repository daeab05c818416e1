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
}
