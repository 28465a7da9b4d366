package no.example.persons

import java.net.URI
import java.net.http.HttpRequest

/** Looks up patients in Persontjenesten and reads measurements and maternity records. */
object PersonClient {
    // Persontjenesten v2 and v0.5 scopes.
    val scopes = listOf("nhn:hgd-persontjenesten-api/read-with-legal-basis", "nhn:hgd-persontjenesten-api/read-no-legal-basis")
    const val LEGACY_SCOPE = "nhn:hgd-persontjenesten-api/read"
    // Near misses: the v3 scopes.
    val v3Scopes = listOf("nhn:hgd-persontjenesten-api/full-access", "nhn:hgd-persontjenesten-api/restricted-access")

    // HelseID client assertion header for Persontjenesten.
    val assertionHeader = mapOf("alg" to "RS256", "typ" to "JWT")

    // Pasientens måledata, the v1 way.
    const val PMD_BASE = "https://test.pmd.nhn.no/fhir/"
    fun pmd(pid: String): HttpRequest = HttpRequest.newBuilder(URI.create("${PMD_BASE}Observation/_search"))
        .header("x-pmd-patient", pid)
        .header("x-pmd-requester", "565501872")
        .build()
    // Near miss: PMD 2.0.
    const val PMD2_BASE = "https://pmd.test.nhn.no/"

    // Maternity record API with the old hit-* headers and a bearer token, which it refuses.
    fun maternity(pid: String, token: String): HttpRequest = HttpRequest.newBuilder(URI.create("https://test.maternity-record.hit.nhn.no/api/maternity-record/v1/status"))
        .header("Authorization", "Bearer $token")
        .header("hit-user-role", "LE")
        .header("hit-source-system", "Example EPJ")
        .header("hit-access-basis", "SAMTYKKE")
        .header("hit-patient-pid", pid)
        .header("hit-event-id", "42")
        // Near misses: the current names.
        .header("nhn-correlation-id", "1")
        .build()
}
