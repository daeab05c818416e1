using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PolicyCompiler.Tests.Seeds;
using Xunit;

namespace PolicyCompiler.Tests.Review;

public sealed class TestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policyc-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_junit_report_of_the_seeds_has_one_passing_case_per_expectation()
    {
        var (exit, output, _) = Support.Cli.Run("test", SeedPolicies.Root, "--format", "junit");
        Assert.Equal(0, exit);
        var report = XDocument.Parse(output).Root!;
        var expected = SeedPolicies.All.Sum(seed => SeedPolicies.Compile(seed).Model!.Tests.Sum(t => t.Expectations.Count + t.Facts.Count));
        Assert.Equal(("testsuites", expected, 0), (report.Name.LocalName, (int)report.Attribute("tests")!, (int)report.Attribute("failures")!));
        Assert.Equal(new[] { "eleven", "hetzner", "spar-online" }, report.Elements("testsuite").Select(s => (string)s.Attribute("name")!));
        Assert.Equal(expected, report.Descendants("testcase").Count());
        Assert.Empty(report.Descendants("failure"));
    }

    [Fact]
    public void A_failing_expectation_is_a_failure_with_its_explanation_and_hostile_names_stay_well_formed_xml()
    {
        var path = Path.Combine(_dir, "p.policy");
        File.WriteAllText(path, """
            policy p {
              category contact.email ka "ელფოსტა" en "email" cites §1
              purpose marketing ka "მარკეტინგი" en "marketing" basis consent cites §1
              process contact.email for marketing cites §2 "the excerpt"
            }
            test "names <&> \"and\" \u0001 control" {
              allow process contact.email for marketing
              deny process contact.email for marketing
            }
            """);

        var (exit, output, _) = Support.Cli.Run("test", path, "--format", "junit");

        Assert.Equal(1, exit);
        var report = XDocument.Parse(output).Root!;
        Assert.Equal((2, 1), ((int)report.Attribute("tests")!, (int)report.Attribute("failures")!));
        var failed = report.Descendants("testcase").Single(c => c.Element("failure") is not null);
        Assert.Equal("deny process contact.email for marketing", (string)failed.Attribute("name")!);
        Assert.Equal("p.names <&> \"and\" \uFFFD control", (string)failed.Attribute("classname")!);
        Assert.Equal(8, (int)failed.Attribute("line")!);
        var failure = failed.Element("failure")!;
        Assert.Equal("expected deny, got allow", (string)failure.Attribute("message")!);
        Assert.Contains("the excerpt", failure.Value, StringComparison.Ordinal);

        var text = Support.Cli.Run("test", path);
        Assert.Equal(1, text.Exit);
        Assert.EndsWith("1 passed, 1 failed\n", text.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("not a policy")]
    [InlineData("bad format")]
    public void Errors_are_one_line_and_exit_2(string problem)
    {
        var args = problem switch
        {
            "missing" => new[] { "test", Path.Combine(_dir, "nowhere.policy") },
            "not a policy" => new[] { "test", Path.Combine(SeedPolicies.Root, "eleven", "privacy-policy.ka.txt") },
            _ => new[] { "test", SeedPolicies.Root, "--format", "xml" },
        };
        var (exit, output, error) = Support.Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("policyc: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_junit_report_of_a_policy_with_errors_puts_no_diagnostics_where_the_xml_goes()
    {
        var path = Path.Combine(_dir, "broken.policy");
        File.WriteAllText(path, "policy broken {\n  category\n}\n");
        var (exit, output, error) = Support.Cli.Run("test", path, "--format", "junit");
        Assert.Equal((1, string.Empty), (exit, output));
        Assert.Contains("error PC0001", error, StringComparison.Ordinal);
    }
}
