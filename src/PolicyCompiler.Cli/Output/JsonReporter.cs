using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyCompiler.Cli.Output;

/// <summary>A JSON array of diagnostics, one object each, for scripts.</summary>
internal sealed class JsonReporter : DiagnosticReporter
{
    internal static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write(IReadOnlyList<FileDiagnostics> files, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartArray();
            foreach (var file in files)
            {
                foreach (var diagnostic in file.Diagnostics)
                {
                    var (endLine, endColumn) = file.Text?.EndOf(diagnostic.Span) ?? (diagnostic.Span.Line, diagnostic.Span.Column);
                    json.WriteStartObject();
                    json.WriteString("path", diagnostic.Path);
                    json.WriteNumber("line", diagnostic.Span.Line);
                    json.WriteNumber("column", diagnostic.Span.Column);
                    json.WriteNumber("endLine", endLine);
                    json.WriteNumber("endColumn", endColumn);
                    json.WriteString("severity", Diagnostics.DiagnosticFormatter.SeverityWord(diagnostic.Severity));
                    json.WriteString("code", diagnostic.Code);
                    json.WriteString("message", diagnostic.Message);
                    json.WriteString("help", diagnostic.Help);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
        }
        output.Write(Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", System.StringComparison.Ordinal));
        output.Write('\n');
    }
}
