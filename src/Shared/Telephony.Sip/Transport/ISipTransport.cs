using System.Net;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Transport;

/// <summary>One listening transport (a UDP socket, a TCP listener with its connections).</summary>
public interface ISipTransport : IAsyncDisposable
{
    SipTransportKind Kind { get; }

    IPEndPoint LocalEndPoint { get; }

    /// <summary>Queues bytes for <paramref name="destination"/>; returns false if they cannot be sent.</summary>
    bool TrySend(ReadOnlyMemory<byte> bytes, IPEndPoint destination);
}

/// <summary>What a transport hands to the layer above: parsed messages and refused ones, with their source.</summary>
public interface ISipTransportSink
{
    void OnMessage(ISipTransport transport, SipMessage message, IPEndPoint source);

    /// <summary>Bytes that are not an acceptable message; the sink answers when the rejection allows it.</summary>
    void OnRejected(ISipTransport transport, SipRejection rejection, IPEndPoint source);
}
