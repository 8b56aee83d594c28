using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Services;

/// <summary>
/// Resolves the audio names of service URIs: <c>prompt:&lt;language&gt;/&lt;name&gt;</c> from the
/// predefined prompts (held in memory), <c>announcement:&lt;tenant id&gt;/&lt;announcement id&gt;</c>
/// from the tenant's store. Anything else, or an id that is not a Guid, is no audio (404).
/// </summary>
public sealed class AudioLibrary(PromptLibrary prompts, AudioStore store) : IAudioLibrary
{
    private const string PromptScheme = "prompt:";
    private const string AnnouncementScheme = "announcement:";

    public async ValueTask<short[]?> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (name.StartsWith(PromptScheme, StringComparison.Ordinal) && name[PromptScheme.Length..].Split('/') is [var language, var prompt])
        {
            return AudioLanguage.Normalize(language) is { } known && prompts.Names(known).Contains(prompt, StringComparer.Ordinal)
                ? prompts.Get(prompt, known).ToArray()
                : null;
        }

        if (name.StartsWith(AnnouncementScheme, StringComparison.Ordinal) && name[AnnouncementScheme.Length..].Split('/') is [var tenant, var announcement]
            && AudioStore.TryParseId(tenant, out var tenantId) && AudioStore.TryParseId(announcement, out var announcementId))
        {
            return await store.ReadAnnouncementAsync(tenantId, announcementId, cancellationToken);
        }

        return null;
    }
}
