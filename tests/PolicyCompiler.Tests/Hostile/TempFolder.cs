using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace PolicyCompiler.Tests.Hostile;

/// <summary>A temporary folder for one test, deleted afterwards (links in it are removed, never followed).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("policyc-hostile-").FullName;

    public string Path { get; }

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string Link(string name, string target)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>A named pipe (mkfifo); nothing ever writes to it unless a test does.</summary>
    public string Fifo(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may leave a reader blocked on a pipe; the folder is in the temporary area.
        }
    }
}

/// <summary>Runs policyc in-process and fails, rather than hanging, when it does not answer in time.</summary>
internal static class Bounded
{
    /// <summary>
    /// Generous, so that a slow machine does not fail a correct run; a run that blocks on a pipe or reads an endless
    /// device never ends, and fails here. When it does not end, the pipes given are opened for writing and closed,
    /// which releases a reader blocked on them.
    /// </summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static (int Exit, string Output, string Error) Run(string[] fifos, params string[] args)
    {
        var run = Task.Run(() => Support.Cli.Run(args));
        if (run.Wait(Limit)) return run.Result;
        foreach (var fifo in fifos)
        {
            using var release = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }
        Assert.Fail($"policyc {string.Join(" ", args)} did not answer within {Limit.TotalSeconds} s");
        return default;
    }

    public static (int Exit, string Output, string Error) Run(params string[] args) => Run(Array.Empty<string>(), args);
}
