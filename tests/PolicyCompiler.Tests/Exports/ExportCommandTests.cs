using System;
using System.IO;
using System.Linq;
using PolicyCompiler.Tests.Seeds;
using Xunit;

namespace PolicyCompiler.Tests.Exports;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("policyc-export-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Export_writes_the_record_in_each_language_for_each_policy_and_then_leaves_it_alone()
    {
        var (exit, output, error) = Support.Cli.Run("export", SeedPolicies.Root, "--format", "ropa", "--out", _out);
        Assert.True(exit == 0, output + error);
        // Only the format asked for.
        var written = Directory.GetFiles(_out).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "eleven.ropa.en.csv", "eleven.ropa.ka.csv", "hetzner.ropa.en.csv", "hetzner.ropa.ka.csv", "spar-online.ropa.en.csv", "spar-online.ropa.ka.csv" }, written);
        // The file begins with a UTF-8 byte-order mark, so that a spreadsheet reads the Georgian as UTF-8.
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(Path.Combine(_out, "eleven.ropa.ka.csv")).Take(3));
        Assert.Contains("\r\n", File.ReadAllText(Path.Combine(_out, "eleven.ropa.ka.csv")), StringComparison.Ordinal);

        var again = Support.Cli.Run("export", SeedPolicies.Root, "--format", "ropa", "--out", _out);
        Assert.Equal(0, again.Exit);
        Assert.All(again.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("unchanged ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Several_formats_are_written_together()
    {
        var (exit, output, error) = Support.Cli.Run("export", SeedPolicies.PathOf("eleven/eleven.policy"), "--format", "dpv", "--format", "ropa", "--language", "ka", "--out", _out);
        Assert.True(exit == 0, output + error);
        Assert.Equal(new[] { "eleven.dpv.jsonld", "eleven.ropa.ka.csv" }, Directory.GetFiles(_out).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.StartsWith(PolicyCompiler.Exports.DpvJsonLd.Marker, File.ReadAllText(Path.Combine(_out, "eleven.dpv.jsonld")), StringComparison.Ordinal);
    }

    [Fact]
    public void One_export_is_printed_as_the_file_would_be_written()
    {
        var (exit, output, error) = Support.Cli.Run("export", SeedPolicies.PathOf("hetzner/hetzner.policy"), "--format", "ropa", "--language", "en");
        Assert.True(exit == 0, error);
        Assert.StartsWith("\uFEFFController and contact details,Data protection officer,", output, StringComparison.Ordinal);
        Assert.Contains("\r\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_exports_without_a_folder_are_refused_in_one_line()
    {
        var (exit, output, error) = Support.Cli.Run("export", SeedPolicies.PathOf("hetzner/hetzner.policy"), "--format", "ropa");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("policyc: this export is 2 files (hetzner.ropa.ka.csv, hetzner.ropa.en.csv); give --out <dir>, or one policy, one --format and one --language to print it\n", error);
    }

    [Fact]
    public void A_file_policyc_did_not_write_is_not_overwritten_and_nothing_of_the_set_is_written()
    {
        var mine = Path.Combine(_out, "hetzner.ropa.en.csv");
        File.WriteAllText(mine, "my,own,sheet\r\n");
        var (exit, _, error) = Support.Cli.Run("export", SeedPolicies.PathOf("hetzner/hetzner.policy"), "--format", "ropa", "--out", _out);
        Assert.Equal(2, exit);
        Assert.Contains("hetzner.ropa.en.csv: not written", error, StringComparison.Ordinal);
        Assert.Equal("my,own,sheet\r\n", File.ReadAllText(mine));
        Assert.False(File.Exists(Path.Combine(_out, "hetzner.ropa.ka.csv")));
    }

    [Fact]
    public void A_printed_export_holds_nothing_but_the_file_and_a_policy_with_errors_is_reported_on_the_error_stream()
    {
        var broken = Path.Combine(_out, "broken.policy");
        File.WriteAllText(broken, "policy broken {\n  category contact.email en \"email\"\n  process contact.email for nothing\n}\n");
        var (exit, output, error) = Support.Cli.Run("export", SeedPolicies.PathOf("hetzner/hetzner.policy"), broken, "--format", "dpv");
        Assert.Equal(1, exit);
        Assert.StartsWith(PolicyCompiler.Exports.DpvJsonLd.Marker, output, StringComparison.Ordinal);
        using (System.Text.Json.JsonDocument.Parse(output)) { }
        Assert.Contains("broken.policy", error, StringComparison.Ordinal);

        // Only the policy with errors: nothing to print, the errors' exit code, no usage message.
        var alone = Support.Cli.Run("export", broken, "--format", "dpv");
        Assert.Equal(1, alone.Exit);
        Assert.Equal(string.Empty, alone.Output);
        Assert.DoesNotContain("this export is", alone.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_written_before_its_headings_were_reworded_is_still_policycs_to_replace()
    {
        var path = Path.Combine(_out, "hetzner.ropa.ka.csv");
        File.WriteAllText(path, "\uFEFFa,b,c,d,e,f,g,h,i,j\r\n", new System.Text.UTF8Encoding(false));
        var (exit, output, error) = Support.Cli.Run("export", SeedPolicies.PathOf("hetzner/hetzner.policy"), "--format", "ropa", "--out", _out);
        Assert.True(exit == 0, output + error);
        Assert.Contains("wrote " + path.Replace('\\', '/'), output, StringComparison.Ordinal);
        Assert.NotEqual("\uFEFFa,b,c,d,e,f,g,h,i,j\r\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("--format", "xlsx")]
    [InlineData("--language", "de")]
    public void An_unknown_format_or_language_is_a_usage_error(string option, string value)
    {
        var args = option == "--format"
            ? new[] { "export", SeedPolicies.Root, option, value, "--out", _out }
            : new[] { "export", SeedPolicies.Root, "--format", "ropa", option, value, "--out", _out };
        var (exit, _, error) = Support.Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("policyc: ", error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out));
    }
}
