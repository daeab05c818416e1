using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>Strings from a policy reach string constants and XML docs exactly, without breaking or injecting into them.</summary>
public sealed class EscapingTests
{
    /// <summary>Each hostile string as the policy writes it (with the language's escapes) and as it must come out.</summary>
    public static TheoryData<string, string> Hostile() => new()
    {
        { "a \\\"quoted\\\" word", "a \"quoted\" word" },
        { "back\\\\slash \\\\\\\" x", "back\\slash \\\" x" },
        { "*/ /* // end", "*/ /* // end" },
        { "</summary><script>alert(1)</script>", "</summary><script>alert(1)</script>" },
        { "{{interpolation}} {0} $\\\"{x}\\\"", "{{interpolation}} {0} $\"{x}\"" },
        { "#line 1 \\\"evil.cs\\\"", "#line 1 \"evil.cs\"" },
        { "line\\nbreak\\r\\nand more", "line\nbreak\r\nand more" },
        { "bell\\u0007 null-ish\\u0001 tab\\t", "bell\u0007 null-ish\u0001 tab\t" },
        { "rtl \\u202E gnp.exe \\u200F mark", "rtl \u202E gnp.exe \u200F mark" },
        { "ქართული ტექსტი „ციტატა“", "ქართული ტექსტი „ციტატა“" },
        { "&amp; <!-- --> ]]>", "&amp; <!-- --> ]]>" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_strings_survive_into_constants_and_docs_and_the_code_compiles(string written, string value)
    {
        var text = $$"""
            policy hostile {
              title ka "{{written}}" en "{{written}}"
              category contact.email ka "{{written}}" en "{{written}}" cites "{{written}}"
              purpose order ka "ა" en "{{written}}" basis contract cites §1 "{{written}}"
              process contact.email for order cites §1 "{{written}}"
            }
            """;
        var compilation = Compile.Text(text);
        Assert.False(compilation.HasErrors, Compile.Render(compilation));
        var source = GuardEmitter.Emit(compilation, new GuardEmitterOptions("Hostile")).Text;

        var (assembly, documentation) = CompileWithDocs(RuntimeEmitter.Emit(), source);

        // The string constant: the citation's excerpt, read back from the compiled guards.
        var check = assembly.GetType("Hostile.HostilePolicy")!.GetMethod("CheckProcess")!;
        var category = Enum.Parse(assembly.GetType("Hostile.Category")!, "ContactEmail");
        var purpose = Enum.Parse(assembly.GetType("Hostile.Purpose")!, "Order");
        var conditions = Enum.ToObject(assembly.GetType("Hostile.Conditions")!, 0);
        var form = Enum.Parse(assembly.GetType(RuntimeEmitter.Namespace + ".DataForm")!, "Identified");
        dynamic decision = check.Invoke(null, new[] { category, purpose, conditions, form })!;
        Assert.True((bool)decision.Allowed);
        Assert.Equal(value, (string)decision.Clause.Citations[0].Excerpt);

        // The XML doc of the enum member: the labels, as XML text. XML 1.0 cannot hold C0 control
        // characters, so those (and only those) appear as [U+XXXX]; line breaks become lines.
        var member = System.Xml.Linq.XDocument.Parse(documentation).Descendants("member").Single(m => (string)m.Attribute("name")! == "F:Hostile.Category.ContactEmail");
        var summary = string.Join("\n", member.Element("summary")!.Value.Split('\n').Select(l => l.Trim()));
        var expectedDoc = string.Concat(value.Select(c => c is '\n' ? "\n" : char.IsControl(c) && c != '\t' ? $"[U+{(int)c:X4}]" : c.ToString()));
        Assert.Contains(string.Join("\n", expectedDoc.Split('\n').Select(l => l.Trim())), summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Bidirectional_controls_reach_the_docs_as_character_references_never_raw()
    {
        const string Hidden = "rtl \u202E gnp.exe \u2066isolate\u2069 \u200F mark \u200B zero-width";
        var value = "rtl \u202E gnp.exe \u2066isolate\u2069 \u200F mark \u200B zero-width";
        var text = $$"""
            policy hostile {
              category contact.email ka "{{Hidden}}" en "{{Hidden}}" cites "{{Hidden}}"
              purpose order ka "ა" en "{{Hidden}}" basis contract cites §1 "{{Hidden}}"
              process contact.email for order cites §1 "{{Hidden}}"
            }
            """;
        var compilation = Compile.Text(text);
        Assert.False(compilation.HasErrors, Compile.Render(compilation));

        var source = GuardEmitter.Emit(compilation, new GuardEmitterOptions("Hostile")).Text;

        var raw = source.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format).ToList();
        Assert.True(raw.Count == 0, "raw format characters in the generated C#: " + string.Join(", ", raw.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains("rtl &#x202E; gnp.exe", source, StringComparison.Ordinal);
        var (_, documentation) = CompileWithDocs(RuntimeEmitter.Emit(), source);
        var member = System.Xml.Linq.XDocument.Parse(documentation).Descendants("member").Single(m => (string)m.Attribute("name")! == "F:Hostile.Category.ContactEmail");
        Assert.Contains(value, member.Element("summary")!.Value, StringComparison.Ordinal);
    }

    private static (Assembly Assembly, string Documentation) CompileWithDocs(params string[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, parse)).ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error, warningLevel: 9999);
        var compilation = CSharpCompilation.Create("Hostile" + Guid.NewGuid().ToString("N"), trees, Basic.Reference.Assemblies.Net80.References.All, options);
        using var peStream = new MemoryStream();
        using var docStream = new MemoryStream();
        var result = compilation.Emit(peStream, xmlDocumentationStream: docStream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return (Assembly.Load(peStream.ToArray()), System.Text.Encoding.UTF8.GetString(docStream.ToArray()));
    }
}
