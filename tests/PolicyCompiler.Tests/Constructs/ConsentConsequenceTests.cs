using System;
using System.Linq;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// What refusing or withdrawing a consent entails (issue 19, finding 15): Eleven §10.1, whoever does not accept the
/// terms must stop using the app at once — <c>consent terms consequence stop-using</c>.
/// </summary>
public sealed class ConsentConsequenceTests
{
    private const string Consent = "  consent terms consequence stop-using, close-account, stop-using cites §10\n";

    [Fact]
    public void A_consent_binds_its_consequences_as_a_set_and_decides_nothing_else()
    {
        var result = Compile.Text(Compile.Policy(Consent.Replace(", stop-using cites", " cites", StringComparison.Ordinal)));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "close-account", "stop-using" }, result.Model!.Consents.Single().Consequences);
        Assert.Equal(Compile.Text(Compile.Policy(string.Empty)).Model!.Permissions, result.Model.Permissions);
    }

    [Theory]
    [InlineData(Consent, "PC1024")]
    [InlineData("  effect stop-using ka \"x\" en \"stop\"\n  consent terms consequence stop-usin cites §10\n", "PC1001")]
    [InlineData("  consent terms consequence cites §10\n", "PC0001")]
    public void Misuse_is_an_error_at_the_name(string members, string code)
    {
        Assert.Contains(code, Compile.Codes(Compile.Policy(members)));
    }

    [Theory]
    [InlineData("expect consent terms consequence stop-using", true)]
    [InlineData("expect consent terms", true)]
    [InlineData("expect consent terms consequence stop-using, block-account", false)]
    [InlineData("expect no consent terms consequence stop-using", false)]
    public void An_expect_line_asks_for_the_consequences(string line, bool passes)
    {
        var text = Compile.Policy("  consent terms consequence stop-using cites §10\n") + "test \"t\" {\n  " + line + "\n}\n";
        var result = Compile.Text(text);
        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Equal(passes, PolicyTestRunner.RunAll(result.Model!).Single().Passed);
    }

    [Fact]
    public void The_formatter_prints_it_and_the_documents_give_consents_a_consequence_column_only_where_one_has_one()
    {
        var text = Compile.Policy("  effect stop-using ka \"შეწყვეტა\" en \"stop using the app\"\n  consent terms   consequence    stop-using cites §10\n");
        Assert.Contains("  consent terms consequence stop-using cites §10\n", PolicyFormatter.Format(new Text.SourceText(text, "t.policy")).Text!, StringComparison.Ordinal);
        Assert.Contains("stop using the app", Compile.Markdown(Compile.Text(text), "en"), StringComparison.Ordinal);
        Assert.Contains("შეწყვეტა", Compile.Markdown(Compile.Text(text), "ka"), StringComparison.Ordinal);
        Assert.DoesNotContain("| Consequence |", Compile.Markdown(Compile.Text(Compile.Policy("  consent terms cites §10\n")), "en"), StringComparison.Ordinal);
    }
}
