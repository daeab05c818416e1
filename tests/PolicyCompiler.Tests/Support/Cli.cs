using System.IO;
using PolicyCompiler.Cli;

namespace PolicyCompiler.Tests.Support;

/// <summary>Runs policyc in-process, capturing what it prints.</summary>
internal static class Cli
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PolicycApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
