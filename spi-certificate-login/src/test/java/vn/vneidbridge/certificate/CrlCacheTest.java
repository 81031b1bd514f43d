package vn.vneidbridge.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lists of the distribution points: fetched, verified against the path's issuer, kept, and asked again. */
class CrlCacheTest {

    private static final URI LIST = URI.create("http://crl.test/ca.crl");

    private TestCa ca;
    private X509Certificate person;
    private final AtomicReference<byte[]> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private CrlCache cache;

    @BeforeEach
    void aCaAndItsList() throws Exception {
        ca = TestCa.root("TEST CA");
        person = ca.person("CCCD:001090001234", LIST);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        cache = new CrlCache(uri -> {
            fetches.incrementAndGet();
            byte[] bytes = served.get();
            if (bytes == null) {
                throw new IllegalStateException("HTTP 503");
            }
            return bytes;
        }, TestCa::distributionPoints, clock);
    }

    private List<X509CRL> lists(Duration maxAge) {
        return cache.crls(person, ca.certificate, maxAge);
    }

    @Test
    void thenAListIsKeptForTheMaximumAgeThenFetchedAgain() throws Exception {
        served.set(ca.crl(now.get().minusSeconds(60), Duration.ofDays(1)).getEncoded());

        assertThat(lists(Duration.ofMinutes(60))).hasSize(1);
        assertThat(lists(Duration.ofMinutes(60))).hasSize(1);
        assertThat(fetches).hasValue(1);
        now.set(now.get().plus(Duration.ofMinutes(61)));
        assertThat(lists(Duration.ofMinutes(60))).hasSize(1);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void thenAListNotSignedByThePathsIssuerIsNeverKept() throws Exception {
        TestCa lookAlike = TestCa.root("TEST CA");
        served.set(lookAlike.crl(now.get().minusSeconds(60), Duration.ofDays(1)).getEncoded());

        assertThat(lists(Duration.ofMinutes(60))).isEmpty();
        served.set(ca.crl(now.get().minusSeconds(60), Duration.ofDays(1)).getEncoded());
        now.set(now.get().plus(CrlCache.RETRY_AFTER).plusSeconds(1));
        assertThat(lists(Duration.ofMinutes(60))).hasSize(1);
    }

    @Test
    void thenAnOlderListServedAfterANewerOneDoesNotReplaceIt() throws Exception {
        X509CRL newer = ca.crl(now.get().minusSeconds(60), Duration.ofDays(1), person);
        X509CRL older = ca.crl(now.get().minus(Duration.ofHours(2)), Duration.ofDays(1));
        served.set(newer.getEncoded());
        assertThat(lists(Duration.ZERO)).containsExactly(newer);

        served.set(older.getEncoded());
        now.set(now.get().plusSeconds(1));

        assertThat(lists(Duration.ZERO).get(0).isRevoked(person)).as("the revocation stays").isTrue();
    }

    @Test
    void thenAPointThatFailedIsNotAskedAgainAtOnceButIsWhereTheStepWantsEveryLoginFresh() throws Exception {
        assertThat(lists(Duration.ofMinutes(60))).isEmpty();
        assertThat(lists(Duration.ofMinutes(60))).isEmpty();
        assertThat(fetches).as("one failure, then a pause").hasValue(1);

        served.set(ca.crl(now.get().minusSeconds(60), Duration.ofDays(1)).getEncoded());
        assertThat(lists(Duration.ZERO)).hasSize(1);
    }

    @Test
    void thenAServerThatSendsItsHeadersThenStallsIsNoAnswerWithinTheReadTimeout() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        server.createContext("/ca.crl", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[] {0x30});
            exchange.getResponseBody().flush();
            try {
                released.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try {
            URI slow = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ca.crl");
            X509Certificate covered = ca.person("CCCD:001090001234", slow);
            long started = System.nanoTime();

            List<X509CRL> found = CrlCache.overHttp(TestCa::distributionPoints).crls(covered, ca.certificate,
                    Duration.ZERO);

            assertThat(found).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(CrlCache.READ_TIMEOUT.plusSeconds(5));
        } finally {
            released.countDown();
            server.stop(0);
        }
    }

    @Test
    void thenOnlyHttpPointsAreAsked() throws Exception {
        X509Certificate ldap = ca.person("CCCD:001090001234", URI.create("ldap://directory.test/cn=CA"));
        served.set(ca.crl(now.get().minusSeconds(60), Duration.ofDays(1)).getEncoded());

        List<X509CRL> found = new ArrayList<>(cache.crls(ldap, ca.certificate, Duration.ZERO));

        assertThat(found).isEmpty();
        assertThat(fetches).hasValue(0);
    }
}
