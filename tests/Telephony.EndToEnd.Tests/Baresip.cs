using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests;

/// <summary>
/// A headless baresip softphone (Debian's baresip) in a folder of its own: one account
/// registering through the platform, audio from a WAV file, received audio recorded by the
/// sndfile module, and the ctrl_tcp JSON netstring interface to dial, send DTMF and hang up.
/// </summary>
internal sealed class Baresip : IAsyncDisposable
{
    private readonly Process _process;
    private readonly int _controlPort;
    private readonly List<string> _output = [];

    private Baresip(string folder, Process process, int controlPort)
    {
        Folder = folder;
        _process = process;
        _controlPort = controlPort;
    }

    public string Folder { get; }

    public string RecordingFolder => Path.Combine(Folder, "rec");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static Baresip Start(string user, string password, string domain, int platformPort, string sourceWav, bool autoAnswer)
    {
        var inv = CultureInfo.InvariantCulture;
        var answer = autoAnswer ? ";answermode=auto" : ";answermode=manual";
        return Launch(
            $"<sip:{user}@{domain}>;auth_pass={password};outbound=\"sip:127.0.0.1:{platformPort.ToString(inv)}\";regint=600;audio_codecs=PCMU/8000/1{answer}",
            sourceWav);
    }

    /// <summary>A softphone that registers nowhere and calls SIP URIs directly (a media server's services).</summary>
    public static Baresip StartUnregistered(string sourceWav) =>
        Launch("<sip:tester@127.0.0.1>;regint=0;audio_codecs=PCMU/8000/1;answermode=manual", sourceWav);

    private static Baresip Launch(string account, string sourceWav)
    {
        var folder = Directory.CreateTempSubdirectory("baresip").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "rec"));
        // baresip listens on its SIP port for UDP and TCP and on the next one for TLS.
        var sipPort = FreePorts.TakeBlock(24);
        var controlPort = sipPort + 2;
        var rtpLow = sipPort + 4;
        var inv = CultureInfo.InvariantCulture;
        File.WriteAllText(Path.Combine(folder, "config"), string.Join('\n',
        [
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort.ToString(inv)}",
            "net_interface 127.0.0.1",
            $"rtp_ports {rtpLow.ToString(inv)}-{(rtpLow + 19).ToString(inv)}",
            "audio_player alsa,null",
            "audio_alert alsa,null",
            $"audio_source aufile,{sourceWav}",
            "ausrc_srate 8000",
            "auplay_srate 8000",
            "ausrc_channels 1",
            "auplay_channels 1",
            "call_max_calls 4",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module alsa.so",
            "module aufile.so",
            "module sndfile.so",
            "module_tmp account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            $"ctrl_tcp_listen 127.0.0.1:{controlPort.ToString(inv)}",
            $"snd_path {Path.Combine(folder, "rec")}",
            "",
        ]));
        File.WriteAllText(Path.Combine(folder, "accounts"), account + "\n");
        File.WriteAllText(Path.Combine(folder, "contacts"), "");

        var info = new ProcessStartInfo("baresip", ["-f", folder, "-v"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        var phone = new Baresip(folder, process, controlPort);
        process.OutputDataReceived += (_, e) => phone.Append(e.Data);
        process.ErrorDataReceived += (_, e) => phone.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return phone;
    }

    /// <summary>Sends a ctrl_tcp command: a netstring holding {"command", "params", "token"}.</summary>
    public async Task CommandAsync(string command, string parameters = "")
    {
        var json = JsonSerializer.Serialize(new { command, @params = parameters, token = Guid.NewGuid().ToString("N") });
        var netstring = $"{Encoding.UTF8.GetByteCount(json).ToString(CultureInfo.InvariantCulture)}:{json},";
        await Eventually.TrueAsync(async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", _controlPort);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(netstring));
            await client.GetStream().FlushAsync();
            await Task.Delay(200); // let baresip read the command before the socket closes
            return true;
        }, TimeSpan.FromSeconds(10), $"baresip control port {_controlPort}");
    }

    public string? Recording(string suffix) => Directory.EnumerateFiles(RecordingFolder, $"*{suffix}.wav").FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A first quit unregisters and may hang; the second forces the exit (infra notes).
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }
}
