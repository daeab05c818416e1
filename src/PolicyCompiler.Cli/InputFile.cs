using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli;

/// <summary>
/// What reading one input gave: its text; or the diagnostic that says why its bytes are not policy text; or, when it
/// could not be read at all, a one-line <see cref="Problem"/> (<see cref="Missing"/> when there is nothing there).
/// </summary>
internal sealed record InputText(SourceText? Text, Diagnostic? NotText, string? Problem, bool Missing)
{
    public static InputText Unreadable(string problem) => new(null, null, problem, false);

    public static InputText Absent { get; } = new(null, null, "no such file", true);

    /// <summary>Decodes bytes read from anywhere (a file, standard input, a git revision) by the core's one set of rules.</summary>
    public static InputText Decode(byte[] bytes, string display)
    {
        var (text, error) = SourceDecoder.Decode(bytes, display);
        return new InputText(text, error, null, false);
    }
}

/// <summary>
/// Reads every file policyc takes as input (policies, legal texts, snapshots, standard input), so that each command
/// reads the same way: only regular files (a FIFO or a device is refused without blocking on it: the file is opened
/// non-blocking and its type checked on the open handle), links resolved and, when a folder is given, refused if they
/// lead out of it, at most <see cref="Compilation.PolicyLimits.MaxFileBytes"/> bytes read whatever the file claims its
/// size is, and every I/O failure turned into a one-line problem.
/// </summary>
internal static partial class InputFile
{
    /// <summary>
    /// Reads the file at <paramref name="path"/>. With <paramref name="within"/>, the file's real location (every link
    /// on its path resolved) must be inside that folder's real location.
    /// </summary>
    public static InputText Read(string path, string display, string? within = null)
    {
        try
        {
            var real = RealPath.Of(path);
            if (within is not null && !RealPath.IsInside(real, RealPath.Of(within)))
            {
                return InputText.Unreadable($"it is a link to a file outside {TerminalText.Escape(PolicyFiles.Display(within))}");
            }
            if (Directory.Exists(real)) return InputText.Unreadable("it is a folder, not a file");
            if (!File.Exists(real)) return InputText.Absent;
            using var stream = OpenRegular(real, out var refusal);
            if (stream is null) return InputText.Unreadable(refusal!);
            // The size a file claims is checked first (a large file is refused unread); the read is bounded anyway.
            if (SourceDecoder.TooLarge(stream.Length, display) is { } tooLarge) return new InputText(null, tooLarge, null, false);
            return Read(stream, display);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return InputText.Unreadable(TerminalText.Escape(e.Message));
        }
    }

    /// <summary>Reads a stream (standard input) to its end, or to just past the size limit.</summary>
    public static InputText Read(Stream stream, string display)
    {
        try
        {
            var (bytes, tooLarge) = SourceDecoder.ReadBounded(stream, display);
            return bytes is null ? new InputText(null, tooLarge, null, false) : InputText.Decode(bytes, display);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return InputText.Unreadable(TerminalText.Escape(e.Message));
        }
    }

    /// <summary>Opens a regular file for reading, or returns null with the reason it is not one.</summary>
    private static FileStream? OpenRegular(string path, out string? refusal)
    {
        refusal = null;
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere the type is known only from the attributes; devices and pipes are rare outside Unix.
            var attributes = File.GetAttributes(path);
            if ((attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0)
            {
                refusal = "it is not a regular file";
                return null;
            }
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        }

        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
        var descriptor = Native.Open(path, Native.ReadOnly | Native.NonBlocking | Native.CloseOnExec);
        if (descriptor < 0) throw new IOException(Marshal.GetLastPInvokeErrorMessage());
        var handle = new SafeFileHandle((IntPtr)descriptor, ownsHandle: true);
        int kind;
        try
        {
            kind = Native.FileType(descriptor);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28): a pipe or socket is told by its not seeking; a device
            // that seeks (/dev/zero) is still bounded by the read.
            var stream = new FileStream(handle, FileAccess.Read, bufferSize: 1);
            if (stream.CanSeek) return stream;
            stream.Dispose();
            refusal = "it is not a regular file";
            return null;
        }
        if (kind != Native.RegularFile)
        {
            handle.Dispose();
            refusal = "it is not a regular file (" + Native.Describe(kind) + ")";
            return null;
        }
        return new FileStream(handle, FileAccess.Read, bufferSize: 1);
    }

    /// <summary>The two system calls .NET does not expose: a non-blocking open and the type of an open file.</summary>
    private static partial class Native
    {
        public const int ReadOnly = 0;
        public const int NonBlocking = 0x800; // O_NONBLOCK, the same on every Linux architecture .NET runs on
        public const int CloseOnExec = 0x80000; // O_CLOEXEC, likewise
        public const int RegularFile = 0x8000; // S_IFREG
        private const int FileTypeMask = 0xF000; // S_IFMT
        private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: statx on the descriptor itself
        private const uint TypeField = 0x1; // STATX_TYPE
        private const int ModeOffset = 28; // stx_mode in struct statx, whose layout is the same on every architecture

        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int Statx(int directory, string path, int flags, uint mask, byte[] buffer);

        /// <summary>The S_IFMT bits of an open file.</summary>
        public static int FileType(int descriptor)
        {
            var buffer = new byte[256];
            if (Statx(descriptor, string.Empty, EmptyPath, TypeField, buffer) != 0) throw new IOException(Marshal.GetLastPInvokeErrorMessage());
            return BitConverter.ToUInt16(buffer, ModeOffset) & FileTypeMask;
        }

        public static string Describe(int kind) => kind switch
        {
            0x1000 => "a named pipe",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            0x4000 => "a folder",
            _ => "not a file",
        };
    }
}
