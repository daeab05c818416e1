using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyCompiler.Diagnostics;
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generator;

/// <summary>
/// The purpose analyzer. Each PC5xxx code has a case, Cases/Analyzer/PCnnnn.cs, checked against
/// Cases/Analyzer/shop.policy; the case marks the one span where the code must be reported with [| |].
/// </summary>
public sealed class AnalyzerTests
{
    private static readonly string CaseDirectory = Path.Combine(AppContext.BaseDirectory, "Cases", "Analyzer");

    public static TheoryData<string> Codes() => new(DiagnosticCatalog.All.Select(d => d.Code).Where(c => c.StartsWith("PC5", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Case_reports_its_code_exactly_at_the_marked_span(string code)
    {
        var path = Path.Combine(CaseDirectory, code + ".cs");
        Assert.True(File.Exists(path), $"the analyzer code {code} has no case file Cases/Analyzer/{code}.cs");
        var (source, expected) = Markup(File.ReadAllText(path));

        var diagnostics = Analyze(source);

        var reported = Assert.Single(diagnostics);
        Assert.Equal(code, reported.Id);
        Assert.Equal(DiagnosticSeverity.Error, reported.Severity);
        Assert.Equal(expected, reported.Location.SourceSpan.Start..reported.Location.SourceSpan.End);
    }

    [Fact]
    public void PC5001_names_the_member_the_purpose_and_the_prohibition_with_its_citation()
    {
        var (source, _) = Markup(File.ReadAllText(Path.Combine(CaseDirectory, "PC5001.cs")));

        var message = Analyze(source).Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        Assert.StartsWith("'Customer.Card' is personal data of category 'payment.card', and the policy 'shop' does not permit processing it for the purpose 'marketing': prohibited by shop.policy line 12: never process payment.card for marketing (cites §3 \"ბარათის მონაცემები რეკლამისთვის არ გამოიყენება\")", message, StringComparison.Ordinal);
    }

    [Fact]
    public void PC5002_names_the_nearest_statement_and_the_condition_the_call_does_not_give()
    {
        const string source = """
            using Policies.Shop;
            public static class Checks
            {
                public static void Mail() => ShopPolicy.EnsureProcess(Category.ContactEmail, Purpose.Marketing);
            }
            """;

        var message = Assert.Single(Analyze(source)).GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("no statement of shop.policy permits it; nearest, line 11: process contact.email for marketing on consent-given (it holds only on consent-given, which is not given)", message, StringComparison.Ordinal);
    }

    private const string StorePolicy = """
        policy depot {
          jurisdiction GE
          category contact.email ka "ელფოსტა" en "email" cites §1
          purpose delivery ka "მიწოდება" en "delivery" basis contract cites §2
          purpose marketing ka "რეკლამა" en "marketing" basis consent cites §2
          recipient courier ka "კურიერი" en "courier" cites §3
          recipient ads ka "რეკლამა" en "ad network" cites §3
          share contact.email with courier for delivery cites §3
          store contact.email in GE cites §4
          store contact.email of citizens RU in RU cites §4
          transfer contact.email to RU basis consent cites §4
        }
        """;

    [Theory]
    // The citizenship and the user's country left to their default (no country): a store abroad is denied.
    [InlineData("DepotPolicy.MayStore(Category.ContactEmail, Country.US)", "store contact.email in US")]
    [InlineData("DepotPolicy.CheckStore(Category.ContactEmail, Country.US, citizenship: Country.None)", "store contact.email in US")]
    // The purpose left out: no share with the ad network for any purpose.
    [InlineData("DepotPolicy.MayShare(Category.ContactEmail, Recipient.Ads)", "share contact.email with ads")]
    [InlineData("DepotPolicy.MayShare(Category.ContactEmail, Recipient.Courier, Purpose.Marketing)", "share contact.email with courier for marketing")]
    // A Russian citizen's data stored in GE, which §4 keeps in RU.
    [InlineData("DepotPolicy.MayStore(Category.ContactEmail, Country.GE, citizenship: Country.RU)", "store contact.email of citizens RU in GE")]
    public void PC5002_judges_calls_that_leave_optional_arguments_to_their_defaults(string call, string question)
    {
        var source = "using Policies.Depot;\nusing PolicyCompiler.Runtime;\npublic static class Checks { public static object Call() => " + call + "; }\n";
        var (output, _, analyzer) = GeneratorHarness.Analyze(GeneratorHarness.Compilation(source), new MemoryAdditionalText("/repo/policies/depot.policy", StorePolicy));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var reported = Assert.Single(analyzer);
        Assert.Equal("PC5002", reported.Id);
        var message = reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(message.Contains("does not permit " + question + ":", StringComparison.Ordinal), message);
    }

    [Theory]
    [InlineData("DepotPolicy.MayStore(Category.ContactEmail, Country.GE)")]
    [InlineData("DepotPolicy.MayShare(Category.ContactEmail, Recipient.Courier)")]
    [InlineData("DepotPolicy.MayStore(Category.ContactEmail, Country.RU, citizenship: Country.RU)")]
    public void Calls_the_policy_permits_with_their_defaults_are_not_reported(string call)
    {
        var source = "using Policies.Depot;\nusing PolicyCompiler.Runtime;\npublic static class Checks { public static object Call() => " + call + "; }\n";
        var (output, _, analyzer) = GeneratorHarness.Analyze(GeneratorHarness.Compilation(source), new MemoryAdditionalText("/repo/policies/depot.policy", StorePolicy));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(analyzer);
    }

    [Fact]
    public void Writes_nameof_permitted_purposes_and_unmarked_code_are_not_reported()
    {
        const string source = """
            using Policies.Shop;
            public sealed class Customer
            {
                [PersonalData(Category.PaymentCard)] public string Card { get; set; } = "";
            }
            public static class Uses
            {
                [ServesPurpose(Purpose.Marketing)]
                public static void Clear(Customer customer) { customer.Card = ""; _ = nameof(customer.Card); }
                [ServesPurpose(Purpose.Delivery)]
                public static string Deliver(Customer customer) => customer.Card;
                public static string Unmarked(Customer customer) => customer.Card;
            }
            """;

        Assert.Empty(Analyze(source));
    }

    [Fact]
    public void A_lambda_serves_its_methods_purpose_and_a_method_without_one_its_types()
    {
        const string source = """
            using System;
            using Policies.Shop;
            public sealed class Customer
            {
                [PersonalData(Category.PaymentCard)] public string Card { get; set; } = "";
            }
            [ServesPurpose(Purpose.Marketing)]
            public static class Campaign
            {
                public static Func<Customer, string> Reader() => customer => customer.Card;
                [ServesPurpose(Purpose.Delivery)]
                public static string Deliver(Customer customer) => customer.Card;
            }
            """;

        var diagnostics = Analyze(source);

        var reported = Assert.Single(diagnostics);
        Assert.Equal("PC5001", reported.Id);
        Assert.Equal(10, reported.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    /// <summary>The analyzer's diagnostics; the case must compile (with the generated guards) without errors.</summary>
    private static Diagnostic[] Analyze(string source)
    {
        var policy = new MemoryAdditionalText(Path.Combine(CaseDirectory, "shop.policy"), File.ReadAllText(Path.Combine(CaseDirectory, "shop.policy")));
        var (output, generatorDiagnostics, analyzerDiagnostics) = GeneratorHarness.Analyze(GeneratorHarness.Compilation(source), policy);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return analyzerDiagnostics.ToArray();
    }

    /// <summary>The source without its [| |] marks, and the marked range.</summary>
    private static (string Source, Range Span) Markup(string text)
    {
        var start = text.IndexOf("[|", StringComparison.Ordinal);
        var end = text.IndexOf("|]", StringComparison.Ordinal) - 2;
        Assert.True(start >= 0 && end >= start, "the case marks no span with [| |]");
        return (text.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal), start..end);
    }
}
