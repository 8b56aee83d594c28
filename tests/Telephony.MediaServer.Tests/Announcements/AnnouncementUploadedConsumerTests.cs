using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Contracts.Announcements;
using Telephony.MediaServer.Announcements;
using Telephony.MediaServer.Audio;
using Telephony.MediaServer.Tests.Audio;

namespace Telephony.MediaServer.Tests.Announcements;

/// <summary>S-ANN: an upload becomes <c>announcement:&lt;tenant&gt;/&lt;id&gt;</c>, or is refused with the converter's reason.</summary>
public sealed class AnnouncementUploadedConsumerTests : IAsyncLifetime
{
    private static readonly DateTime UploadedAt = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    private readonly TestFolder _folder = new();
    private readonly Guid _tenant = Guid.NewGuid();
    private AudioStore _store = null!;
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

    /// <summary>What the converter answers; the real ffmpeg when null.</summary>
    private Func<ReadOnlyMemory<byte>, AudioResult>? _fake;

    public async Task InitializeAsync()
    {
        _store = AudioTestTools.Store(_folder.Path);
        var real = AudioTestTools.Converter(_folder.Options());
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(_store)
            .AddSingleton<IUploadConverter>(new DelegatingConverter(this, real))
            .AddMassTransitTestHarness(bus => bus.AddConsumer<AnnouncementUploadedConsumer, AnnouncementUploadedConsumerDefinition>())
            .BuildServiceProvider(validateScopes: true);
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Consume_ConvertedUpload_StoresTheAudioAndAnswersReadyWithItsDuration()
    {
        _fake = _ => AudioResult.Success(new short[TelephonyAudio.SampleCount(TimeSpan.FromSeconds(3))]);
        var upload = Upload(Guid.NewGuid(), [1, 2, 3]);

        var answer = await ConsumeAsync(upload);

        Assert.Equal((upload.TenantId, upload.AnnouncementId, upload.UploadId, true), (answer.TenantId, answer.AnnouncementId, answer.UploadId, answer.Ready));
        Assert.Equal((TimeSpan.FromSeconds(3), (string?)null, (string?)null), (answer.Duration, answer.ErrorCode, answer.ErrorMessage));
        Assert.Equal(TelephonyAudio.SampleCount(TimeSpan.FromSeconds(3)), (await _store.ReadAnnouncementAsync(_tenant, upload.AnnouncementId, CancellationToken.None))!.Length);
    }

    [Fact]
    public async Task Consume_RefusedUpload_AnswersWithTheCodeAndMessage_AndKeepsNoAudio()
    {
        _fake = _ => new AudioError(AudioErrorCodes.NotAudio, "This file is not audio the platform reads (it is neither MP3 nor WAV): upload an MP3 or a WAV file.");
        var upload = Upload(Guid.NewGuid(), [1, 2, 3]);

        var answer = await ConsumeAsync(upload);

        Assert.Equal((false, (TimeSpan?)null, "audio.not-audio"), (answer.Ready, answer.Duration, answer.ErrorCode));
        Assert.StartsWith("This file is not audio the platform reads", answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(await _store.ReadAnnouncementAsync(_tenant, upload.AnnouncementId, CancellationToken.None));
    }

    [Fact]
    public async Task Consume_NewUploadOfTheSameAnnouncement_ReplacesItsAudio_ButAnEarlierOneConvertedLateDoesNot()
    {
        var announcement = Guid.NewGuid();
        short[] first = [100, 100];
        short[] second = [200, 200, 200];
        _fake = upload => AudioResult.Success(upload.Span[0] == 1 ? first : second);

        await ConsumeAsync(Upload(announcement, [1]));
        await ConsumeAsync(Upload(announcement, [2]) with { OccurredAt = UploadedAt.AddMinutes(1) });
        Assert.Equal(second, await _store.ReadAnnouncementAsync(_tenant, announcement, CancellationToken.None));

        // The first upload redelivered after the second: the second's audio stays.
        await ConsumeAsync(Upload(announcement, [1]));
        Assert.Equal(second, await _store.ReadAnnouncementAsync(_tenant, announcement, CancellationToken.None));
    }

    [Fact]
    public async Task Consume_FiveSecondMp3WithRealFfmpeg_IsPlayableAsTheAnnouncement()
    {
        var mp3 = await AudioTestTools.Mp3Async(_folder, TimeSpan.FromSeconds(5));
        var upload = Upload(Guid.NewGuid(), mp3) with { ContentType = "audio/mpeg" };

        var answer = await ConsumeAsync(upload);

        Assert.True(answer.Ready, answer.ErrorMessage);
        Assert.Equal(5, answer.Duration!.Value.TotalSeconds, precision: 1);
        var library = new Telephony.MediaServer.Services.AudioLibrary(new PromptLibrary(), _store);
        var played = await library.LoadAsync($"announcement:{_tenant}/{upload.AnnouncementId}", CancellationToken.None);
        Assert.Equal(TelephonyAudio.SampleCount(answer.Duration.Value), played!.Length);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "four-minute-mp3", "audio.too-long", "The recording lasts 4 min 00 s; an announcement is at most 2 minutes." },
        { "five-megabytes", "audio.too-large", "The file is 5 MB; an announcement is at most 3 MB." },
        { "text", "audio.not-audio", "This file is not audio the platform reads (it is neither MP3 nor WAV): upload an MP3 or a WAV file." },
        // 4 minutes at 4 kHz whose header claims a byte rate 100 times too high (2.4 s to a header reader).
        { "wav-header-lies", "audio.too-long", "The recording lasts 4 min 00 s; an announcement is at most 2 minutes." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Consume_BadUploadWithRealFfmpeg_IsRefusedWithAClearMessage(string file, string code, string message)
    {
        var content = file switch
        {
            "four-minute-mp3" => await AudioTestTools.Mp3Async(_folder, TimeSpan.FromMinutes(4), bitrate: "32k"),
            "five-megabytes" => new byte[5 * 1024 * 1024],
            "text" => "Bonjour, ceci n'est pas un fichier audio.\n"u8.ToArray(),
            _ => Telephony.TestSupport.TestAudio.WavWithLyingByteRate(TimeSpan.FromMinutes(4), 4000, factor: 100),
        };

        var answer = await ConsumeAsync(Upload(Guid.NewGuid(), content));

        Assert.Equal((false, code, message), (answer.Ready, answer.ErrorCode, answer.ErrorMessage));
    }

    private AnnouncementUploaded Upload(Guid announcementId, byte[] content) => new()
    {
        TenantId = _tenant,
        MessageId = Guid.NewGuid(),
        AnnouncementId = announcementId,
        UploadId = Guid.NewGuid(),
        ContentType = "audio/wav",
        Content = content,
        OccurredAt = UploadedAt,
    };

    private async Task<AnnouncementConverted> ConsumeAsync(AnnouncementUploaded upload)
    {
        await _harness.Bus.Publish(upload);
        // Polled rather than Published.Any: the harness may call the bus idle before the message is even received.
        return await Telephony.TestSupport.Eventually.GetAsync(
            () => Task.FromResult(_harness.Published.Select<AnnouncementConverted>(m => m.Context.Message.UploadId == upload.UploadId).LastOrDefault()?.Context.Message),
            TimeSpan.FromSeconds(30),
            "the answer to the upload");
    }

    private sealed class DelegatingConverter(AnnouncementUploadedConsumerTests test, AudioConverter real) : IUploadConverter
    {
        public Task<AudioResult> ConvertAsync(ReadOnlyMemory<byte> upload, CancellationToken cancellationToken) =>
            test._fake is { } fake ? Task.FromResult(fake(upload)) : real.ConvertAsync(upload, cancellationToken);
    }
}
