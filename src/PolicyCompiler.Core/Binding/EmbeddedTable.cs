using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyCompiler.Binding;

/// <summary>
/// The rows of a tab-separated data file embedded in the compiler (<c>Binding/*.tsv</c>): blank lines and lines
/// starting with '#' are comments; every other line has exactly the given number of fields.
/// </summary>
internal static class EmbeddedTable
{
    /// <param name="file">The file's name under Binding/, as it is embedded.</param>
    /// <param name="fields">How many tab-separated fields each row has.</param>
    /// <param name="what">What a row is, for the error a malformed file gets ("a country group").</param>
    public static IEnumerable<string[]> Rows(string file, int fields, string what)
    {
        using var stream = typeof(EmbeddedTable).Assembly.GetManifestResourceStream("PolicyCompiler.Binding." + file)
            ?? throw new InvalidOperationException(file + " is not embedded in the compiler");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var row = line.Split('\t');
            if (row.Length != fields) throw new InvalidDataException(what + " line has " + fields + " tab-separated fields: " + line);
            yield return row;
        }
    }
}
