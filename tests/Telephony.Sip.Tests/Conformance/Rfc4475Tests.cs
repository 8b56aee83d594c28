using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Tests.Conformance;

/// <summary>
/// RFC 4475 torture messages, byte-exact from the RFC's archive, against the parser: valid
/// ones parse, invalid ones are refused with the RFC's status (or dropped when no response
/// can be routed), and application-level ones reach the layer that answers them.
/// </summary>
[Trait("Rfc", "4475")]
public sealed class Rfc4475Tests
{
    /// <summary>
    /// What the parser itself does with the application-level messages; the others in that
    /// category parse and are answered above (501, 420, 415, 483, 406, 401 ...).
    /// </summary>
    private static readonly Dictionary<string, int> ParserRejects = new()
    {
        ["badvers"] = 505,
        ["mismatch01"] = 400,
        ["unkscm"] = 416,
        ["novelsc"] = 416,
        ["insuf"] = 400,
        ["multi01"] = 400,
        ["unksm2"] = 400,
    };

    /// <summary>
    /// Invalid messages whose fault lies in one header's content rather than in the framing:
    /// the parser passes them up and the typed view of that header refuses them (the registrar
    /// then answers 400), or the RFC lets the header be ignored (Date).
    /// </summary>
    private static readonly Dictionary<string, Func<SipMessage, bool>> RefusedAbove = new()
    {
        ["regbadct"] = m => m.Headers.Values(SipHeaderNames.Contact).Any(c => !NameAddress.TryParse(c, out _)),
        ["baddate"] = _ => true,
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var entry in ConformanceCorpus.Entries())
        {
            data.Add(entry.Name);
        }

        return data;
    }

    [Fact]
    public void Corpus_HoldsEveryMessageOfTheRfc() => Assert.Equal(49, ConformanceCorpus.Entries().Count);

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_TortureMessage_HasTheOutcomeTheRfcExpects(string name)
    {
        var entry = ConformanceCorpus.Entries().Single(e => e.Name == name);
        var bytes = File.ReadAllBytes(Path.Combine(ConformanceCorpus.Folder, name + ".dat"));

        var result = SipParser.Parse(bytes, SipFraming.Datagram);

        switch (entry.Kind)
        {
            case "valid":
                Assert.True(result.Status == SipParseStatus.Complete, $"{name} ({entry.Note}) refused: {result.Rejection?.Reason}");
                break;
            case "invalid" when entry.Expected == "drop":
                Assert.True(result.Status == SipParseStatus.Invalid && !result.Rejection!.CanRespond, $"{name} should be dropped, got {result.Status} {result.Rejection?.StatusCode}");
                break;
            case "invalid" when RefusedAbove.TryGetValue(name, out var refused):
                Assert.True(result.Status == SipParseStatus.Complete, $"{name} refused by the parser: {result.Rejection?.Reason}");
                Assert.True(refused(result.Message!), $"{name}: the faulty header was accepted");
                break;
            case "invalid":
                Assert.True(result.Status == SipParseStatus.Invalid, $"{name} ({entry.Note}) accepted");
                Assert.Equal(int.Parse(entry.Expected, System.Globalization.CultureInfo.InvariantCulture), result.Rejection!.StatusCode);
                break;
            default:
                if (ParserRejects.TryGetValue(name, out var status))
                {
                    Assert.True(result.Status == SipParseStatus.Invalid, $"{name} ({entry.Note}) accepted");
                    Assert.Equal(status, result.Rejection!.StatusCode);
                }
                else
                {
                    Assert.True(result.Status == SipParseStatus.Complete, $"{name} ({entry.Note}) refused by the parser: {result.Rejection?.Reason}");
                }

                break;
        }
    }
}
