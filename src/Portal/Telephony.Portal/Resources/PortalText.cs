namespace Telephony.Portal.Resources;

/// <summary>
/// The web UI's words: <c>PortalText.resx</c> (English) and <c>PortalText.fr.resx</c> (French),
/// read through <c>IStringLocalizer&lt;PortalText&gt;</c>. Keys name the place (<c>Lines.Forwarding.Title</c>).
/// </summary>
public sealed class PortalText;
