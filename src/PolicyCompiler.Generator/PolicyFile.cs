using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using PolicyCompiler.Collections;
using PolicyCompiler.Legal;

namespace PolicyCompiler.Generator;

/// <summary>An additional file as the pipeline carries it: path ('/' separators) and text. Value-equatable.</summary>
internal sealed record PolicyFile(string Path, string? Text)
{
    public const string Extension = ".policy";

    public static bool IsPolicy(AdditionalText file) => file.Path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    public static PolicyFile Read(AdditionalText file, CancellationToken cancellationToken) =>
        new(file.Path.Replace('\\', '/'), file.GetText(cancellationToken)?.ToString());

    /// <summary>
    /// Serves a policy's legal source from the additional files: the generator and the analyzer read no file
    /// themselves. A legal text that is not among them is "not found" (PC2002), which says to add it.
    /// </summary>
    public static LegalSourceResolver Resolver(EquatableArray<PolicyFile> files) => path =>
    {
        foreach (var file in files)
        {
            if (!string.Equals(file.Path, path, StringComparison.Ordinal)) continue;
            return file.Text is null
                ? LegalSource.Unreadable("the compiler could not read it")
                : LegalSource.Found(new Text.SourceText(file.Text, file.Path));
        }
        return LegalSource.NotFound;
    };
}
