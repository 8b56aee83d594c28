using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Telephony.Sip.Authentication;

/// <summary>HA1 values of one SIP identity in one realm, for each digest algorithm.</summary>
public sealed record DigestSecret(string Ha1Md5, string Ha1Sha256);

public enum DigestVerdict
{
    /// <summary>No credentials for this realm: challenge.</summary>
    Missing,

    Valid,

    /// <summary>Right password, expired nonce: challenge again with stale=true (RFC 7616 §3.3).</summary>
    Stale,

    /// <summary>Wrong response, unknown user, foreign or forged nonce, replayed nonce count.</summary>
    Invalid,
}

/// <summary>
/// Server-side digest authentication (RFC 7616 and RFC 8760 for SIP, RFC 3261 §22): challenges
/// offering the configured algorithms (SHA-256 then MD5 unless told otherwise) with qop=auth, stateless nonces (a timestamp and a sequence number
/// signed with a server key, so any instance holding the key can verify them), nonce expiry
/// with stale=true, and nonce-count replay protection in constant memory.
/// </summary>
public sealed class DigestAuthenticator
{
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly ulong[] _slotSequence;
    private readonly long[] _slotCount;
    private readonly object[] _slotLocks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();
    private long _nextSequence = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private readonly string[] _algorithms;

    /// <param name="algorithms">
    /// The algorithms to offer, most preferred first (RFC 8760 §2.4: SHA-256, then MD5).
    /// Clients take the first challenge they support; some (sipp 3.6) read only the first.
    /// </param>
    public DigestAuthenticator(byte[] key, TimeProvider time, TimeSpan? nonceLifetime = null, IReadOnlyList<string>? algorithms = null)
        : this(key, time, nonceLifetime, algorithms, nonceSlots: 1 << 20)
    {
    }

    /// <param name="nonceSlots">How many nonces have their counts tracked at once (a power of two; 16 bytes each).</param>
    internal DigestAuthenticator(byte[] key, TimeProvider time, TimeSpan? nonceLifetime, IReadOnlyList<string>? algorithms, int nonceSlots)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("The nonce key needs at least 16 bytes.", nameof(key));
        }

        algorithms ??= ["SHA-256", "MD5"];
        if (algorithms.Count == 0 || algorithms.Any(a => HashFor(a) is null))
        {
            throw new ArgumentException("Digest algorithms are SHA-256 and MD5.", nameof(algorithms));
        }

        if (nonceSlots <= 0 || (nonceSlots & (nonceSlots - 1)) != 0)
        {
            throw new ArgumentException("The nonce slots are a power of two.", nameof(nonceSlots));
        }

        _key = key;
        _time = time;
        _slotSequence = new ulong[nonceSlots];
        _slotCount = new long[nonceSlots];
        _algorithms = algorithms.Select(a => a.ToUpperInvariant()).ToArray();
        NonceLifetime = nonceLifetime ?? TimeSpan.FromMinutes(5);
    }

    public TimeSpan NonceLifetime { get; }

    /// <summary>The WWW-Authenticate (or Proxy-Authenticate) values to send, one per algorithm, in order of preference.</summary>
    public IReadOnlyList<string> Challenges(string realm, bool stale = false)
    {
        var nonce = NewNonce(realm);
        var staleParameter = stale ? ", stale=true" : "";
        return _algorithms.Select(a => $"Digest realm=\"{realm}\", nonce=\"{nonce}\", algorithm={a}, qop=\"auth\"{staleParameter}").ToArray();
    }

    /// <summary>Checks <paramref name="credentials"/> of a <paramref name="method"/> request against <paramref name="secret"/>.</summary>
    public DigestVerdict Verify(DigestCredentials credentials, string method, string realm, DigestSecret secret)
    {
        if (!string.Equals(credentials.Realm, realm, StringComparison.OrdinalIgnoreCase))
        {
            return DigestVerdict.Invalid;
        }

        if (!_algorithms.Contains(credentials.Algorithm.ToUpperInvariant()))
        {
            return DigestVerdict.Invalid; // an algorithm we did not offer
        }

        var ha1 = credentials.Algorithm.Equals("SHA-256", StringComparison.OrdinalIgnoreCase) ? secret.Ha1Sha256 : secret.Ha1Md5;
        var expected = ExpectedResponse(credentials, method, ha1);
        if (expected is null)
        {
            return DigestVerdict.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(credentials.Response)))
        {
            return DigestVerdict.Invalid;
        }

        if (Decode(credentials.Nonce, realm) is not var (issued, sequence))
        {
            return DigestVerdict.Invalid;
        }

        if (_time.GetUtcNow() - issued > NonceLifetime)
        {
            return DigestVerdict.Stale;
        }

        return CheckNonceCount(credentials, sequence);
    }

    /// <summary>
    /// The response a client with <paramref name="ha1"/> must send (RFC 7616 §3.4.1): H(HA1:nonce:nc:cnonce:qop:HA2)
    /// with qop=auth, H(HA1:nonce:HA2) without qop (RFC 2069), HA2 = H(method:uri). Null for an
    /// unsupported algorithm or qop.
    /// </summary>
    internal static string? ExpectedResponse(DigestCredentials credentials, string method, string ha1)
    {
        var hash = HashFor(credentials.Algorithm);
        if (hash is null)
        {
            return null;
        }

        var ha2 = hash($"{method}:{credentials.Uri}");
        if (credentials.Qop is null)
        {
            return hash($"{ha1}:{credentials.Nonce}:{ha2}");
        }

        return credentials.Qop == "auth" && credentials.NonceCount is not null && credentials.ClientNonce is not null
            ? hash($"{ha1}:{credentials.Nonce}:{credentials.NonceCount}:{credentials.ClientNonce}:auth:{ha2}")
            : null;
    }

    /// <summary>
    /// Replay protection (RFC 7616 §3.4.5): a nonce's count must grow. Counts live in a fixed
    /// ring of slots indexed by the nonce's sequence number, as in Kamailio's auth module, so
    /// memory and time per check stay constant at any rate. A nonce whose slot a later nonce
    /// has taken can no longer be tracked: it is answered as stale, and the client authenticates
    /// again on a fresh challenge with the same password.
    /// </summary>
    private DigestVerdict CheckNonceCount(DigestCredentials credentials, ulong sequence)
    {
        if (credentials.NonceCount is null)
        {
            return DigestVerdict.Valid; // RFC 2069 client, no qop: nothing to count
        }

        if (!long.TryParse(credentials.NonceCount, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return DigestVerdict.Invalid;
        }

        var slot = (int)(sequence & (ulong)(_slotSequence.Length - 1));
        lock (_slotLocks[slot & (_slotLocks.Length - 1)])
        {
            var holder = _slotSequence[slot];
            if (holder == sequence)
            {
                if (count <= _slotCount[slot])
                {
                    return DigestVerdict.Invalid;
                }
            }
            else if (holder > sequence)
            {
                return DigestVerdict.Stale;
            }

            _slotSequence[slot] = sequence;
            _slotCount[slot] = count;
            return DigestVerdict.Valid;
        }
    }

    /// <summary>
    /// A nonce: when it was issued (ms), its sequence number, and the first half of an HMAC
    /// over both and the realm, so that only this server's key makes nonces for that realm.
    /// </summary>
    private string NewNonce(string realm)
    {
        Span<byte> nonce = stackalloc byte[32];
        BinaryPrimitives.WriteInt64BigEndian(nonce, _time.GetUtcNow().ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(nonce[8..], Interlocked.Increment(ref _nextSequence));
        Sign(nonce[..16], realm).AsSpan(0, 16).CopyTo(nonce[16..]);
        return Convert.ToBase64String(nonce).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>When a nonce we signed for <paramref name="realm"/> was issued, and its sequence number; null if it is not ours.</summary>
    private (DateTimeOffset Issued, ulong Sequence)? Decode(string nonce, string realm)
    {
        if (nonce.Length != 43)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[32];
        var base64 = nonce.Replace('-', '+').Replace('_', '/') + "=";
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != 32 ||
            !CryptographicOperations.FixedTimeEquals(bytes[16..], Sign(bytes[..16], realm).AsSpan(0, 16)))
        {
            return null;
        }

        return (DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes)), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    private byte[] Sign(ReadOnlySpan<byte> data, string realm)
    {
        var realmBytes = Encoding.UTF8.GetBytes(realm.ToLowerInvariant());
        var input = new byte[data.Length + realmBytes.Length];
        data.CopyTo(input);
        realmBytes.CopyTo(input, data.Length);
        return HMACSHA256.HashData(_key, input);
    }

    private static Func<string, string>? HashFor(string algorithm) => algorithm.ToUpperInvariant() switch
    {
#pragma warning disable CA5351 // MD5 is the digest algorithm RFC 3261 mandates; SHA-256 is offered first (RFC 8760).
        "MD5" => text => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text))),
#pragma warning restore CA5351
        "SHA-256" => text => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        _ => null,
    };

    /// <summary>HA1 for a password, as the Portal computes it (tests and tools).</summary>
    public static DigestSecret SecretFor(string username, string realm, string password)
    {
        var a1 = Encoding.UTF8.GetBytes($"{username}:{realm}:{password}");
#pragma warning disable CA5351
        return new DigestSecret(Convert.ToHexStringLower(MD5.HashData(a1)), Convert.ToHexStringLower(SHA256.HashData(a1)));
#pragma warning restore CA5351
    }
}
