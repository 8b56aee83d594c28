using Telephony.Portal.Features.Contacts;

namespace Telephony.Portal.Components.Pages.Manage.Contacts;

public sealed class ContactForm
{
    public string? Name { get; set; }

    public string? Number { get; set; }

    public string? ShortNumber { get; set; }

    public ContactRequest ToRequest() => new(Name, Number, ShortNumber);

    public static ContactForm Of(ContactView contact) => new() { Name = contact.Name, Number = contact.NationalNumber, ShortNumber = contact.ShortNumber };
}
