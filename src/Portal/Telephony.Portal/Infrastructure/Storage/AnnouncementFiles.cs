using Microsoft.Extensions.Options;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.ServiceDefaults.Data;

namespace Telephony.Portal.Infrastructure.Storage;

/// <summary>
/// S-ANN: uploaded announcements as plain files under the data folder, one folder per tenant
/// and line — <c>announcements/&lt;tenant&gt;/&lt;line&gt;/&lt;use&gt;.mp3|.wav</c> — until the media
/// server converts them (issue 6). Files are written beside their final name then moved, so
/// a reader never sees half a file.
/// </summary>
public sealed class AnnouncementFiles(IOptions<DatabaseOptions> database, IHostEnvironment environment)
{
    private string Root => Path.Combine(Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath), "announcements");

    public async Task SaveAsync(Guid tenantId, Guid lineId, AnnouncementUse use, string extension, byte[] content, CancellationToken cancellationToken)
    {
        var folder = LineFolder(tenantId, lineId);
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{use}.{Guid.NewGuid():N}.part");
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        Delete(tenantId, lineId, use);
        File.Move(temporary, FileName(tenantId, lineId, use, extension), overwrite: true);
    }

    public Stream? Open(Guid tenantId, Guid lineId, AnnouncementUse use, string extension)
    {
        var file = FileName(tenantId, lineId, use, extension);
        return File.Exists(file) ? File.OpenRead(file) : null;
    }

    public void Delete(Guid tenantId, Guid lineId, AnnouncementUse use)
    {
        foreach (var extension in (string[])[".mp3", ".wav"])
        {
            File.Delete(FileName(tenantId, lineId, use, extension));
        }
    }

    /// <summary>O-DELETE: a deleted line's recordings go with it.</summary>
    public void DeleteLine(Guid tenantId, Guid lineId)
    {
        var folder = LineFolder(tenantId, lineId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string LineFolder(Guid tenantId, Guid lineId) => Path.Combine(Root, tenantId.ToString("N"), lineId.ToString("N"));

    private string FileName(Guid tenantId, Guid lineId, AnnouncementUse use, string extension) =>
        Path.Combine(LineFolder(tenantId, lineId), use.ToString().ToLowerInvariant() + extension);
}
