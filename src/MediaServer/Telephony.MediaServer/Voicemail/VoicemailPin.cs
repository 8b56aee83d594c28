using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Telephony.MediaServer.Voicemail;

/// <summary>
/// A box PIN at rest: PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c> (base64). A 4-digit PIN has few
/// values, so the iteration count is what makes a stolen table slow to search; checks compare
/// in constant time. The PIN itself is never stored nor logged.
/// </summary>
public static class VoicemailPin
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string pin)
    {
        if (!VoicemailLimits.IsValidPin(pin))
        {
            throw new ArgumentException($"A PIN is {VoicemailLimits.MinPinLength} to {VoicemailLimits.MaxPinLength} digits.", nameof(pin));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(pin, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string pin, string stored)
    {
        if (stored.Split('$') is not [Scheme, var iterationsText, var saltText, var hashText]
            || !int.TryParse(iterationsText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        var expected = Convert.FromBase64String(hashText);
        return CryptographicOperations.FixedTimeEquals(Derive(pin, Convert.FromBase64String(saltText), iterations), expected);
    }

    private static byte[] Derive(string pin, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
