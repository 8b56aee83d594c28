using System.Globalization;

namespace Telephony.MediaServer.Media;

/// <summary>
/// Parses SDP (RFC 4566) as far as we need: the origin, connection data, media descriptions and
/// their rtpmap, fmtp, ptime and direction attributes.
/// </summary>
/// <remarks>
/// Tolerant of what we do not use (unknown line types and attributes, lines ending in CRLF or
/// LF, blank lines, trailing white space, non-RTP media such as T.38), strict on what we use: a
/// malformed v=, o=, c=, m= line or rtpmap, fmtp or ptime attribute, or one given twice at the
/// same level, fails the whole description, since guessing at it could send media to the wrong
/// place or in the wrong format.
/// </remarks>
public static class Sdp
{
    /// <summary>Never throws: malformed input gives false and a reason naming the line.</summary>
    public static bool TryParse(string text, out SessionDescription? description, out string? error)
    {
        description = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the description is empty";
            return false;
        }

        var reader = new Reader();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r', ' ', '\t');
            if (line.Length == 0)
            {
                continue;
            }

            error = reader.Read(line);
            if (error is not null)
            {
                error = $"line {i + 1}: {error}";
                return false;
            }
        }

        return reader.TryFinish(out description, out error);
    }

    /// <summary>RFC 4566 §5: the lines we read, in order, and the state of the session or media they apply to.</summary>
    private sealed class Reader
    {
        private readonly List<MediaBuilder> _media = [];
        private bool _versionSeen;
        private string? _origin;
        private string? _connection;
        private MediaDirection? _direction;

        private MediaBuilder? Current => _media.Count > 0 ? _media[^1] : null;

        public string? Read(string line)
        {
            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                return "not of the form <type>=<value>";
            }

            var value = line[2..];
            if (!_versionSeen)
            {
                // RFC 4566 §5: "v=0" comes first.
                if (line[0] != 'v' || value != "0")
                {
                    return "the description must start with v=0";
                }

                _versionSeen = true;
                return null;
            }

            return line[0] switch
            {
                'v' => "v= given twice",
                'o' => ReadOrigin(value),
                'c' => ReadConnection(value),
                'm' => ReadMedia(value),
                'a' => ReadAttribute(value),
                _ => null,
            };
        }

        public bool TryFinish(out SessionDescription? description, out string? error)
        {
            description = null;
            error = !_versionSeen ? "no v= line"
                : _origin is null ? "no o= line"
                : _media.Count == 0 ? "no media description (m=)"
                : null;
            if (error is not null)
            {
                return false;
            }

            var sessionDirection = _direction ?? MediaDirection.SendReceive;
            var media = new SdpMedia[_media.Count];
            for (var i = 0; i < media.Length; i++)
            {
                media[i] = _media[i].Build(_connection, sessionDirection);
            }

            description = new SessionDescription(_origin!, _connection, media, sessionDirection);
            return true;
        }

        /// <summary>RFC 4566 §5.2: username, session id, session version, network type, address type, address.</summary>
        private string? ReadOrigin(string value)
        {
            if (Current is not null || _origin is not null)
            {
                return "o= belongs once to the session, before any m=";
            }

            if (Tokens(value).Length != 6)
            {
                return "o= needs <username> <sess-id> <sess-version> <nettype> <addrtype> <address>";
            }

            _origin = value;
            return null;
        }

        /// <summary>RFC 4566 §5.7: "IN IP4 192.0.2.1" (a multicast address may carry /ttl and /count).</summary>
        private string? ReadConnection(string value)
        {
            var tokens = Tokens(value);
            if (tokens.Length != 3 || tokens[0] != "IN" || tokens[1] is not ("IP4" or "IP6"))
            {
                return "c= needs IN IP4 <address> or IN IP6 <address>";
            }

            var slash = tokens[2].IndexOf('/', StringComparison.Ordinal);
            var address = slash < 0 ? tokens[2] : tokens[2][..slash];
            if (address.Length == 0)
            {
                return "c= has no address";
            }

            if (Current is { } media)
            {
                if (media.Connection is not null)
                {
                    return "c= given twice for one media";
                }

                media.Connection = address;
            }
            else
            {
                if (_connection is not null)
                {
                    return "c= given twice for the session";
                }

                _connection = address;
            }

            return null;
        }

        /// <summary>RFC 4566 §5.14: "m=&lt;media&gt; &lt;port&gt;[/&lt;count&gt;] &lt;proto&gt; &lt;fmt&gt; ...".</summary>
        private string? ReadMedia(string value)
        {
            var tokens = Tokens(value);
            if (tokens.Length < 4)
            {
                return "m= needs <media> <port> <proto> and at least one format";
            }

            var portText = tokens[1];
            var slash = portText.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                portText = portText[..slash];
            }

            if (!TryParseNumber(portText, out var port) || port > ushort.MaxValue)
            {
                return $"m= port '{tokens[1]}' is not a port number";
            }

            var media = new MediaBuilder(tokens[0], port, tokens[2]);
            for (var i = 3; i < tokens.Length; i++)
            {
                media.Formats.Add(tokens[i]);
                if (!media.IsRtp)
                {
                    continue;
                }

                // RFC 3550 §5.1: an RTP payload type is 7 bits.
                if (!TryParseNumber(tokens[i], out var payloadType) || payloadType > 127)
                {
                    return $"m= format '{tokens[i]}' is not an RTP payload type";
                }

                media.PayloadTypes.Add(payloadType);
            }

            _media.Add(media);
            return null;
        }

        /// <summary>RFC 4566 §6: "a=&lt;attribute&gt;" or "a=&lt;attribute&gt;:&lt;value&gt;".</summary>
        private string? ReadAttribute(string value)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? value : value[..colon];
            var argument = colon < 0 ? string.Empty : value[(colon + 1)..];
            var media = Current;
            return name switch
            {
                "sendrecv" => SetDirection(media, MediaDirection.SendReceive),
                "sendonly" => SetDirection(media, MediaDirection.SendOnly),
                "recvonly" => SetDirection(media, MediaDirection.ReceiveOnly),
                "inactive" => SetDirection(media, MediaDirection.Inactive),
                // rtpmap, fmtp and ptime are media-level attributes (RFC 4566 §6); at session level they mean nothing to us.
                "rtpmap" when media is not null => ReadFormatAttribute(media, media.RtpMaps, name, argument, requireValue: true),
                "fmtp" when media is not null => ReadFormatAttribute(media, media.Fmtps, name, argument, requireValue: false),
                "ptime" when media is not null => ReadPacketTime(media, argument),
                _ => null,
            };
        }

        private string? SetDirection(MediaBuilder? media, MediaDirection direction)
        {
            if (media is null)
            {
                if (_direction is not null)
                {
                    return "more than one direction attribute for the session";
                }

                _direction = direction;
                return null;
            }

            if (media.Direction is not null)
            {
                return "more than one direction attribute for one media";
            }

            media.Direction = direction;
            return null;
        }

        /// <summary>
        /// RFC 4566 §6: "a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;parameters&gt;]",
        /// "a=fmtp:&lt;format&gt; &lt;parameters&gt;".
        /// </summary>
        private static string? ReadFormatAttribute(MediaBuilder media, Dictionary<int, string> map, string name, string argument, bool requireValue)
        {
            var space = argument.IndexOf(' ', StringComparison.Ordinal);
            var format = space < 0 ? argument : argument[..space];
            var formatValue = space < 0 ? string.Empty : argument[(space + 1)..].Trim();
            if (!TryParseNumber(format, out var payloadType) || payloadType > 127)
            {
                // Non-RTP media name their formats freely; they are not ours to check.
                return media.IsRtp ? $"a={name} names '{format}', not a payload type" : null;
            }

            if (requireValue && (formatValue.Length == 0 || !formatValue.Contains('/', StringComparison.Ordinal)))
            {
                return $"a={name}:{payloadType} needs <encoding name>/<clock rate>";
            }

            return map.TryAdd(payloadType, formatValue) ? null : $"a={name} given twice for payload type {payloadType}";
        }

        /// <summary>RFC 4566 §6: "a=ptime:&lt;packet time&gt;" in milliseconds.</summary>
        private static string? ReadPacketTime(MediaBuilder media, string argument)
        {
            if (media.PacketTime is not null)
            {
                return "a=ptime given twice for one media";
            }

            if (!TryParseNumber(argument.Trim(), out var packetTime) || packetTime == 0)
            {
                return $"a=ptime:{argument} is not a number of milliseconds";
            }

            media.PacketTime = packetTime;
            return null;
        }

        private static string[] Tokens(string value) =>
            value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>Digits only, no sign or white space, at most what an int holds.</summary>
        private static bool TryParseNumber(string text, out int number) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private sealed class MediaBuilder(string media, int port, string protocol)
    {
        public List<int> PayloadTypes { get; } = [];

        public List<string> Formats { get; } = [];

        public Dictionary<int, string> RtpMaps { get; } = [];

        public Dictionary<int, string> Fmtps { get; } = [];

        public MediaDirection? Direction { get; set; }

        public string? Connection { get; set; }

        public int? PacketTime { get; set; }

        /// <summary>RTP profiles (RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF...) list payload types as formats.</summary>
        public bool IsRtp { get; } = protocol.Contains("RTP/", StringComparison.OrdinalIgnoreCase);

        public SdpMedia Build(string? sessionConnection, MediaDirection sessionDirection) =>
            new(media, port, protocol, PayloadTypes, RtpMaps, Fmtps, Direction ?? sessionDirection, Connection ?? sessionConnection, PacketTime)
            {
                Formats = Formats,
            };
    }
}
