namespace Telephony.MediaServer.Conference;

/// <summary>
/// The rooms of this media server, by tenant and room name (RFC 4240 §5 <c>conf=</c>): the same
/// name under two tenants is two rooms. A room exists from its first party's join to its last
/// party's leave.
/// </summary>
public sealed class ConferenceRooms
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid Tenant, string Name), ConferenceRoom> _rooms = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rooms.Count;
            }
        }
    }

    /// <summary>The room if it exists (for tests and metrics).</summary>
    public ConferenceRoom? Find(Guid tenant, string name)
    {
        lock (_gate)
        {
            return _rooms.GetValueOrDefault((tenant, name));
        }
    }

    /// <summary>Joins (creating the room on the first join); null when the room already holds <see cref="ConferenceRoom.MaxParties"/>.</summary>
    public ConferenceParty? Join(Guid tenant, string name)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue((tenant, name), out var room))
            {
                room = new ConferenceRoom(tenant, name);
                _rooms.Add((tenant, name), room);
            }

            return room.TryJoin();
        }
    }

    /// <summary>The party leaves; the room goes with its last party.</summary>
    public void Leave(ConferenceParty party)
    {
        lock (_gate)
        {
            var room = party.Room;
            if (room.Leave(party) && _rooms.TryGetValue((room.Tenant, room.Name), out var current) && ReferenceEquals(current, room))
            {
                _rooms.Remove((room.Tenant, room.Name));
            }
        }
    }
}
