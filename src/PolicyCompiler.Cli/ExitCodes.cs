namespace PolicyCompiler.Cli;

/// <summary>The process exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its work and found nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>The inputs have errors (diagnostics were reported).</summary>
    public const int ErrorsFound = 1;

    /// <summary>The command could not run: bad usage, or a file that could not be found or read.</summary>
    public const int UsageOrIo = 2;
}
