using System.Diagnostics;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Tests.Parsing;

/// <summary>
/// Seeded mutations of valid messages (bytes flipped, dropped, duplicated, truncated, spliced):
/// the parser must return one of its outcomes for every one of them, never throw, and stay fast.
/// Seeds are fixed so a failure reproduces.
/// </summary>
public sealed class SipParserMutationTests
{
    private static readonly byte[] Delimiters = "\r\n:;,<>\"@ \t%?="u8.ToArray();

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Parse_MutatedMessages_NeverThrowAndNeverHang(int seed)
    {
        var random = new Random(seed);
        var corpus = new[] { SipText.Bytes(SipText.Invite), SipText.Bytes(SipText.Ringing) }
            .Concat(ConformanceCorpus.ValidMessages())
            .ToArray();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 2_000; i++)
        {
            var mutated = Mutate(corpus[random.Next(corpus.Length)], random);
            foreach (var framing in new[] { SipFraming.Datagram, SipFraming.Stream })
            {
                var result = SipParser.Parse(mutated, framing);
                Assert.InRange(result.Consumed, 0, mutated.Length);
                if (result.Status == SipParseStatus.Complete)
                {
                    Touch(result.Message!);
                }
            }
        }

        // A bound, not a benchmark: 32,000 parses of small messages take well under a second.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    /// <summary>Reads every typed view of a parsed message: none may throw either.</summary>
    private static void Touch(SipMessage message)
    {
        _ = (message.CallId, message.CSeq, message.From, message.To, message.TopVia, message.Expires, message.ToBytes());
        foreach (var via in message.Vias)
        {
            _ = ViaHeader.TryParse(via, out _);
        }

        foreach (var contact in message.Headers.Values(SipHeaderNames.Contact))
        {
            _ = NameAddress.TryParse(contact, out _);
        }

        if (message is SipRequest request)
        {
            _ = (request.MaxForwards, request.RequestUri.UnescapedUser, request.RequestUri.ToString());
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.InsertRange(at, bytes.Skip(at).Take(random.Next(1, 40)).ToArray());
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.Insert(at, Delimiters[random.Next(Delimiters.Length)]);
                    break;
                default:
                    bytes[at] = (byte)(bytes[at] ^ (1 << random.Next(8)));
                    break;
            }
        }

        return bytes.ToArray();
    }
}
