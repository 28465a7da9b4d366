namespace Example.Epj.Helsenorge;

/// Message types and processes the EPJ sends to and receives from Helsenorge over AMQP.
public static class HelsenorgeMessageTypes
{
    public const string Oppgave = "DIALOG_INNBYGGER_OPPGAVE";
    public const string OppgaveProcess = "Dialog_Innbygger_Oppgave";
    public const string Digitalbruker = "DIALOG_INNBYGGER_DIGITALBRUKER";
    public const string DigitalbrukerProcess = "Dialog_Innbygger_Digitalbruker";

    // Near misses: current types, and longer names that only start like a retired one.
    public const string EKontakt = "DIALOG_INNBYGGER_EKONTAKT";
    public const string Timereservasjon = "DIALOG_INNBYGGER_TIMERESERVASJON";
    public const string OppgaveArchive = "DIALOG_INNBYGGER_OPPGAVE_ARKIV";
    public const string Skjemainnsending = "Dialog_Innbygger_Skjemainnsending";

    // Reading the archive of tasks received before the type was removed is deliberate:
    // nhn-ignore-next-line message-type/dialog-innbygger-oppgave -- archive reader only
    public const string ArchivedOppgave = "DIALOG_INNBYGGER_OPPGAVE";
}

/// Checks whether a citizen is active on Helsenorge.
public static class DigitaltAktiv
{
    public const string Omraade = "/digitaltaktiv/v1/DigitaltAktivOmraade";
    public const string StatusEndringer = "/digitaltaktiv/DigitaltAktivStatusEndringer/v1";
    public const string OmraadeName = "DigitaltAktivOmråde";
    // Near miss: the replacement.
    public const string AktivSjekken = "/digitaltaktiv/helsenorgeaktivsjekken/v1";
}

/// Trusts Helsenorge's signing certificate by serial number (do not do this).
public static class HelsenorgeCertificate
{
    public static readonly string[] TrustedSerials = { "23505478017947796811956856", "23505464325639079589484676" };
    // Near miss: a longer number that merely contains a serial.
    public const string OrderNumber = "9235054780179477968119568561";
}
