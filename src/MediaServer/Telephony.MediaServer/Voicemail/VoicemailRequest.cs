using Telephony.MediaServer.Audio;
using Telephony.Sip.Messages;

namespace Telephony.MediaServer.Voicemail;

/// <summary>
/// A call to the voicemail service, from its Request-URI (RFC 4240 style, like the other
/// media services): <c>sip:voicemail@ms;tenant=&lt;guid&gt;;box=&lt;guid&gt;;number=%2B33123456789;lang=fr</c>
/// leaves a message in the box of the line <c>box</c> (the number is spoken by the standard
/// greeting); <c>;action=retrieve</c> opens the box's voice menu for its owner, whose line
/// CallControl has authenticated. The tenant comes from CallControl, which we trust on the
/// internal network (ADR 14); every id is a Guid, never a path.
/// </summary>
public sealed record VoicemailRequest(Guid TenantId, Guid BoxId, string? Number, string Language, bool Retrieve)
{
    public const string Service = "voicemail";
    public const string RetrieveAction = "retrieve";
    private const int MaxNumberLength = 32;

    /// <summary>The request, or null with the reason of a 400.</summary>
    public static VoicemailRequest? Parse(SipUri uri, out string? reason)
    {
        reason = null;
        var parameters = uri.Parameters;
        if (!AudioStore.TryParseId(parameters["tenant"], out var tenantId) || !AudioStore.TryParseId(parameters["box"], out var boxId))
        {
            reason = "Bad Request: tenant and box are required Guids";
            return null;
        }

        var action = parameters["action"];
        if (action is not (null or RetrieveAction))
        {
            reason = "Bad Request: action is retrieve or absent (deposit)";
            return null;
        }

        var number = parameters["number"] is { } escaped ? Uri.UnescapeDataString(escaped) : null;
        if (number is not null && (number.Length is 0 or > MaxNumberLength || !number.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#')))
        {
            reason = "Bad Request: number is a phone number (digits, an optional +)";
            return null;
        }

        if (number is null && action is null)
        {
            reason = "Bad Request: number is required to leave a message (the standard greeting says it)";
            return null;
        }

        var language = parameters["lang"] is { } tag ? AudioLanguage.Normalize(tag) : AudioLanguage.Default;
        if (language is null)
        {
            reason = "Bad Request: lang is fr or en";
            return null;
        }

        return new VoicemailRequest(tenantId, boxId, number, language, action == RetrieveAction);
    }
}
