namespace Telephony.ServiceDefaults.Tenancy;

/// <summary>
/// A write that would cross the tenant boundary. It signals a programming error, never a
/// user mistake, so it is an exception and not a typed result.
/// </summary>
public sealed class TenantIsolationException : InvalidOperationException
{
    public TenantIsolationException()
    {
    }

    public TenantIsolationException(string message)
        : base(message)
    {
    }

    public TenantIsolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
