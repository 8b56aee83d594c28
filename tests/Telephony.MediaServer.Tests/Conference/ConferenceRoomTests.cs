using Telephony.MediaServer.Conference;
using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Conference;

public sealed class ConferenceRoomTests
{
    private static readonly Guid TenantA = Guid.Parse("0b5f2a4e-5a1d-4f57-9a3e-0d6c8e1f2a01");
    private static readonly Guid TenantB = Guid.Parse("7c0d9b1e-2f3a-4b5c-8d6e-9f0a1b2c3d04");
    private readonly ConferenceRooms _rooms = new();

    [Fact]
    public void Join_FirstParty_CreatesTheRoom()
    {
        var party = _rooms.Join(TenantA, "sales");

        Assert.NotNull(party);
        Assert.Equal(1, _rooms.Find(TenantA, "sales")!.Count);
    }

    [Fact]
    public void Join_SameRoomNameUnderTwoTenants_IsTwoRooms()
    {
        var a = _rooms.Join(TenantA, "weekly")!;
        var b = _rooms.Join(TenantB, "weekly")!;

        Assert.NotSame(a.Room, b.Room);
        Assert.Equal(2, _rooms.Count);
        a.Write(Frame(1000));
        b.Write(Frame(2000));
        // Each is alone in its room: neither hears the other tenant's party.
        Assert.All(Read(a), s => Assert.Equal(0, s));
        Assert.All(Read(b), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Join_SeventhParty_IsRefused()
    {
        for (var i = 0; i < ConferenceRoom.MaxParties; i++)
        {
            Assert.NotNull(_rooms.Join(TenantA, "full"));
        }

        Assert.Null(_rooms.Join(TenantA, "full"));
        Assert.Equal(ConferenceRoom.MaxParties, _rooms.Find(TenantA, "full")!.Count);
    }

    [Fact]
    public void Leave_OneOfSixParties_LetsANewPartyJoin()
    {
        var parties = Enumerable.Range(0, ConferenceRoom.MaxParties).Select(_ => _rooms.Join(TenantA, "full")!).ToList();

        _rooms.Leave(parties[2]);

        Assert.NotNull(_rooms.Join(TenantA, "full"));
    }

    [Fact]
    public void Leave_LastParty_RemovesTheRoom()
    {
        var a = _rooms.Join(TenantA, "r")!;
        var b = _rooms.Join(TenantA, "r")!;

        _rooms.Leave(a);
        Assert.Equal(1, _rooms.Count);
        _rooms.Leave(b);

        Assert.Equal(0, _rooms.Count);
        Assert.Null(_rooms.Find(TenantA, "r"));
    }

    [Fact]
    public void Read_ThreeParties_EachHearsTheOtherTwoButNotItself()
    {
        var (a, b, c) = (_rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!);
        a.Write(Frame(100));
        b.Write(Frame(20));
        c.Write(Frame(-3));

        Assert.All(Read(a), s => Assert.Equal(17, s));
        Assert.All(Read(b), s => Assert.Equal(97, s));
        Assert.All(Read(c), s => Assert.Equal(120, s));
    }

    [Fact]
    public void Read_APartyThatSentNothing_ContributesSilence()
    {
        var (a, b, c) = (_rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!);
        a.Write(Frame(500));

        Assert.All(Read(a), s => Assert.Equal(0, s));
        Assert.All(Read(b), s => Assert.Equal(500, s));
        Assert.All(Read(c), s => Assert.Equal(500, s));
    }

    [Fact]
    public void Read_EachPartyOncePerTick_MixesOnceAndTakesOneFramePerParty()
    {
        var (a, b) = (_rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!);
        // A's packets arrived in a burst (network jitter): two frames at once, then none.
        a.Write([.. Frame(1), .. Frame(2)]);

        var firstTick = (Read(a), Read(b));
        var secondTick = (Read(a), Read(b));
        var thirdTick = (Read(b), Read(a)); // order within a tick does not matter

        Assert.All(firstTick.Item2, s => Assert.Equal(1, s));
        Assert.All(secondTick.Item2, s => Assert.Equal(2, s));
        Assert.All(thirdTick.Item1, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Write_MoreThanTheBuffer_DropsTheOldestAudio()
    {
        var (a, b) = (_rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!);
        for (short i = 1; i <= ConferenceParty.BufferFrames + 2; i++)
        {
            a.Write(Frame(i));
        }

        Read(a);

        // Frames 1 and 2 were dropped: the delay stays at most the buffer's.
        Assert.All(Read(b), s => Assert.Equal(3, s));
    }

    [Fact]
    public void Read_LoudParties_AreClampedNotWrapped()
    {
        var (a, b, c) = (_rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!);
        a.Write(Frame(30_000));
        b.Write(Frame(30_000));

        Read(a);
        Read(b);

        Assert.All(Read(c), s => Assert.Equal(short.MaxValue, s));
    }

    [Fact]
    public void Held_APartyOnHold_AddsNothingToTheOthers()
    {
        var (a, b) = (_rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!);
        a.Held = true;
        a.Write(Frame(700)); // hold music from the holding phone

        Assert.All(Read(b), s => Assert.Equal(0, s));
        a.Held = false;
        a.Write(Frame(700));
        Read(a);
        Assert.All(Read(b), s => Assert.Equal(700, s));
    }

    [Fact]
    public void Read_APartyOnHoldThatIsNotAskedForAudio_DoesNotStallTheOthers()
    {
        var (a, b, c) = (_rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!, _rooms.Join(TenantA, "r")!);
        a.Held = true;
        for (short tick = 1; tick <= 3; tick++)
        {
            b.Write(Frame(tick));
            c.Write(Frame((short)(10 * tick)));

            Assert.All(Read(b), s => Assert.Equal(10 * tick, s));
            Assert.All(Read(c), s => Assert.Equal(tick, s));
        }
    }

    private static short[] Frame(short value) => Enumerable.Repeat(value, MediaFormat.SamplesPerFrame).ToArray();

    private static short[] Read(ConferenceParty party)
    {
        var frame = new short[MediaFormat.SamplesPerFrame];
        Assert.True(party.Read(frame));
        return frame;
    }
}
