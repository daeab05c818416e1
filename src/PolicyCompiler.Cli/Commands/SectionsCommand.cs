using System.CommandLine;
using System.Globalization;
using System.IO;
using PolicyCompiler.Legal;

namespace PolicyCompiler.Cli.Commands;

/// <summary><c>policyc sections &lt;legal text&gt;</c>: the paragraphs of a legal text with the ids to cite them by.</summary>
internal static class SectionsCommand
{
    private const int Preview = 70;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("legal-text") { Description = "A legal text (UTF-8)." };
        var command = new Command("sections", "List the paragraphs of a legal text and the ids to cite them by (§id).") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, output, error));
        return command;
    }

    public static int Run(string path, TextWriter output, TextWriter error)
    {
        var source = PolicyFiles.ReadLegalSource(path);
        if (source.Text is null)
        {
            error.WriteLine($"policyc: {PolicyFiles.Shown(path)}: {source.Problem ?? "no such file"}");
            return ExitCodes.UsageOrIo;
        }
        var document = LegalDocument.Segment(source.Text);
        foreach (var paragraph in document.Paragraphs)
        {
            var text = paragraph.Normalized.Length <= Preview ? paragraph.Normalized : paragraph.Normalized.Substring(0, Preview) + "…";
            output.Write(string.Format(CultureInfo.InvariantCulture, "§{0,-10} {1,4}  {2,-10} {3}\n", paragraph.Id, paragraph.Span.Line, paragraph.Kind.ToString().ToLowerInvariant(), text));
        }
        output.Write(string.Format(CultureInfo.InvariantCulture, "{0} paragraphs\n", document.Paragraphs.Count));
        return ExitCodes.Success;
    }
}
