package no.example.lab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/** Sends e-prescriptions to Reseptformidleren. The package name no.ergo.reseptformidleren is fine; the host is not. */
public final class PrescriptionGateway {
    static final URI RF = URI.create("https://rf.test3-na-int.reseptformidleren.net/RFService");
    private final HttpClient http = HttpClient.newHttpClient();

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(RF.resolve(path)).header("Content-Type", "application/soap+xml");
    }
}
