using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace PolicyCompiler.Tests.Generator;

/// <summary>
/// A consumer project built with <c>dotnet build</c>, the generator and analyzer loaded as the package loads
/// them (three assemblies side by side), to see what a developer sees in the build output.
/// </summary>
public sealed class ConsumerBuildTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("policyc-consumer-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public void Dotnet_build_reports_policy_errors_at_the_policy_file_and_honours_editorconfig_severities()
    {
        var analyzers = string.Concat(new[] { "PolicyCompiler.Generator.dll", "PolicyCompiler.Core.dll", "Sprache.dll" }
            .Select(dll => $"    <Analyzer Include=\"{Path.Combine(AppContext.BaseDirectory, dll)}\" />\n"));
        File.WriteAllText(Path.Combine(_project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
            {analyzers}    <AdditionalFiles Include="policies/**/*.policy" />
              </ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(_project, "policies"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Cases", "Analyzer", "shop.policy"), Path.Combine(_project, "policies", "shop.policy"));
        File.WriteAllText(Path.Combine(_project, "policies", "broken.policy"), "policy broken {\n  category contact.email ka \"ელფოსტა\" en \"email\" cites §1\n  process contact.email for\n}\n");
        File.WriteAllText(Path.Combine(_project, "Code.cs"), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "Analyzer", "PC5001.cs")).Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.PC5001.severity = warning\n");

        var (exit, output) = DotnetBuild(_project);

        Assert.NotEqual(0, exit);
        var broken = Path.Combine(_project, "policies", "broken.policy");
        Assert.Contains(broken + "(3,28): error PC0001: expected purpose name; found end of line", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_project, "Code.cs") + "(17,81): warning PC5001: 'Customer.Card' is personal data", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) DotnetBuild(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["build", project, "-nologo", "-clp:NoSummary", "-p:UseSharedCompilation=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build did not finish in five minutes");
        return (process.ExitCode, output.Result + error.Result);
    }
}
