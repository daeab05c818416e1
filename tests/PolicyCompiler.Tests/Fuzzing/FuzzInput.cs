using System;
using System.Security.Cryptography;

namespace PolicyCompiler.Tests.Fuzzing;

/// <summary>
/// One input of the fuzzer: the bytes of a policy file, the seed folder it lives in (so that its legal
/// text resolves, as a mutated seed's does), and how it was made, for the report of a failure.
/// </summary>
internal sealed record FuzzInput(string Folder, byte[] Bytes, string Origin)
{
    /// <summary>A short content hash: the file name a failing input is kept under.</summary>
    public string Hash => Convert.ToHexString(SHA256.HashData(Bytes), 0, 8).ToLowerInvariant();
}
