using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;

namespace PolicyCompiler.Tests.Support;

internal static class Compile
{
    public static CompilationResult Text(string text, string path = "test.policy") => PolicyCompilation.Compile(text, path);

    public static string[] Codes(string text) => Text(text).Diagnostics.Select(d => d.Code).ToArray();

    /// <summary>The one diagnostic a text has, which must have <paramref name="code"/>.</summary>
    public static Diagnostic Only(string text, string code)
    {
        var diagnostic = Xunit.Assert.Single(Text(text).Diagnostics);
        Xunit.Assert.Equal(code, diagnostic.Code);
        return diagnostic;
    }

    /// <summary>"PC0001@3:7" for each diagnostic: code and position, compact enough to assert exactly.</summary>
    public static string[] Positions(string text) =>
        Text(text).Diagnostics.Select(d => $"{d.Code}@{d.Span.Line}:{d.Span.Column}").ToArray();

    /// <summary>The Markdown document of a compiled policy in one language (its code: <c>en</c>, <c>ka</c>).</summary>
    public static string Markdown(CompilationResult result, string language) =>
        PolicyCompiler.Docs.MarkdownDocument.Render(PolicyCompiler.Docs.FactsBuilder.Build(result), PolicyCompiler.Docs.DocLanguage.All.Single(l => l.Code == language));

    public static string Render(CompilationResult result) =>
        string.Concat(result.Diagnostics.Select(d => DiagnosticFormatter.Format(d, result.Text) + "\n"));

    /// <summary>A small valid policy to build test inputs from.</summary>
    public const string Header = """
        policy shop {
          title ka "კონფიდენციალურობა" en "Privacy"
          controller "SPAR" website "sparonline.ge"
          effective 2021-11-22
          jurisdiction GE
          subject customer ka "მომხმარებელი" en "customer" cites §1
          category contact.email ka "ელფოსტა" en "email" cites §1
          category contact.phone ka "ნომერი" en "phone" cites §1
          category payment.card ka "ბარათი" en "card" cites §1
          category special.health ka "ჯანმრთელობა" en "health" special cites §1
          purpose order ka "შეკვეთა" en "orders" basis contract cites §1
          purpose marketing ka "რეკლამა" en "advertising" basis consent cites §2
          recipient courier ka "კურიერი" en "delivery partner" kind processor cites §3
          condition law ka "კანონი" en "required by law" cites §3
          channel email ka "ელფოსტა" en "email" address "info@example.ge" cites §3
        """;

    /// <summary>The small policy with extra members and a closing brace.</summary>
    public static string Policy(string members) => Header + "\n" + members + "\n}\n";

    /// <summary>The line the first of the extra members of <see cref="Policy"/> is on.</summary>
    public const int FirstMemberLine = 16;
}

/// <summary>The lint under every law it knows: the small policy's jurisdiction alone would choose only the Georgian law.</summary>
internal static class LintAll
{
    public static System.Collections.Generic.IReadOnlyList<Diagnostic> Of(CompilationResult result) =>
        PolicyCompiler.Lint.Linter.Lint(result, PolicyCompiler.Lint.LintNames.Laws.ToList());
}
