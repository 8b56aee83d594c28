using Telephony.CallControl.Routing;
using Telephony.Contracts.Routing;

namespace Telephony.CallControl.Voicemail;

/// <summary>
/// Which box a line's voicemail is (V-BOX, V-CONVERGENT): every user line has its own, except a
/// mobile line associated with a fixed line, which shares the fixed line's box. A box is named
/// by the id of the line that owns it.
/// </summary>
public static class VoicemailBoxes
{
    /// <summary>The line owning <paramref name="line"/>'s box: the fixed line it is associated with, or itself.</summary>
    public static RoutingLine Owner(TenantRouting tenant, RoutingLine line) =>
        tenant.Snapshot.Lines.FirstOrDefault(l => l.AssociatedMobileLineId == line.LineId) ?? line;

    /// <summary>The lines whose phones show box <paramref name="boxId"/>'s messages: its owner and the owner's associated mobile.</summary>
    public static IEnumerable<RoutingLine> LinesOf(TenantRouting tenant, Guid boxId)
    {
        var owner = tenant.Snapshot.Lines.FirstOrDefault(l => l.LineId == boxId);
        if (owner is null)
        {
            yield break;
        }

        yield return owner;
        if (owner.AssociatedMobileLineId is { } mobileId && tenant.Snapshot.Lines.FirstOrDefault(l => l.LineId == mobileId) is { } mobile)
        {
            yield return mobile;
        }
    }
}
