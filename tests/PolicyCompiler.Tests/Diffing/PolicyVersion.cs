using System;
using System.IO;
using PolicyCompiler.Cli;
using PolicyCompiler.Compilation;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Text;

namespace PolicyCompiler.Tests.Diffing;

/// <summary>
/// A hand-made second version of a seed: edits of its policy text and of its legal text, each of which must
/// apply exactly once, so that a seed that moves on cannot silently turn an edit into nothing.
/// </summary>
internal sealed class PolicyVersion
{
    private readonly string _seed;
    private string _policy;
    private readonly System.Collections.Generic.List<(string From, string To)> _legalEdits = new();

    public PolicyVersion(string seed)
    {
        _seed = seed;
        _policy = File.ReadAllText(SeedPolicies.PathOf(seed));
    }

    public PolicyVersion Replace(string from, string to)
    {
        _policy = ReplaceOnce(_policy, from, to, _seed);
        return this;
    }

    /// <summary>Replaces every occurrence, at least one.</summary>
    public PolicyVersion ReplaceAll(string from, string to)
    {
        if (!_policy.Contains(from, StringComparison.Ordinal)) throw new InvalidOperationException($"'{from}' does not occur in {_seed}");
        _policy = _policy.Replace(from, to, StringComparison.Ordinal);
        return this;
    }

    /// <summary>Inserts <paramref name="lines"/> before the line that starts with <paramref name="before"/>.</summary>
    public PolicyVersion InsertBefore(string before, string lines) => Replace(before, lines + before);

    /// <summary>Removes the member that starts with <paramref name="start"/> (its continuation lines too).</summary>
    public PolicyVersion RemoveMember(string start)
    {
        var at = _policy.IndexOf("\n" + start, StringComparison.Ordinal);
        if (at < 0 || _policy.IndexOf("\n" + start, at + 1, StringComparison.Ordinal) >= 0) throw new InvalidOperationException($"'{start}' does not start exactly one member of {_seed}");
        var end = at + 1;
        do end = _policy.IndexOf('\n', end) + 1;
        while (_policy[end..].StartsWith("    ", StringComparison.Ordinal));
        _policy = _policy.Remove(at + 1, end - at - 1);
        return this;
    }

    public PolicyVersion EditLegalText(string from, string to)
    {
        _legalEdits.Add((from, to));
        return this;
    }

    public string Text => _policy;

    public CompilationResult Compile() =>
        PolicyCompilation.Compile(new SourceText(_policy, _seed + " (v2)"), path =>
        {
            var source = PolicyFiles.ReadLegalSource(Path.Combine(SeedPolicies.Root, path));
            if (source.Text is null) return source;
            var text = source.Text.Text;
            foreach (var (from, to) in _legalEdits) text = ReplaceOnce(text, from, to, path);
            return LegalSource.Found(new SourceText(text, source.Text.Path));
        });

    private static string ReplaceOnce(string text, string from, string to, string where)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(from, at + 1, StringComparison.Ordinal) >= 0) throw new InvalidOperationException($"'{from}' does not occur exactly once in {where}");
        return text[..at] + to + text[(at + from.Length)..];
    }
}
