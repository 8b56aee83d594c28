using System.Collections;

namespace Telephony.Sip.Messages;

/// <summary>
/// The headers of a message in their order of appearance, names case-insensitive and compact
/// forms expanded. Unknown headers are kept as they are, so a proxied or echoed message loses
/// nothing (RFC 3261 §7.3, §16.6).
/// </summary>
public sealed class SipHeaders : IEnumerable<SipHeader>
{
    private readonly List<SipHeader> _headers = [];

    public int Count => _headers.Count;

    /// <summary>Changes with every modification: what was parsed from older headers is stale.</summary>
    public int Version { get; private set; }

    public void Add(string name, string value) => AddCanonical(SipHeaderNames.Normalize(name), value);

    /// <summary>Adds a header whose name is already in its canonical spelling (the parser's path).</summary>
    internal void AddCanonical(string canonicalName, string value)
    {
        _headers.Add(new SipHeader(canonicalName, value));
        Version++;
    }

    /// <summary>Replaces every header of that name by one with <paramref name="value"/>, at the place of the first.</summary>
    public void Set(string name, string value)
    {
        var canonical = SipHeaderNames.Normalize(name);
        var index = _headers.FindIndex(h => Same(h.Name, canonical));
        Remove(canonical);
        Version++;
        _headers.Insert(index < 0 ? _headers.Count : Math.Min(index, _headers.Count), new SipHeader(canonical, value));
    }

    public int Remove(string name)
    {
        var canonical = SipHeaderNames.Normalize(name);
        Version++;
        return _headers.RemoveAll(h => Same(h.Name, canonical));
    }

    /// <summary>Replaces the first value of a header in place (the top Via after stamping received/rport).</summary>
    public void ReplaceFirstValue(string name, string value)
    {
        var canonical = SipHeaderNames.Normalize(name);
        var index = _headers.FindIndex(h => Same(h.Name, canonical));
        Version++;
        if (index < 0)
        {
            _headers.Add(new SipHeader(canonical, value));
            return;
        }

        var values = HeaderValueSplitter.Split(_headers[index].Value);
        values[0] = value;
        _headers[index] = _headers[index] with { Value = string.Join(", ", values) };
    }

    public bool Contains(string name)
    {
        var canonical = SipHeaderNames.Normalize(name);
        return _headers.Exists(h => Same(h.Name, canonical));
    }

    /// <summary>The value of the first header of that name, as received.</summary>
    public string? this[string name]
    {
        get
        {
            var canonical = SipHeaderNames.Normalize(name);
            foreach (var header in _headers)
            {
                if (Same(header.Name, canonical))
                {
                    return header.Value;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Every value of a header, in order, header lines split at top-level commas for the
    /// headers that allow lists (RFC 3261 §7.3.1): "Via: a, b" and two Via lines both give [a, b].
    /// </summary>
    public IReadOnlyList<string> Values(string name)
    {
        var canonical = SipHeaderNames.Normalize(name);
        var values = new List<string>();
        foreach (var header in _headers)
        {
            if (!Same(header.Name, canonical))
            {
                continue;
            }

            if (SipHeaderNames.IsSingleValued(canonical))
            {
                values.Add(header.Value);
            }
            else
            {
                values.AddRange(HeaderValueSplitter.Split(header.Value));
            }
        }

        return values;
    }

    public IEnumerator<SipHeader> GetEnumerator() => _headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
