using System.Text.RegularExpressions;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.Embedded;

/// <summary>The all-in-one host, started the way ./run.sh starts it, on free ports and a data folder of its own.</summary>
public sealed partial class EmbeddedHost : IAsyncDisposable
{
    private EmbeddedHost(ServiceProcess process, int[] ports)
    {
        Process = process;
        Ports = ports;
    }

    public ServiceProcess Process { get; }

    /// <summary>Portal, Provisioning, CallControl, MediaServer.</summary>
    public int[] Ports { get; }

    public string PortalUrl => $"http://127.0.0.1:{Ports[0]}";

    public int SipPort => Ports[4];

    /// <summary>Ports: Portal, Provisioning, CallControl, MediaServer HTTP, then SIP.</summary>
    public static EmbeddedHost Start(string dataFolder, int[] ports, IReadOnlyDictionary<string, string>? settings = null) =>
        new(ServiceProcess.Start(
            TestEnvironment.ServiceAssembly("Embedded", "Telephony.Embedded"),
            new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
            {
                ["Database__DataFolder"] = dataFolder,
                ["Embedded__PortalPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Embedded__ProvisioningPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Embedded__CallControlPort"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Embedded__MediaServerPort"] = ports[3].ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Sip__Port"] = ports[4].ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            workingDirectory: TestEnvironment.RepositoryRoot),
            ports);

    /// <summary>The credentials line, once printed.</summary>
    public async Task<(string Email, string Password)> ManagerLoginAsync()
    {
        var line = await PrintedLineAsync(ManagerLogin());
        var match = ManagerLogin().Match(line);
        return (match.Groups["email"].Value, match.Groups["password"].Value);
    }

    public async Task<List<string>> SipAccountLinesAsync()
    {
        await PrintedLineAsync(ManagerLogin());
        await PrintedLineAsync(PressCtrlC());
        return Process.Output.Where(l => SipAccount().IsMatch(l)).ToList();
    }

    /// <summary>The demo lines' SIP accounts as printed: user, password, domain, number, short number.</summary>
    public async Task<List<(string User, string Password, string Domain, string Number, string Short)>> SipAccountsAsync() =>
        (await SipAccountLinesAsync())
            .Select(l => SipAccount().Match(l))
            .Select(m => (m.Groups["user"].Value, m.Groups["password"].Value, m.Groups["domain"].Value, m.Groups["number"].Value, m.Groups["short"].Value))
            .ToList();

    /// <summary>
    /// Waits until CallControl is ready and holds every demo line (the snapshots arrive through
    /// the bus just after seeding, one version per seeding step): each printed account must
    /// authenticate a query REGISTER (no Contact, so nothing is bound).
    /// </summary>
    public async Task WaitUntilReadyAsync()
    {
        await Http.WaitForStatusAsync($"http://127.0.0.1:{Ports[2]}/health/ready", 200, TimeSpan.FromSeconds(60), Process);
        foreach (var account in await SipAccountsAsync())
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    using var probe = new SipTestPhone(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, SipPort));
                    var query = await probe.RegisterAsync(account.User, account.Password, account.Domain, expires: null, algorithm: "MD5", contact: "");
                    return query.StatusCode == 200;
                },
                TimeSpan.FromSeconds(30),
                $"CallControl to know line {account.User}");
        }
    }

    public Task<string> PrintedLineAsync(Regex pattern) =>
        Eventually.GetAsync(() => Task.FromResult(Process.Output.FirstOrDefault(pattern.IsMatch)), TimeSpan.FromSeconds(60), $"a line matching {pattern} in:{Environment.NewLine}{Process.Describe()}");

    /// <summary>A client of the REST API authenticated with the demo company's API key the host printed.</summary>
    public async Task<HttpClient> ApiClientAsync()
    {
        var printed = ApiKey().Match(await PrintedLineAsync(ApiKey()));
        return new HttpClient
        {
            BaseAddress = new Uri(printed.Groups["url"].Value + "/"),
            DefaultRequestHeaders = { Authorization = new("Bearer", printed.Groups["key"].Value) },
        };
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"^Manager login: email=(?<email>\S+@\S+) password=(?<password>\S{12,})$")]
    public static partial Regex ManagerLogin();

    [GeneratedRegex(@"^API: (?<url>http://\S+/api/v1) key=(?<key>tk_\S+) ")]
    public static partial Regex ApiKey();

    [GeneratedRegex(@"^SIP server: \S+:\d+$")]
    public static partial Regex SipServer();

    [GeneratedRegex(@"^SIP account: user=(?<user>\S+) password=(?<password>\S{16,}) domain=(?<domain>[a-z0-9.-]+) number=(?<number>\+\d{11}) short=(?<short>\d{2,6})$")]
    public static partial Regex SipAccount();

    [GeneratedRegex(@"^Press Ctrl-C to stop\.$")]
    private static partial Regex PressCtrlC();
}
