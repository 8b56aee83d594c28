namespace Telephony.MediaServer.Persistence;

/// <summary>
/// Who runs a cluster-wide job (the voicemail purge) until when: an instance takes the row
/// when it is free or expired, so one instance at a time does the work.
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTime LeasedUntil { get; set; }
}
