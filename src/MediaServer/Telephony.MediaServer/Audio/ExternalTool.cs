using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Telephony.MediaServer.Audio;

/// <summary>How a run of ffmpeg, ffprobe or espeak-ng ended; <see cref="TimedOut"/> when it was killed.</summary>
internal sealed record ToolOutcome(int ExitCode, byte[] Output, string Errors, bool TimedOut);

/// <summary>
/// Runs a command-line tool with its arguments as a list (no shell, so nothing in a file name
/// or a text is interpreted), reading its output and errors concurrently (a full pipe would
/// block it), and kills it with its children after the timeout or on cancellation.
/// </summary>
internal static class ExternalTool
{
    public static async Task<ToolOutcome> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken,
        string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = standardInput is null ? null : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start '{fileName}' (see the Audio section of the configuration): {ex.Message}", ex);
        }

        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        // Read to the end whatever happens: both pipes close when the process dies.
        var output = ReadAllAsync(process.StandardOutput.BaseStream);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var timedOut = false;
        try
        {
            if (standardInput is not null)
            {
                await WriteInputAsync(process, standardInput, linked.Token);
            }

            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        return new ToolOutcome(process.ExitCode, await output, await errors, timedOut);
    }

    private static async Task WriteInputAsync(Process process, string input, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited without reading all its input (a broken pipe): its exit code says why.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}

/// <summary>A private folder for one conversion's files, deleted with everything in it on dispose.</summary>
internal sealed class WorkFolder : IDisposable
{
    private WorkFolder(string path) => Path = path;

    public string Path { get; }

    public static WorkFolder Create(string? parent)
    {
        if (string.IsNullOrEmpty(parent))
        {
            // Created readable by this user only on Unix.
            return new WorkFolder(Directory.CreateTempSubdirectory("telephony-audio-").FullName);
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(parent), "telephony-audio-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new WorkFolder(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
