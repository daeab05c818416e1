using System;
using System.IO;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Formatting;

public sealed class FmtCommandTests : IDisposable
{
    private const string Untidy = "policy p {\n  category   a ka \"ა\"  en \"a\"   cites §1 // kept\n}\n";
    private const string Tidy = "policy p {\n  category a ka \"ა\" en \"a\" cites §1 // kept\n}\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("policyc-fmt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Standard_input_is_formatted_to_standard_output()
    {
        var (exit, output, error) = Support.Cli.RunWithInput(Untidy, "fmt");
        Assert.Equal((0, Tidy, string.Empty), (exit, output, error));
    }

    [Fact]
    public void Check_shows_the_change_and_exits_1_without_touching_the_file_then_write_makes_it_canonical()
    {
        var path = Write("p.policy", Untidy);

        var check = Support.Cli.Run("fmt", "--check", path);
        Assert.Equal(1, check.Exit);
        Assert.Contains("-  category   a ka", check.Output, StringComparison.Ordinal);
        Assert.Contains("+  category a ka", check.Output, StringComparison.Ordinal);
        Assert.Contains("1 of 1 file(s) not in canonical form", check.Output, StringComparison.Ordinal);
        Assert.Equal(Untidy, File.ReadAllText(path));

        var write = Support.Cli.Run("fmt", "--write", path);
        Assert.Equal(0, write.Exit);
        Assert.Contains("formatted ", write.Output, StringComparison.Ordinal);
        Assert.Equal(Tidy, File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir));

        Assert.Equal(0, Support.Cli.Run("fmt", "--check", path).Exit);
        Assert.Equal(0, Support.Cli.Run("fmt", "--write", path).Exit);
    }

    [Fact]
    public void The_seed_policies_pass_the_check()
    {
        var (exit, output, _) = Support.Cli.Run("fmt", "--check", SeedPolicies.Root);
        Assert.Equal(0, exit);
        Assert.Contains("3 file(s) in canonical form", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_syntax_errors_is_reported_and_left_as_it_is()
    {
        const string broken = "policy p {\n  category a ka \"ა\" en \"a\" cites\n}\n";
        var path = Write("broken.policy", broken);
        var (exit, output, error) = Support.Cli.Run("fmt", "--write", path);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error PC0001", error, StringComparison.Ordinal);
        Assert.Contains("not formatted: it has syntax errors", error, StringComparison.Ordinal);
        Assert.Equal(broken, File.ReadAllText(path));

        // From standard input too, nothing but formatted text goes to standard output.
        var piped = Support.Cli.RunWithInput(broken, "fmt");
        Assert.Equal((1, string.Empty), (piped.Exit, piped.Output));
    }

    [Fact]
    public void Write_through_a_symbolic_link_formats_the_file_it_names_and_keeps_the_link_and_the_mode()
    {
        if (OperatingSystem.IsWindows()) return;
        var target = Write("target.policy", Untidy);
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var link = Path.Combine(_dir, "link.policy");
        File.CreateSymbolicLink(link, target);

        Assert.Equal(0, Support.Cli.Run("fmt", "--write", link).Exit);

        Assert.Equal(Tidy, File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(target));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("mixed")]
    public void Check_on_unusual_line_endings_shows_a_diff_and_write_keeps_the_first_ending(string ending)
    {
        var text = ending == "mixed" ? Tidy.Replace("{\n", "{\r\n", StringComparison.Ordinal) : Untidy.Replace('\n', '\r');
        var path = Write("p.policy", text);
        var check = Support.Cli.Run("fmt", "--check", path);
        Assert.Equal(1, check.Exit);
        Assert.Contains("(formatted)", check.Output, StringComparison.Ordinal);

        Assert.Equal(0, Support.Cli.Run("fmt", "--write", path).Exit);
        Assert.Equal(ending == "mixed" ? Tidy.Replace("\n", "\r\n", StringComparison.Ordinal) : Tidy.Replace('\n', '\r'), File.ReadAllText(path));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("not-a-policy")]
    [InlineData("binary")]
    [InlineData("both-flags")]
    [InlineData("write-stdin")]
    [InlineData("several files, no flag")]
    [InlineData("bad option")]
    public void Usage_and_input_errors_are_one_line_and_exit_2(string problem)
    {
        var args = problem switch
        {
            "missing" => new[] { "fmt", Path.Combine(_dir, "nowhere.policy") },
            "not-a-policy" => new[] { "fmt", Write("README.md", "# not a policy\n") },
            "binary" => new[] { "fmt", Write("image.policy", "\u0000\u0001\u0002PNG") },
            "both-flags" => new[] { "fmt", "--check", "--write", Write("p.policy", Tidy) },
            "several files, no flag" => new[] { "fmt", Write("a.policy", Tidy), Write("b.policy", Tidy) },
            "bad option" => new[] { "fmt", "--chek" },
            _ => new[] { "fmt", "--write" },
        };
        var (exit, output, error) = Support.Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("policyc: ", error, StringComparison.Ordinal);
    }
}
