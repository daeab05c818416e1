using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using PolicyCompiler.Collections;
using PolicyCompiler.Legal;
using PolicyCompiler.Text;

namespace PolicyCompiler.Generator;

/// <summary>
/// An additional file as the pipeline carries it: path ('/' separators) and text, or — when its content is not policy
/// text by the rules <c>policyc</c> reads files with — the diagnostic saying why (<see cref="NotText"/>, and its
/// message alone in <see cref="Problem"/> for a legal text). Value-equatable.
/// </summary>
internal sealed record PolicyFile(string Path, string? Text, DiagnosticInfo? NotText = null, string? Problem = null)
{
    public const string Extension = ".policy";

    public static bool IsPolicy(AdditionalText file) => file.Path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads an additional file through the core's decoder, with the encoding its host decoded it with, so that a
    /// UTF-16 or UTF-32 file, a NUL or bytes that are not UTF-8 get the diagnostic <c>policyc</c> gives them.
    /// </summary>
    public static PolicyFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var path = file.Path.Replace('\\', '/');
        var text = file.GetText(cancellationToken);
        if (text is null) return new PolicyFile(path, null);
        var (decoded, error) = SourceDecoder.Decode(text.ToString(), text.Encoding, path);
        return error is null
            ? new PolicyFile(path, decoded!.Text)
            : new PolicyFile(path, null, DiagnosticInfo.From(error, null), error.Message);
    }

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
                ? LegalSource.Unreadable(file.Problem ?? "the compiler could not read it")
                : LegalSource.Found(new Text.SourceText(file.Text, file.Path));
        }
        return LegalSource.NotFound;
    };
}
