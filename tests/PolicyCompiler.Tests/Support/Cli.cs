using System.IO;
using PolicyCompiler.Cli;

namespace PolicyCompiler.Tests.Support;

/// <summary>Runs policyc in-process, capturing what it prints.</summary>
internal static class Cli
{
    public static (int Exit, string Output, string Error) Run(params string[] args) => RunWithInput(string.Empty, args);

    /// <summary>Runs policyc with <paramref name="input"/> as its standard input (UTF-8).</summary>
    public static (int Exit, string Output, string Error) RunWithInput(string input, params string[] args)
    {
        using var stdin = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(input));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PolicycApp.Run(args, stdin, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
