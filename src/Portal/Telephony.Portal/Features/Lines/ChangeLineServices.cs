using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.Lines;

public sealed record BlockedNumbersRequest(IReadOnlyList<string>? Numbers);

public sealed record BlockNumberRequest(string? Number);

/// <summary>
/// The line page's service blocks (SPEC section 4), each changed whole. A manager changes any
/// block; a user changes only what section 4 marks (U) on their own line, and another line is
/// not found for them. Each change is saved with the tenant's new routing snapshot.
/// </summary>
public sealed class ChangeLineServices(PortalDbContext db, Actor actor)
{
    private static readonly Error NotYours = Error.Forbidden("line.manager-only", "Only a manager can change this.");

    public async Task<Result<LineServices>> GetAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        return line is null ? LineErrors.NotFound : line.Services;
    }

    /// <summary>L-CLI (a user may show or hide the number, not present another), L-CCBS, L-RESTRICT (manager).</summary>
    public Task<Result<LineServices>> OutgoingCallsAsync(Guid lineId, OutgoingCalls requested, CancellationToken cancellationToken) =>
        ChangeAsync(lineId, line =>
        {
            var current = line.Services.Outgoing;
            if (actor.IsUser)
            {
                if (requested.Restriction != current.Restriction)
                {
                    return Error.Forbidden(NotYours.Code, NotYours.Message, nameof(OutgoingCalls.Restriction));
                }

                var presentsAnother = requested.CallerId == CallerIdMode.Alternative || current.CallerId == CallerIdMode.Alternative;
                if (presentsAnother && (requested.CallerId != current.CallerId || requested.AlternativeNumber != current.AlternativeNumber))
                {
                    return Error.Forbidden(NotYours.Code, "Only a manager can present another number.", nameof(OutgoingCalls.CallerId));
                }
            }

            return line.ChangeOutgoingCalls(requested);
        }, cancellationToken);

    public Task<Result<LineServices>> IncomingCallsAsync(Guid lineId, IncomingCalls requested, CancellationToken cancellationToken) =>
        ChangeAsync(lineId, line => line.ChangeIncomingCalls(requested), cancellationToken);

    /// <summary>L-GREETING, L-HOLDANN, L-CWANN: manager only.</summary>
    public Task<Result<LineServices>> AnnouncementsAsync(Guid lineId, LineAnnouncements requested, CancellationToken cancellationToken) =>
        ChangeAsync(lineId, line => actor.IsUser ? NotYours : line.ChangeAnnouncements(requested), cancellationToken, requested.Greeting.CalendarId);

    public Task<Result<LineServices>> BlockedNumbersAsync(Guid lineId, BlockedNumbersRequest requested, CancellationToken cancellationToken) =>
        ChangeAsync(lineId, line => line.ChangeBlockedNumbers(requested.Numbers ?? []), cancellationToken);

    public Task<Result<LineServices>> BlockNumberAsync(Guid lineId, BlockNumberRequest requested, CancellationToken cancellationToken) =>
        ChangeAsync(lineId, line => line.BlockNumber(requested.Number), cancellationToken);

    public Task<Result<LineServices>> UnblockNumberAsync(Guid lineId, string number, CancellationToken cancellationToken) =>
        ChangeAsync(lineId, line => line.UnblockNumber(number), cancellationToken);

    public Task<Result<LineServices>> ForwardingAsync(Guid lineId, Forwarding requested, CancellationToken cancellationToken) =>
        ChangeAsync(lineId, line => line.ChangeForwarding(requested), cancellationToken, requested.Scheduled.Enabled ? requested.ScheduleCalendarId : null);

    public Task<Result<LineServices>> VoicemailNotificationAsync(Guid lineId, VoicemailNotification requested, CancellationToken cancellationToken) =>
        ChangeAsync(lineId, line => line.ChangeVoicemailNotification(requested), cancellationToken);

    private async Task<Result<LineServices>> ChangeAsync(Guid lineId, Func<Line, Error?> change, CancellationToken cancellationToken, Guid? calendarId = null)
    {
        var line = await FindAsync(lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        if (calendarId is { } id && !await db.Calendars.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Error.Validation("calendar.not-found", "This calendar does not exist.", "CalendarId");
        }

        if (change(line) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        return line.Services;
    }

    private async Task<Line?> FindAsync(Guid lineId, CancellationToken cancellationToken) =>
        actor.MaySee(lineId) ? await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken) : null;
}
