using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Tests.Audio;

public sealed class AudioStoreTests : IDisposable
{
    private static readonly short[] First = [1, 2, 3, 4];
    private static readonly short[] Second = [-5, -6, -7];

    private readonly TestFolder _folder = new();
    private readonly AudioStore _store;
    private readonly Guid _tenant = Guid.NewGuid();

    public AudioStoreTests() => _store = AudioTestTools.Store(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SaveAnnouncementAsync_ThenRead_ReturnsTheSamplesFromTheTenantsFolder()
    {
        var announcement = Guid.NewGuid();

        await _store.SaveAnnouncementAsync(_tenant, announcement, First, CancellationToken.None);

        Assert.Equal(First, await _store.ReadAnnouncementAsync(_tenant, announcement, CancellationToken.None));
        var file = Path.Combine(_folder.Path, "audio", _tenant.ToString(), "announcements", announcement + ".wav");
        Assert.True(TelephonyAudio.Read(await File.ReadAllBytesAsync(file)).Succeeded);
    }

    [Fact]
    public async Task SaveVoicemailAsync_ThenRead_ReturnsTheSamplesFromTheBoxFolder()
    {
        var (box, message) = (Guid.NewGuid(), Guid.NewGuid());

        await _store.SaveVoicemailAsync(_tenant, box, message, First, CancellationToken.None);

        Assert.Equal(First, await _store.ReadVoicemailAsync(_tenant, box, message, CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "audio", _tenant.ToString(), "voicemail", box.ToString(), message + ".wav")));
    }

    [Fact]
    public async Task ReadAnnouncementAsync_None_ReturnsNull()
    {
        Assert.Null(await _store.ReadAnnouncementAsync(_tenant, Guid.NewGuid(), CancellationToken.None));
        Assert.Null(await _store.ReadVoicemailAsync(_tenant, Guid.NewGuid(), Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task ReadAnnouncementAsync_OtherTenantsId_ReturnsNull()
    {
        var announcement = Guid.NewGuid();
        await _store.SaveAnnouncementAsync(_tenant, announcement, First, CancellationToken.None);

        Assert.Null(await _store.ReadAnnouncementAsync(Guid.NewGuid(), announcement, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAnnouncementAsync_Again_ReplacesTheAudioAndLeavesNoTemporaryFile()
    {
        var announcement = Guid.NewGuid();
        await _store.SaveAnnouncementAsync(_tenant, announcement, First, CancellationToken.None);

        await _store.SaveAnnouncementAsync(_tenant, announcement, Second, CancellationToken.None);

        Assert.Equal(Second, await _store.ReadAnnouncementAsync(_tenant, announcement, CancellationToken.None));
        Assert.Equal([announcement + ".wav"], AnnouncementFolderFiles());
    }

    [Fact]
    public async Task SaveAnnouncementAsync_Cancelled_KeepsThePreviousAudioAndLeavesNoTemporaryFile()
    {
        var announcement = Guid.NewGuid();
        await _store.SaveAnnouncementAsync(_tenant, announcement, First, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _store.SaveAnnouncementAsync(_tenant, announcement, Second, new CancellationToken(canceled: true)));

        Assert.Equal(First, await _store.ReadAnnouncementAsync(_tenant, announcement, CancellationToken.None));
        Assert.Equal([announcement + ".wav"], AnnouncementFolderFiles());
    }

    [Fact]
    public async Task DeleteAnnouncement_RemovesItOnce()
    {
        var announcement = Guid.NewGuid();
        await _store.SaveAnnouncementAsync(_tenant, announcement, First, CancellationToken.None);

        Assert.True(_store.DeleteAnnouncement(_tenant, announcement));
        Assert.False(_store.DeleteAnnouncement(_tenant, announcement));
        Assert.Null(await _store.ReadAnnouncementAsync(_tenant, announcement, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteVoicemailBox_RemovesItsMessagesOnly()
    {
        var (box, otherBox, message) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await _store.SaveVoicemailAsync(_tenant, box, message, First, CancellationToken.None);
        await _store.SaveVoicemailAsync(_tenant, otherBox, message, Second, CancellationToken.None);

        _store.DeleteVoicemailBox(_tenant, box);

        Assert.Null(await _store.ReadVoicemailAsync(_tenant, box, message, CancellationToken.None));
        Assert.Equal(Second, await _store.ReadVoicemailAsync(_tenant, otherBox, message, CancellationToken.None));
        Assert.False(_store.DeleteVoicemail(_tenant, box, message));
    }

    [Fact]
    public async Task ReadAnnouncementAsync_DamagedFile_Throws()
    {
        var announcement = Guid.NewGuid();
        await _store.SaveAnnouncementAsync(_tenant, announcement, First, CancellationToken.None);
        await File.WriteAllTextAsync(_store.AnnouncementFile(_tenant, announcement), "not a wav");

        await Assert.ThrowsAsync<InvalidDataException>(() => _store.ReadAnnouncementAsync(_tenant, announcement, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAnnouncementAsync_EmptyGuid_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAnnouncementAsync(Guid.Empty, Guid.NewGuid(), First, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveVoicemailAsync(_tenant, Guid.Empty, Guid.NewGuid(), First, CancellationToken.None));
        Assert.False(Directory.Exists(_store.Root));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301/../x")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301\0")]
    [InlineData("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}")]
    [InlineData("3f2504e04f8911d39a0c0305e82c3301")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseId_AnythingButACanonicalGuid_Refused(string? text) =>
        Assert.False(AudioStore.TryParseId(text, out _));

    [Fact]
    public void TryParseId_CanonicalGuid_Accepted()
    {
        Assert.True(AudioStore.TryParseId("3f2504e0-4f89-11d3-9a0c-0305e82c3301", out var id));
        Assert.Equal(new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), id);
    }

    [Fact]
    public void Files_AreUnderTheTenantsFolder()
    {
        var (box, message) = (Guid.NewGuid(), Guid.NewGuid());
        var tenantFolder = Path.Combine(_store.Root, _tenant.ToString()) + Path.DirectorySeparatorChar;

        Assert.StartsWith(tenantFolder, Path.GetFullPath(_store.AnnouncementFile(_tenant, message)), StringComparison.Ordinal);
        Assert.StartsWith(tenantFolder, Path.GetFullPath(_store.VoicemailFile(_tenant, box, message)), StringComparison.Ordinal);
    }

    private string[] AnnouncementFolderFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(_store.Root, _tenant.ToString(), "announcements")).Select(f => Path.GetFileName(f))];
}
