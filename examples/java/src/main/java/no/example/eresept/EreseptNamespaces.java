package no.example.eresept;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;

/** Namespaces of the e-resept messages the pharmacy system reads and writes. */
public final class EreseptNamespaces {
    // e-resept 2.4: replaced by 2.5 (M1 2013-10-08, FEST 2014-12-01).
    public static final String M1 = "http://www.kith.no/xmlstds/eresept/m1/2010-05-01";
    public static final String FEST = "http://www.kith.no/xmlstds/eresept/m30/2010-09-01";
    public static final String UTLEVERING = "http://www.kith.no/xmlstds/eresept/utlevering/2010-05-01";
    public static final String RESEPTLISTE_2009 = "http://www.kith.no/xmlstds/eresept/m96/2009-03-18";
    // Superseded later versions: information only.
    public static final String RESEPTLISTE_REKVIRENT = "http://www.kith.no/xmlstds/eresept/m96/2015-05-01";
    // Forskrivningsmodulen's EPJ API (end of life 30.06.2025) and the FM -> SFM migration export.
    public static final String FM_EPJ_API = "http://www.kith.no/xmlstds/eresept/forskrivningsmodul/epjapi/2019-07-26";
    public static final String FM_EXPORT = "http://www.kith.no/xmlstds/eresept/forskrivningsmodul/export/2019-11-13";

    // Near misses: current namespaces. M3 keeps its 2010 date in 2.5; the extension is its own namespace.
    public static final String M1_CURRENT = "http://www.kith.no/xmlstds/eresept/m1/2013-10-08";
    public static final String M1_EXTENSION = "http://www.kith.no/xmlstds/eresept/m1/2013-10-08/extension/1";
    public static final String M3 = "http://www.kith.no/xmlstds/eresept/m3/2010-05-01";
    public static final String M96_CURRENT = "http://www.ehelse.no/xmlstds/eresept/m96/2021-02-01";

    private EreseptNamespaces() {}

    /** HelseID client assertion (private_key_jwt) for the RF web services. */
    static JWSHeader assertionHeader() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build();
    }

    static JWTClaimsSet assertionClaims(String clientId) {
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience("https://helseid-sts.nhn.no/connect/token").build();
    }
}
