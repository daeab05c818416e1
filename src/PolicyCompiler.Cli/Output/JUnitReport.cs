using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PolicyCompiler.Cli.Commands;

namespace PolicyCompiler.Cli.Output;

/// <summary>
/// The results of <c>policyc test</c> as a JUnit XML report: one test suite per policy, one test case per
/// expectation (named by its test block and question), a failure element with the explanation for each that fails.
/// </summary>
internal static class JUnitReport
{
    public static void Write(IReadOnlyList<TestOutcome> outcomes, TextWriter output)
    {
        var suites = outcomes.GroupBy(o => (o.Path, o.PolicyId)).Select(policy => new XElement("testsuite",
            new XAttribute("name", Clean(policy.Key.PolicyId)),
            new XAttribute("file", Clean(policy.Key.Path)),
            new XAttribute("tests", policy.Count()),
            new XAttribute("failures", policy.Count(o => !o.Passed)),
            new XAttribute("errors", 0),
            policy.Select(Case)));
        var document = new XElement("testsuites",
            new XAttribute("name", "policyc test"),
            new XAttribute("tests", outcomes.Count),
            new XAttribute("failures", outcomes.Count(o => !o.Passed)),
            suites);

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings)) document.WriteTo(writer);
        output.Write(new UTF8Encoding(false).GetString(buffer.ToArray()) + "\n");
    }

    private static XElement Case(TestOutcome outcome)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", Clean(outcome.PolicyId + "." + outcome.Test)),
            new XAttribute("name", Clean(outcome.Written)),
            new XAttribute("file", Clean(outcome.Path)),
            new XAttribute("line", outcome.Span.Line));
        if (!outcome.Passed)
        {
            element.Add(new XElement("failure",
                new XAttribute("message", Clean($"expected {outcome.Expected}, got {outcome.Actual}")),
                new XAttribute("type", "PolicyExpectation"),
                Clean(outcome.Explanation)));
        }
        return element;
    }

    /// <summary>Text from a policy, with the characters XML cannot hold (control characters, lone surrogates) replaced by U+FFFD.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(c).Append(text[++i]);
            else clean.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
        }
        return clean.ToString();
    }
}
