using System.Collections.Concurrent;
using Telephony.Provisioning.Rendering;
using Telephony.Sip.Authentication;

namespace Telephony.Provisioning.Devices;

/// <summary>
/// A phone as the HTTP path serves it, held in memory: who it belongs to, its renderer, its
/// configuration (full and bootstrap), its credentials, and the files rendered so far (a
/// configuration change replaces the whole entry, so a cached file is never stale).
/// </summary>
public sealed class DeviceEntry(
    Guid tenantId,
    Guid lineId,
    string mac,
    string token,
    IPhoneRenderer renderer,
    PhoneConfiguration configuration,
    PhoneConfiguration bootstrap,
    PhoneDirectory directory,
    DigestSecret digestSecret,
    bool claimed)
{
    private readonly ConcurrentDictionary<(PhoneFileKind Kind, bool Bootstrap), RenderedFile> _files = new();
    private int _claimed = claimed ? 1 : 0;

    public Guid TenantId { get; } = tenantId;

    public Guid LineId { get; } = lineId;

    public string Mac { get; } = mac;

    public string Token { get; } = token;

    public IPhoneRenderer Renderer { get; } = renderer;

    public PhoneConfiguration Configuration { get; } = configuration;

    public DigestSecret DigestSecret { get; } = digestSecret;

    public bool Claimed => Volatile.Read(ref _claimed) == 1;

    /// <summary>Marks the first authenticated fetch; true only for the call that claimed it.</summary>
    public bool Claim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    /// <summary>The file of <paramref name="kind"/>, rendered once; <paramref name="bootstrapFile"/> renders the credential-free bootstrap.</summary>
    public RenderedFile File(PhoneFileKind kind, bool bootstrapFile, Action<TimeSpan>? rendered = null) =>
        _files.GetOrAdd((kind, bootstrapFile), key =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var file = Renderer.Render(key.Kind, key.Bootstrap ? bootstrap : Configuration, directory);
            rendered?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return file;
        });
}
