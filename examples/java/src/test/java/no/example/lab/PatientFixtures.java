package no.example.lab;

/** Patients for the prescription gateway tests. */
final class PatientFixtures {
    private PatientFixtures() {}

    // PREG-era test person "Line Danser": E-resept stopped accepting PREG persons on 09.11.2024.
    static final String LINE_DANSER = "13116900216";

    // Copied from a support ticket "to reproduce the bug". Made up for this example, but it looks
    // exactly like a real person's fødselsnummer and D-number.
    static final String TICKET_PATIENT = "03048527182";
    static final long TICKET_D_NUMBER = 46079115568L;

    // A SyntPop person (RELEVANT MILJØGIFT, month + 80): this is what test code should use.
    static final String SYNTPOP_PATIENT = "04886897869";

    // Not identity numbers, and not reported: an order number, a phone number, an account number.
    static final long ORDER_ID = 20241109123456L;
    static final String PHONE = "+4722334455";
    static final String KONTONUMMER = "25016440879";
}
