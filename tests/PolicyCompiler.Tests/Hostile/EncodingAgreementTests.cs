using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicyCompiler.Cli;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Hostile;

/// <summary>
/// The generator and the CLI decode a file by the same rules: whatever the encoding, both accept it or both refuse it
/// with the same diagnostic. The generator gets a file already decoded by its host, so it is tried with the two ways a
/// host decodes: Roslyn's <c>SourceText.From(stream)</c> (a byte order mark, else UTF-8 with replacement characters),
/// and the command-line compiler's (a byte order mark, else strict UTF-8, else the Windows-1252 code page).
/// </summary>
public sealed class EncodingAgreementTests
{
    private const string Policy = "// ქართული ტექსტი\npolicy p {\n}\n";

    private const string Legal = "1. ქართული ტექსტი\n";

    private const string CitingPolicy = "policy p {\n  source \"legal.txt\"\n  informative §1 \"a heading\"\n}\n";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var encoding in new[] { "utf-8", "utf-8 bom", "utf-16le bom", "utf-16be bom", "utf-32le bom", "utf-32be bom", "invalid utf-8", "latin-1", "nul", "undefined in 1252", "replacement character" })
        {
            foreach (var host in new[] { "SourceText.From", "csc" })
            {
                data.Add(encoding, host);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_policy_file_is_decoded_alike(string encoding, string host)
    {
        using var folder = new TempFolder();
        var bytes = Encode(Policy, encoding);
        var path = Path.Combine(folder.Path, "p.policy");
        File.WriteAllBytes(path, bytes);

        var cli = PolicyFiles.Read(path, new System.Collections.Generic.List<string>())!;
        var generator = RunGenerator(new HostText(path, bytes, host));

        var expected = cli.DecodeError is null ? "accepted" : cli.DecodeError.Code + ": " + cli.DecodeError.Message;
        Assert.Equal(expected, Outcome(generator, "p.policy"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_legal_text_is_decoded_alike(string encoding, string host)
    {
        using var folder = new TempFolder();
        var bytes = Encode(Legal, encoding);
        var policy = folder.File("p.policy", CitingPolicy);
        var legal = Path.Combine(folder.Path, "legal.txt");
        File.WriteAllBytes(legal, bytes);

        var (_, output, _) = Support.Cli.Run("check", policy);
        var generator = RunGenerator(new HostText(policy, Encoding.UTF8.GetBytes(CitingPolicy), host), new HostText(legal, bytes, host));

        var cliOutcome = output.Contains("error PC2008", StringComparison.Ordinal)
            ? output.Split('\n').First(l => l.Contains("error PC2008", StringComparison.Ordinal)).Split("error ")[1]
            : "accepted";
        Assert.Equal(cliOutcome, Outcome(generator, "p.policy"));
    }

    /// <summary>"accepted" when the generator emitted guards, else its decoding or legal-text diagnostic without the help.</summary>
    private static string Outcome((GeneratorRunResult Run, Diagnostic[] Diagnostics) generator, string policy)
    {
        var refusal = generator.Diagnostics.FirstOrDefault(d => d.Id is "PC0006" or "PC0007" or "PC0011" or "PC2008");
        if (refusal is not null)
        {
            var message = refusal.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var help = DiagnosticCatalogHelp(refusal.Id);
            return refusal.Id + ": " + (message.EndsWith(help, StringComparison.Ordinal) ? message[..^help.Length].TrimEnd(' ', '—', '-') : message);
        }
        Assert.Contains(generator.Run.GeneratedSources, s => s.HintName.EndsWith("P.g.cs", StringComparison.Ordinal));
        return "accepted";
    }

    private static string DiagnosticCatalogHelp(string code) => PolicyCompiler.Diagnostics.DiagnosticCatalog.All.Single(d => d.Code == code).HelpFormat;

    private static (GeneratorRunResult, Diagnostic[]) RunGenerator(params AdditionalText[] files)
    {
        var driver = GeneratorHarness.Driver(files).RunGenerators(GeneratorHarness.Compilation("class C { }"));
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return (result, result.Diagnostics.ToArray());
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8 bom" => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
        "utf-16le bom" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
        "utf-16be bom" => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
        "utf-32le bom" => Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(text)).ToArray(),
        "utf-32be bom" => new UTF32Encoding(bigEndian: true, byteOrderMark: true) is var be ? be.GetPreamble().Concat(be.GetBytes(text)).ToArray() : null!,
        "invalid utf-8" => Insert(Encoding.UTF8.GetBytes(text), 0xC3, 0x28),
        "latin-1" => Insert(Encoding.UTF8.GetBytes(text), 0x63, 0x61, 0x66, 0xE9),
        "nul" => Insert(Encoding.UTF8.GetBytes(text), 0x00),
        "undefined in 1252" => Insert(Encoding.UTF8.GetBytes(text), 0x81, 0x90),
        "replacement character" => Insert(Encoding.UTF8.GetBytes(text), 0xEF, 0xBF, 0xBD),
        _ => throw new ArgumentException(encoding),
    };

    /// <summary>The bytes with <paramref name="inserted"/> after the first line's "// " or "1. ".</summary>
    private static byte[] Insert(byte[] bytes, params byte[] inserted) => bytes.Take(3).Concat(inserted).Concat(bytes.Skip(3)).ToArray();

    /// <summary>An additional file as a host decodes it from its bytes.</summary>
    private sealed class HostText(string path, byte[] bytes, string host) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => host == "csc" ? AsCommandLineCompiler() : SourceText.From(new MemoryStream(bytes));

        /// <summary>As csc reads a file: a byte order mark decides; else strict UTF-8; else the 1252 code page.</summary>
        private SourceText AsCommandLineCompiler()
        {
            foreach (var bom in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
            {
                var preamble = bom.GetPreamble();
                if (bytes.AsSpan().StartsWith(preamble)) return SourceText.From(bom.GetString(bytes, preamble.Length, bytes.Length - preamble.Length), bom);
            }
            try
            {
                return SourceText.From(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), new UTF8Encoding(false));
            }
            catch (DecoderFallbackException)
            {
                var codePage = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
                return SourceText.From(codePage.GetString(bytes), codePage);
            }
        }
    }
}
