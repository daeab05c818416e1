using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyCompiler.Diagnostics;

namespace PolicyCompiler.Cli.Output;

/// <summary>SARIF 2.1.0, for code-scanning tools: one run, the catalog as the rules, one result per diagnostic.</summary>
internal sealed class SarifReporter : DiagnosticReporter
{
    public override void Write(IReadOnlyList<FileDiagnostics> files, TextWriter output)
    {
        var rules = DiagnosticCatalog.All.ToList();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonReporter.Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "policyc");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Code);
                json.WriteString("name", rule.Title.Replace(" ", string.Empty, System.StringComparison.Ordinal));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.Severity));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var file in files)
            {
                foreach (var diagnostic in file.Diagnostics)
                {
                    var (endLine, endColumn) = file.Text?.EndOf(diagnostic.Span) ?? (diagnostic.Span.Line, diagnostic.Span.Column);
                    json.WriteStartObject();
                    json.WriteString("ruleId", diagnostic.Code);
                    json.WriteNumber("ruleIndex", rules.FindIndex(r => r.Code == diagnostic.Code));
                    json.WriteString("level", Level(diagnostic.Severity));
                    json.WriteStartObject("message");
                    json.WriteString("text", diagnostic.Message + " (" + diagnostic.Help + ")");
                    json.WriteEndObject();
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", Uri(diagnostic.Path));
                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", diagnostic.Span.Line);
                    json.WriteNumber("startColumn", diagnostic.Span.Column);
                    json.WriteNumber("endLine", endLine);
                    json.WriteNumber("endColumn", endColumn);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", System.StringComparison.Ordinal));
        output.Write('\n');
    }

    /// <summary>A relative URI reference for a path: each segment percent-encoded, '/' kept.</summary>
    private static string Uri(string path) => string.Join("/", path.Split('/').Select(System.Uri.EscapeDataString));

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
