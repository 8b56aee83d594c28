using System.Globalization;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.MediaServer;

/// <summary>The media server as its own process (its own host, SQLite, the in-memory bus), SIP and RTP on loopback ports of its own.</summary>
internal sealed class MediaServerProcess : IAsyncDisposable
{
    private MediaServerProcess(ServiceProcess process, string dataFolder, int httpPort, int sipPort)
    {
        Process = process;
        DataFolder = dataFolder;
        HttpPort = httpPort;
        SipPort = sipPort;
    }

    public ServiceProcess Process { get; }

    /// <summary>Its SQLite store (mediaserver.db) and its audio (audio/&lt;tenant&gt;/...).</summary>
    public string DataFolder { get; }

    public string HttpBase => $"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}";

    public int HttpPort { get; }

    public int SipPort { get; }

    public static async Task<MediaServerProcess> StartAsync()
    {
        var dataFolder = Directory.CreateTempSubdirectory("telephony-media").FullName;
        var ports = FreePorts.Take(2);
        var rtp = FreePorts.TakeBlock(40);
        var inv = CultureInfo.InvariantCulture;
        var process = ServiceProcess.Start(
            TestEnvironment.ServiceAssembly("MediaServer", "Telephony.MediaServer"),
            new Dictionary<string, string>
            {
                ["Urls"] = $"http://127.0.0.1:{ports[0].ToString(inv)}",
                ["Database__DataFolder"] = dataFolder,
                ["Audio__DataFolder"] = dataFolder,
                ["Media__ListenAddress"] = "127.0.0.1",
                ["Media__SipPort"] = ports[1].ToString(inv),
                ["Media__RtpPortFirst"] = rtp.ToString(inv),
                ["Media__RtpPortLast"] = (rtp + 39).ToString(inv),
                ["Logging__PlainConsole"] = "true",
            },
            workingDirectory: TestEnvironment.RepositoryRoot);
        var media = new MediaServerProcess(process, dataFolder, ports[0], ports[1]);
        await Http.WaitForStatusAsync($"http://127.0.0.1:{ports[0].ToString(inv)}/health/ready", 200, TimeSpan.FromSeconds(60), process);
        return media;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(DataFolder, recursive: true);
    }
}
