using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telephony.Portal.Infrastructure.Localization;
using Telephony.Portal.Resources;

namespace Telephony.Portal.Tests.Localization;

/// <summary>The domain's English messages, as the French UI shows them.</summary>
public sealed class MessageTranslatorTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;
    private readonly MessageTranslator _translator;

    public MessageTranslatorTests()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        _translator = new MessageTranslator(new StringLocalizer<DomainMessages>(factory));
        CultureInfo.CurrentUICulture = PortalLocalization.French;
    }

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;

    [Fact]
    public void Translate_FixedMessage_IsItsFrenchEntry() =>
        Assert.Equal("Les appels ne peuvent pas être renvoyés vers un numéro d'urgence.", _translator.Translate("Calls cannot be forwarded to an emergency number."));

    [Fact]
    public void Translate_MessageWithVariableParts_PutsThemIntoTheFrenchPattern() =>
        Assert.Equal("Le numéro court 201 est déjà utilisé dans votre entreprise.", _translator.Translate("Short number 201 is already used in your company."));

    [Fact]
    public void Translate_PartsInAnotherOrder_LandWhereTheFrenchPutsThem() =>
        Assert.Equal("Le Yealink T54W a 27 touches programmables ; retirez-en 3.", _translator.Translate("The Yealink T54W has 27 programmable keys; remove 3."));

    [Fact]
    public void Translate_PartThatIsAKnownWord_IsTranslatedToo() =>
        Assert.Equal("Aucun forfait « Ligne fixe » n'est disponible : 2 sur 2 sont utilisés.", _translator.Translate("No Fixed line plan is available: 2 of 2 are in use."));

    [Fact]
    public void Translate_CsvRowMessage_TranslatesTheRowAndTheFieldMessageInIt() =>
        Assert.Equal(
            "Ligne 2 : Saisissez un numéro français (0X XX XX XX XX) ou un numéro international commençant par + ou 00.",
            _translator.Translate("Line 2: Enter a French number (0X XX XX XX XX) or an international one starting with + or 00."));

    [Fact]
    public void Translate_SeveralPatternsMatch_TheMostSpecificWins() =>
        Assert.Equal("Ligne 4 : le numéro court 901 est déjà utilisé dans votre entreprise.", _translator.Translate("Line 4: short number 901 is already used in your company."));

    [Fact]
    public void Translate_AudioDuration_KeepsMinutesAndSeconds() =>
        Assert.Equal("L'enregistrement dure 4 min 00 s ; une annonce dure au plus 2 minutes.", _translator.Translate("The recording lasts 4 min 00 s; an announcement is at most 2 minutes."));

    [Fact]
    public void Translate_MobileTaken_PutsTheNameWhereTheFrenchDoes() =>
        Assert.Equal("Le mobile de Chloé Bernard est déjà associé à une autre ligne.", _translator.Translate("Chloé Bernard's mobile is already associated with another line."));

    [Fact]
    public void Translate_HuntGroupReference_OfALineToDelete() =>
        Assert.Equal("le groupement d'appels « Standard »", _translator.Translate("the hunt group \"Standard\""));

    [Fact]
    public void Translate_UnknownMessage_IsShownAsItIs() =>
        Assert.Equal("Something nobody wrote down.", _translator.Translate("Something nobody wrote down."));

    [Fact]
    public void Translate_InEnglish_KeepsTheDomainMessage()
    {
        CultureInfo.CurrentUICulture = PortalLocalization.English;

        Assert.Equal("Short number 201 is already used in your company.", _translator.Translate("Short number 201 is already used in your company."));
    }
}
