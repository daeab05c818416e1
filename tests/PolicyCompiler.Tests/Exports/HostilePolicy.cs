using System;
using PolicyCompiler.Compilation;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Exports;

/// <summary>A policy whose labels hold a hostile string, with a one-paragraph legal text, for the exports' escaping tests.</summary>
internal static class HostilePolicy
{
    /// <summary>
    /// Compiles <c>policy hostile { … }</c> with <paramref name="members"/>, in which <c>{0}</c> stands for the hostile
    /// string as a policy string literal writes it (backslashes, quotes and line breaks escaped).
    /// </summary>
    public static CompilationResult Compile(string hostile, string members)
    {
        var written = hostile.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        var policy = "policy hostile {\n  source \"legal.txt\"\n" + members.Replace("{0}", written, StringComparison.Ordinal) + "\n}\n";
        var compilation = PolicyCompilation.Compile(new SourceText(policy, "hostile.policy"),
            path => path == "legal.txt" ? LegalSource.Found(new SourceText("1. The clause.\n", path)) : LegalSource.NotFound);
        Assert.False(compilation.HasErrors, Support.Compile.Render(compilation));
        return compilation;
    }
}
