namespace Telephony.MediaServer.Audio;

/// <summary>
/// Names of the predefined prompts (Prompts/prompts.tsv for speech, Prompts/generate.sh for the
/// tones), each in French and English.
/// </summary>
public static class PromptNames
{
    // S-ANN predefined announcements, L-HOLDANN, L-CWANN, H-WAITANN, H-OVERFLOW.
    public const string Welcome = "welcome";
    public const string Hold = "hold";
    public const string CallWaiting = "call-waiting";
    public const string Waiting = "waiting";
    public const string Deterrent = "deterrent";

    // L-ANON, L-RESTRICT, unknown numbers.
    public const string AnonymousRejected = "anonymous-rejected";
    public const string CallBarred = "call-barred";
    public const string NumberNotInService = "number-not-in-service";

    // V-BOX standard greeting: "you have reached" + digits + "leave a message after the tone" + beep.
    public const string YouHaveReached = "you-have-reached";
    public const string LeaveMessage = "leave-message";
    public const string Beep = "beep";
    public const string BoxFull = "box-full";

    // V-ACCESS voice menu.
    public const string EnterPin = "enter-pin";
    public const string WrongPin = "wrong-pin";
    public const string PinChanged = "pin-changed";
    public const string YouHave = "you-have";
    public const string NewMessage = "new-message";
    public const string NewMessages = "new-messages";
    public const string SavedMessage = "saved-message";
    public const string SavedMessages = "saved-messages";
    public const string And = "and";
    public const string NoMessages = "no-messages";
    public const string MainMenu = "main-menu";
    public const string MessageMenu = "message-menu";
    public const string GreetingMenu = "greeting-menu";
    public const string SettingsMenu = "settings-menu";
    public const string RecordAfterTone = "record-after-tone";
    public const string MessageSaved = "message-saved";
    public const string MessageDeleted = "message-deleted";
    public const string EndOfMessages = "end-of-messages";
    public const string Goodbye = "goodbye";
    public const string ChoosePin = "choose-pin";
    public const string GreetingSaved = "greeting-saved";

    // I-MENU and feature codes.
    public const string InvalidChoice = "invalid-choice";
    public const string FeatureActivated = "feature-activated";
    public const string FeatureDeactivated = "feature-deactivated";

    /// <summary>The prompt of one digit, "0" to "9".</summary>
    public static string Digit(int digit) =>
        digit is >= 0 and <= 9 ? ((char)('0' + digit)).ToString() : throw new ArgumentOutOfRangeException(nameof(digit), digit, "A digit is 0 to 9.");

    /// <summary>The digit prompts of a number, one per digit; anything else in it ("+", spaces, dots) is not spoken.</summary>
    public static IEnumerable<string> DigitsOf(string number) =>
        number.Where(char.IsAsciiDigit).Select(c => Digit(c - '0'));
}
