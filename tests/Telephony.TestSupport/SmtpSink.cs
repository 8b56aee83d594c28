using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Telephony.TestSupport;

/// <summary>A mail received by the <see cref="SmtpSink"/>.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Subject, string Body, IReadOnlyList<ReceivedAttachment>? Attachments = null)
{
    /// <summary>The first link in the body that starts with <paramref name="prefix"/>.</summary>
    public string Link(string prefix) =>
        Regex.Match(Body, Regex.Escape(prefix) + @"\S*").Value is { Length: > 0 } link ? link : throw new InvalidOperationException($"No link {prefix} in:\n{Body}");
}

/// <summary>A file attached to a received mail, saved where <see cref="Path"/> says.</summary>
public sealed record ReceivedAttachment(string FileName, string ContentType, string Path);

/// <summary>A real SMTP server on loopback (Python's aiosmtpd, tests/infra/smtp-sink.py) keeping every mail it receives.</summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _process;
    private readonly string _folder;

    private SmtpSink(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <param name="port">A port chosen beforehand (to start the sink after the service that mails to it); a free one otherwise.</param>
    public static async Task<SmtpSink> StartAsync(int? port = null)
    {
        var listenPort = port ?? FreePorts.Take(1)[0];
        var folder = Directory.CreateTempSubdirectory("telephony-smtp").FullName;
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", [Path.Combine(TestEnvironment.RepositoryRoot, "tests", "infra", "smtp-sink.py"), listenPort.ToString(System.Globalization.CultureInfo.InvariantCulture), folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "ready")
        {
            throw new InvalidOperationException("The SMTP sink did not start: " + await process.StandardError.ReadToEndAsync());
        }

        return new SmtpSink(process, folder, listenPort);
    }

    public IReadOnlyList<ReceivedMail> Received() =>
        Directory.GetFiles(_folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<ReceivedMail>(File.ReadAllText(f), Json)!)
            .ToList();

    /// <summary>Waits for the <paramref name="count"/>th mail to <paramref name="to"/> matching <paramref name="subject"/>.</summary>
    public Task<ReceivedMail> WaitForAsync(string to, string subject, int count = 1, TimeSpan? timeout = null) =>
        Eventually.GetAsync(
            () => Task.FromResult(Received().Where(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase) && m.Subject.Contains(subject, StringComparison.OrdinalIgnoreCase)).Skip(count - 1).FirstOrDefault()),
            timeout ?? TimeSpan.FromSeconds(30),
            $"mail {count} to {to} about '{subject}' (received: {string.Join("; ", Received().Select(m => $"{string.Join(",", m.To)}: {m.Subject}"))})");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
