using System;
using System.IO;
using System.Runtime.CompilerServices;
using PolicyCompiler.Cli;
using Xunit.Sdk;

namespace PolicyCompiler.Tests.Support;

/// <summary>
/// Snapshot assertions with Verify's file conventions, so that moving to Verify later is mechanical:
/// <c>Snapshots/{Class}.{Method}[_{Case}].verified.{ext}</c> is committed; on a mismatch the actual output is
/// written beside it as <c>.received.{ext}</c> (git-ignored) and the failure shows a unified diff.
/// Set ACCEPT_SNAPSHOTS=1 to accept: the received output becomes the verified file.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "ACCEPT_SNAPSHOTS";

    public static void Verify(
        string actual,
        string? caseName = null,
        string extension = "txt",
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots");
        var name = Path.GetFileNameWithoutExtension(sourceFile) + "." + method + (caseName is null ? string.Empty : "_" + caseName);
        var verifiedPath = Path.Combine(directory, name + ".verified." + extension);
        var receivedPath = Path.Combine(directory, name + ".received." + extension);
        Check(Normalize(actual), verifiedPath, receivedPath);
    }

    /// <summary>
    /// Checks output whose reviewed copy is committed outside the test's folder: the seeds' guards and documents in
    /// policies/generated, which <c>policyc verify</c> also guards, so that they are kept once. The received output
    /// goes beside the test's snapshots; accepting writes the committed file.
    /// </summary>
    public static void VerifyCommitted(string actual, string committedPath, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var name = Path.GetFileNameWithoutExtension(sourceFile) + "." + method + "_" + Path.GetFileNameWithoutExtension(committedPath) + ".received" + Path.GetExtension(committedPath);
        Check(Normalize(actual), committedPath, Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots", name));
    }

    internal static void Check(string actual, string verifiedPath, string receivedPath)
    {
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == actual)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);
        if (accept)
        {
            File.WriteAllText(verifiedPath, actual);
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        File.WriteAllText(receivedPath, actual);
        var message = verified is null
            ? $"No verified snapshot {Path.GetFileName(verifiedPath)}. Review {receivedPath} and rename it to .verified, or run with {AcceptVariable}=1.\n\n{actual}"
            : $"Snapshot {Path.GetFileName(verifiedPath)} differs (received: {receivedPath}; accept with {AcceptVariable}=1):\n{UnifiedDiff.Create(verified, actual, "verified", "received")}";
        throw new XunitException(message);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
