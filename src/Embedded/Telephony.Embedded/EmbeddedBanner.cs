using System.Globalization;
using Microsoft.Extensions.Options;
using Telephony.Portal;
using Telephony.Portal.Features.Demo;

namespace Telephony.Embedded;

/// <summary>
/// What ./run.sh shows a person once everything listens: where the portal is, how to sign in,
/// and the SIP accounts to paste into a softphone. These lines are the host's user interface,
/// so they go to standard output as plain text rather than through the logger.
/// </summary>
internal static class EmbeddedBanner
{
    public static async Task PrintAsync(IServiceProvider services, EmbeddedOptions ports, CancellationToken cancellationToken)
    {
        var demo = await services.GetRequiredService<DemoTenant>().Summary.WaitAsync(cancellationToken);
        var portal = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var host = ports.BindAddress == "0.0.0.0" ? "127.0.0.1" : ports.BindAddress;
        var output = Console.Out;
        var culture = CultureInfo.InvariantCulture;

        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(culture, $"Portal: http://{host}:{ports.PortalPort}/"));
        await output.WriteLineAsync(string.Create(culture, $"Health: http://{host}:{{{ports.PortalPort},{ports.ProvisioningPort},{ports.CallControlPort},{ports.MediaServerPort}}}/health/ready"));
        await output.WriteLineAsync($"Manager login: email={demo.ManagerEmail} password={demo.ManagerPassword}");
        await output.WriteLineAsync(string.Create(culture, $"API: http://{host}:{ports.PortalPort}/api/v1 key={demo.ApiKey} (Authorization: Bearer <key>)"));
        if (!string.IsNullOrWhiteSpace(portal.OperatorEmail))
        {
            await output.WriteLineAsync($"Operator login: email={portal.OperatorEmail} (choose the password from the invitation e-mail, or with \"Forgot your password?\")");
        }

        await output.WriteLineAsync($"SIP server: {portal.SipServer}");
        foreach (var account in demo.SipAccounts)
        {
            await output.WriteLineAsync($"SIP account: user={account.User} password={account.Password} domain={account.Domain} number={account.Number} short={account.ShortNumber}");
        }

        await output.WriteLineAsync("Press Ctrl-C to stop.");
        await output.FlushAsync(cancellationToken);
    }
}
