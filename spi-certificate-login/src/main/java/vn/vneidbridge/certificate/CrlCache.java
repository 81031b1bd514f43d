package vn.vneidbridge.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.common.crypto.CryptoIntegration;
import vn.vneidbridge.core.http.BoundedBodySubscriber;

/**
 * The CRLs of the certificates' distribution points, fetched over HTTP(S) with short timeouts and kept until their
 * next update or for the step's maximum age, whichever comes first. A list is kept only when it was signed by the issuer the validated path names for the certificate
 * that points at it, so a list forged on the way (CRLs travel over plain HTTP) is never kept, and blocks nobody
 * beyond the one request. A distribution point that did not answer is not asked again for {@link #RETRY_AFTER} (or the step's maximum age, if
 * shorter).
 * The JDK checks each list again when it validates the path ({@link CertificatePath}).
 */
final class CrlCache {

    private static final Logger LOG = Logger.getLogger(CrlCache.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** The whole answer, headers and body. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** A list without a next update is asked again after this long. */
    static final Duration NO_NEXT_UPDATE = Duration.ofMinutes(10);
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    /** A kept list, the issuer whose key verified it when it was fetched, and until when it is used. */
    private record Entry(X509CRL crl, X509Certificate verifiedWith, Instant keepUntil) {

        /** Whether {@code issuer} is the one that verified it: no signature is verified again per login. */
        boolean verifiedBy(X509Certificate issuer) {
            return verifiedWith.getSubjectX500Principal().equals(issuer.getSubjectX500Principal())
                    && verifiedWith.getPublicKey().equals(issuer.getPublicKey());
        }
    }

    private final Map<String, Entry> lists = new ConcurrentHashMap<>();
    private final Map<String, Instant> failedUntil = new ConcurrentHashMap<>();
    private final Map<String, Object> fetching = new ConcurrentHashMap<>();
    private final Function<URI, byte[]> fetch;
    private final Function<X509Certificate, List<String>> distributionPoints;
    private final Clock clock;

    /**
     * @param fetch              a list's bytes at an address (throws when there are none)
     * @param distributionPoints a certificate's CRL distribution points
     */
    CrlCache(Function<URI, byte[]> fetch, Function<X509Certificate, List<String>> distributionPoints, Clock clock) {
        this.fetch = fetch;
        this.distributionPoints = distributionPoints;
        this.clock = clock;
    }

    /** A cache that fetches over the network with {@link #CONNECT_TIMEOUT} and {@link #READ_TIMEOUT}. */
    static CrlCache overHttp() {
        return overHttp(CrlCache::keycloaksDistributionPoints);
    }

    /** The same, reading the distribution points with {@code distributionPoints}. */
    static CrlCache overHttp(Function<X509Certificate, List<String>> distributionPoints) {
        // the JVM's proxy settings (http.proxyHost, ...), for data centres whose way out goes through one
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .proxy(ProxySelector.getDefault()).followRedirects(HttpClient.Redirect.NEVER).build();
        return new CrlCache(uri -> download(client, uri), distributionPoints, Clock.systemUTC());
    }

    /**
     * The current lists of {@code certificate}'s distribution points that {@code issuer} signed, each fetched again
     * once older than {@code maxAge} (a CA publishes a revocation before its list's next update).
     */
    List<X509CRL> crls(X509Certificate certificate, X509Certificate issuer, Duration maxAge) {
        List<X509CRL> found = new ArrayList<>();
        for (String point : points(certificate)) {
            URI uri = httpUri(point);
            if (uri == null) {
                continue;
            }
            X509CRL crl = crl(uri, issuer, maxAge);
            if (crl != null) {
                found.add(crl);
            }
        }
        return found;
    }

    private X509CRL crl(URI uri, X509Certificate issuer, Duration maxAge) {
        String key = uri.toString();
        X509CRL kept = fresh(key, issuer);
        if (kept != null) {
            return kept;
        }
        // one fetch of a list at a time: the logins waiting for it use what it brought (review C4)
        synchronized (fetching.computeIfAbsent(key, any -> new Object())) {
            kept = fresh(key, issuer);
            return kept != null ? kept : fetch(uri, key, issuer, maxAge);
        }
    }

    private X509CRL fresh(String key, X509Certificate issuer) {
        Entry kept = lists.get(key);
        return kept != null && clock.instant().isBefore(kept.keepUntil()) && kept.verifiedBy(issuer)
                ? kept.crl() : null;
    }

    private X509CRL fetch(URI uri, String key, X509Certificate issuer, Duration maxAge) {
        Instant now = clock.instant();
        Instant failed = failedUntil.get(key);
        // a point that failed is asked again after RETRY_AFTER, or sooner where the step wants fresher lists
        if (failed != null && now.isBefore(failed.minus(RETRY_AFTER).plus(min(RETRY_AFTER, maxAge)))) {
            return null;
        }
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(fetch.apply(uri)));
            if (!signedBy(crl, issuer)) {
                LOG.warnf("the CRL of %s is not signed by the issuer it is named for: not used", hostOf(uri));
                failedUntil.put(key, now.plus(RETRY_AFTER));
                return null;
            }
            Entry kept = lists.get(key);
            if (kept != null && kept.verifiedBy(issuer) && kept.crl().getThisUpdate() != null
                    && crl.getThisUpdate() != null && crl.getThisUpdate().before(kept.crl().getThisUpdate())) {
                // an older list than the one kept (replayed on the way): the newer one stays (review C8)
                crl = kept.crl();
            }
            Instant next = crl.getNextUpdate() == null ? now.plus(NO_NEXT_UPDATE) : crl.getNextUpdate().toInstant();
            Instant aged = now.plus(maxAge);
            lists.put(key, new Entry(crl, issuer, aged.isBefore(next) ? aged : next));
            failedUntil.remove(key);
            return crl;
        } catch (GeneralSecurityException | RuntimeException e) {
            // the message may quote the URL's answer: the class is enough for an operator to start
            LOG.warnf("the CRL of %s could not be had (%s): logins with certificates it covers are refused"
                    + " as 'revocation unknown' until it answers", hostOf(uri), e.getClass().getSimpleName());
            failedUntil.put(key, now.plus(RETRY_AFTER));
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private List<String> points(X509Certificate certificate) {
        try {
            List<String> points = distributionPoints.apply(certificate);
            return points == null ? List.of() : points;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The distribution points as Keycloak's crypto provider reads them. */
    private static List<String> keycloaksDistributionPoints(X509Certificate certificate) {
        try {
            return CryptoIntegration.getProvider().getCertificateUtils().getCRLDistributionPoints(certificate);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static URI httpUri(String point) {
        try {
            URI uri = URI.create(point.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static byte[] download(HttpClient client, URI uri) {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(HttpRequest.newBuilder(uri)
                .timeout(READ_TIMEOUT).GET().build(), BoundedBodySubscriber.handler(MAX_BYTES));
        try {
            HttpResponse<byte[]> response = answer.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName(), e);
        } catch (TimeoutException e) {
            answer.cancel(true);
            // the whole answer, headers and body, within READ_TIMEOUT: a list that trickles is no answer (review C4)
            throw new IllegalStateException("no whole answer within " + READ_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
