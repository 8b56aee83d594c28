using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Conference;

/// <summary>
/// One conference room (C-HOLD/XFER: up to <see cref="MaxParties"/> parties): every 20 ms
/// each party's latest received frame is taken from its jitter buffer (silence when it sent
/// nothing, or is on hold) and mixed N-minus-one (<see cref="Mixer.MixMinusOne"/>), so each
/// party hears the others, never itself, saturated without wrap-around clicks.
/// </summary>
/// <remarks>
/// The mix is driven by the parties' own clock ticks rather than a tick of its own: each party
/// reads its mix once per 20 ms (<see cref="ConferenceParty.Read"/>), and the first party that
/// reads again after having consumed the current mix computes the next one. Whatever slot of the
/// media clock the parties send in, there is then exactly one mix per 20 ms and each party gets
/// every mix once; a party on hold (which the clock does not ask for audio) does not stall the
/// others. One lock per room: six parties mix in microseconds.
/// </remarks>
public sealed class ConferenceRoom(Guid tenant, string name)
{
    public const int MaxParties = 6;

    private readonly Lock _gate = new();
    private readonly List<ConferenceParty> _parties = [];
    private readonly short[][] _inputs = Enumerable.Range(0, MaxParties).Select(_ => new short[MediaFormat.SamplesPerFrame]).ToArray();
    private readonly short[][] _outputs = new short[MaxParties][];

    public Guid Tenant { get; } = tenant;

    public string Name { get; } = name;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _parties.Count;
            }
        }
    }

    /// <summary>A new party, or null when the room is full.</summary>
    internal ConferenceParty? TryJoin()
    {
        lock (_gate)
        {
            if (_parties.Count >= MaxParties)
            {
                return null;
            }

            var party = new ConferenceParty(this, _gate);
            _parties.Add(party);
            return party;
        }
    }

    /// <summary>Removes the party; true when the room is now empty.</summary>
    internal bool Leave(ConferenceParty party)
    {
        lock (_gate)
        {
            _parties.Remove(party);
            return _parties.Count == 0;
        }
    }

    /// <summary>The next mix: one frame from each party's buffer, each party's output its own N-minus-one. Called under the room's lock.</summary>
    internal void MixUnderLock()
    {
        var count = _parties.Count;
        for (var i = 0; i < count; i++)
        {
            _parties[i].TakeFrameUnderLock(_inputs[i]);
            _outputs[i] = _parties[i].Output;
        }

        Mixer.MixMinusOne(_inputs.AsSpan(0, count), _outputs.AsSpan(0, count));
        for (var i = 0; i < count; i++)
        {
            _parties[i].Consumed = false;
        }
    }
}

/// <summary>
/// A party of a <see cref="ConferenceRoom"/>: the sink its RTP session writes decoded audio into
/// (a jitter buffer of <see cref="BufferFrames"/> frames, the oldest dropped when full, so the
/// delay a burst adds stays bounded) and the source its session plays (its mix).
/// </summary>
public sealed class ConferenceParty : IAudioSource, IAudioSink
{
    /// <summary>120 ms: absorbs the jitter of a loaded network without adding more delay than that.</summary>
    public const int BufferFrames = 6;

    private readonly ConferenceRoom _room;
    private readonly Lock _gate;
    private readonly short[] _buffer = new short[BufferFrames * MediaFormat.SamplesPerFrame];
    private int _start;
    private int _count;
    private bool _held;

    internal ConferenceParty(ConferenceRoom room, Lock gate)
    {
        _room = room;
        _gate = gate;
    }

    public ConferenceRoom Room => _room;

    internal short[] Output { get; } = new short[MediaFormat.SamplesPerFrame];

    /// <summary>True once the current mix has been read: the party's next read starts the next mix.</summary>
    internal bool Consumed { get; set; } = true;

    /// <summary>
    /// On hold (its offer sendonly or inactive): it hears nothing (its session stops sending) and
    /// adds nothing — what a holding phone sends is hold music or noise, not speech for the room.
    /// </summary>
    public bool Held
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
        set
        {
            lock (_gate)
            {
                _held = value;
                _count = 0;
            }
        }
    }

    /// <summary>Decoded audio from the party's RTP session (any packet size), from the receive loop.</summary>
    public void Write(ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            if (_held)
            {
                return;
            }

            if (frame.Length > _buffer.Length)
            {
                frame = frame[^_buffer.Length..];
            }

            var overflow = _count + frame.Length - _buffer.Length;
            if (overflow > 0)
            {
                _start = (_start + overflow) % _buffer.Length;
                _count -= overflow;
            }

            var end = (_start + _count) % _buffer.Length;
            var first = Math.Min(frame.Length, _buffer.Length - end);
            frame[..first].CopyTo(_buffer.AsSpan(end));
            frame[first..].CopyTo(_buffer);
            _count += frame.Length;
        }
    }

    /// <summary>The party's mix for this 20 ms (the conference never ends by itself: always true).</summary>
    public bool Read(Span<short> frame)
    {
        lock (_gate)
        {
            if (Consumed)
            {
                _room.MixUnderLock();
            }

            Output.AsSpan(0, Math.Min(frame.Length, Output.Length)).CopyTo(frame);
            frame[Math.Min(frame.Length, Output.Length)..].Clear();
            Consumed = true;
            return true;
        }
    }

    /// <summary>One frame of what the party said, or silence when less than a frame has arrived.</summary>
    internal void TakeFrameUnderLock(short[] frame)
    {
        if (_count < frame.Length)
        {
            Array.Clear(frame);
            return;
        }

        var first = Math.Min(frame.Length, _buffer.Length - _start);
        _buffer.AsSpan(_start, first).CopyTo(frame);
        _buffer.AsSpan(0, frame.Length - first).CopyTo(frame.AsSpan(first));
        _start = (_start + frame.Length) % _buffer.Length;
        _count -= frame.Length;
    }
}
