using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using Telephony.EndToEnd.Tests.Portal;
using Telephony.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Telephony.EndToEnd.Tests.Provisioning;

/// <summary>
/// D-PROV, D-SECURE, D-RESYNC on the running platform: a manager gives a line a Yealink phone in
/// the browser; the phone (played by an HTTP client with the phone's path and User-Agent, then
/// by sipp) fetches its bootstrap, then its configuration through its secret URL, registers
/// with the credentials the file carries, and is told to resync when the manager changes a key.
/// </summary>
public sealed class PhoneProvisioningTests(PortalJourneyFixture platform) : IClassFixture<PortalJourneyFixture>
{
    private const string Mac = "805ec0330101";
    private const string UserAgent = "Yealink SIP-T46U 108.86.0.20 80:5e:c0:33:01:01";

    [Fact]
    public async Task ActivatedYealink_FetchesRegistersAndIsToldToResyncWhenAKeyChanges()
    {
        var page = await SignedInAsync();
        await Browser.JourneyAsync(page, nameof(ActivatedYealink_FetchesRegistersAndIsToldToResyncWhenAKeyChanges), async () =>
        {
            await page.GotoAsync(platform.Host.PortalUrl + "/manage/lines/new");
            await page.GetByTestId("line-kind").SelectOptionAsync("Fixed");
            await page.GetByTestId("line-first-name").FillAsync("Yann");
            await page.GetByTestId("line-last-name").FillAsync("Provost");
            await page.GetByTestId("line-email").FillAsync("yann.provost@demo.example.com");
            await page.GetByTestId("line-short-number").FillAsync("3301");
            await page.GetByTestId("phone-model").SelectOptionAsync(new SelectOptionValue { Label = "Yealink T46U (desk phone, 27 keys)" });
            await page.GetByTestId("phone-mac").FillAsync("80:5E:C0:33:01:01");
            await page.GetByTestId("activate-submit").ClickAsync();
            await Expect(page.GetByTestId("line-title")).ToHaveTextAsync("Yann Provost");
            await Expect(page.GetByTestId("hardware-last-provisioned")).ToContainTextAsync("Never");
            var linePage = page.Url;

            // First boot: no credentials yet, so the bootstrap file, which only says where to go next.
            var bootstrap = await Eventually.GetAsync(
                async () => await FetchAsync($"/{Mac}.cfg") is { StatusCode: HttpStatusCode.OK } ok ? await ok.Content.ReadAsStringAsync() : null,
                TimeSpan.FromSeconds(10),
                "the bootstrap file of the new phone");
            var deviceUrl = Setting(bootstrap, "static.auto_provision.server.url");
            Assert.Contains("/d/", deviceUrl, StringComparison.Ordinal);
            Assert.DoesNotContain("account.1.password", bootstrap, StringComparison.Ordinal);

            // Its secret URL gives the whole configuration; from then on the plain path wants credentials.
            var configuration = await (await FetchAsync(new Uri(new Uri(deviceUrl), $"{Mac}.cfg").AbsolutePath)).Content.ReadAsStringAsync();
            var user = Setting(configuration, "account.1.user_name");
            var password = Setting(configuration, "account.1.password");
            var domain = Setting(configuration, "account.1.sip_server.1.address");
            Assert.True(password.Length >= 16, "the phone's SIP password has at least 16 characters");
            Assert.Equal(HttpStatusCode.Unauthorized, (await FetchAsync($"/{Mac}.cfg")).StatusCode);
            var token = new Uri(deviceUrl).Segments[2].TrimEnd('/');
            Assert.Equal(HttpStatusCode.Unauthorized, (await FetchAsync($"/{Mac}.cfg", Basic(Mac, "not-the-token"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await FetchAsync($"/{Mac}.cfg", Basic(Mac, token))).StatusCode);

            // The phone registers with what its file says, and waits for the platform's NOTIFY.
            var contactPort = FreePorts.Take(1)[0];
            var phone = Sipp.RunAsync("uas-notify-check-sync-expect-200.xml", platform.Host.SipPort, contactPort);
            var (registered, registerLog) = await Sipp.RunAsync(
                "uac-register-contact-port-expect-200.xml", platform.Host.SipPort, "-s", user, "-au", user, "-ap", password, "-set", "domain", domain, "-set", "contact_port", contactPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(registered == 0, registerLog);
            await Eventually.TrueAsync(
                async () =>
                {
                    await page.GotoAsync(linePage);
                    return (await page.GetByTestId("hardware-registered-from").TextContentAsync() ?? "").Contains("127.0.0.1", StringComparison.Ordinal)
                        && (await page.GetByTestId("hardware-last-provisioned").TextContentAsync() ?? "").Contains("127.0.0.1", StringComparison.Ordinal);
                },
                TimeSpan.FromSeconds(10),
                "the line page showing where the phone registered from and when it was provisioned\n" + string.Join('\n', platform.Host.Process.Output.TakeLast(40)));
            await Expect(page.GetByTestId("hardware-registered-from")).ToContainTextAsync("127.0.0.1");
            await Expect(page.GetByTestId("hardware-last-provisioned")).ToContainTextAsync("127.0.0.1");

            // The manager adds a key: the registered phone is told to fetch its configuration again.
            var keys = page.GetByTestId("block-keys");
            await keys.GetByTestId("shortcut-label").FillAsync("Front desk");
            await keys.GetByTestId("shortcut-number").FillAsync("0140000000");
            await keys.GetByTestId("add-shortcut-key").ClickAsync();
            await Expect(keys.GetByTestId("key-label").Last).ToHaveTextAsync("Front desk");

            var (exitCode, log) = await phone;
            Assert.True(exitCode == 0, log);
            Assert.Contains("check-sync", log, StringComparison.Ordinal);
            var changed = await (await FetchAsync(new Uri(new Uri(deviceUrl), $"{Mac}.cfg").AbsolutePath)).Content.ReadAsStringAsync();
            Assert.Contains("Front desk", changed, StringComparison.Ordinal);
            Assert.Contains("0140000000", changed, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UnknownMac_Gets404WithNothingInTheBody()
    {
        var response = await FetchAsync("/805ec0ffffff.cfg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<HttpResponseMessage> FetchAsync(string path, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{platform.Host.Ports[1]}{path}");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Authorization = authorization;
        return await Http.Client.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>The value of one "key = value" line of a Yealink file.</summary>
    private static string Setting(string file, string key) =>
        file.Split('\n')
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2 && p[0].Trim() == key)
            .Select(p => p[1].Trim())
            .FirstOrDefault() ?? throw new Xunit.Sdk.XunitException($"{key} is not in the file:\n{file}");

    private Task<IPage> SignedInAsync() => platform.SignedInManagerAsync();
}
