namespace Telephony.Portal.Resources;

/// <summary>
/// The domain's error messages in the UI's language. The domain and the REST API speak English;
/// the key is the English message, or its pattern with <c>{0}</c>, <c>{1}</c>… for the variable
/// parts (see <see cref="Infrastructure.Localization.MessageTranslator"/>).
/// </summary>
public sealed class DomainMessages;
