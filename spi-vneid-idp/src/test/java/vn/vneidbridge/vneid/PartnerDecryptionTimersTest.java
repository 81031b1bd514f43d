package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.vneid.partner.PartnerAesMode;
import vn.vneidbridge.vneid.partner.PartnerCipher;
import vn.vneidbridge.vneid.partner.PartnerPayload;

/** {@code vneid_partner_api_decrypt_seconds{what}}: the partner API's decryptions in Keycloak's registry. */
class PartnerDecryptionTimersTest {

    private static final PrivateKey KEY = rsa();

    private static PrivateKey rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachDecryptionIsCountedUnderWhatItDecryptedAndNoOther() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PartnerCipher cipher = new PartnerCipher(List.of(KEY), PartnerAesMode.ECB, new PartnerDecryptionTimers(meters));
        cipher.decrypt(PartnerPayload.TOKEN, "d3JhcHBlZA==", "ZGF0YQ==");
        cipher.decrypt(PartnerPayload.TOKEN, "d3JhcHBlZA==", "ZGF0YQ==");
        cipher.decrypt(PartnerPayload.USERINFO, "d3JhcHBlZA==", "ZGF0YQ==");

        assertThat(count(meters, "token")).isEqualTo(2);
        assertThat(count(meters, "userinfo")).isEqualTo(1);
        assertThat(count(meters, "code")).isZero();
        assertThat(meters.find(PartnerDecryptionTimers.NAME).timers()).as("one series per payload, no outcome tag")
                .hasSize(3).allSatisfy(timer -> assertThat(timer.getId().getTags()).extracting("key")
                        .containsExactly("what"));
    }

    @Test
    void registeringTheVneidMetricsPublishesTheThreeSeriesAtZero() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        VneidMetrics.register(meters);
        assertThat(meters.find(PartnerDecryptionTimers.NAME).timers()).hasSize(3)
                .allSatisfy(timer -> assertThat(timer.count()).isZero());
        assertThat(meters.find(PartnerDecryptionTimers.NAME).timers()).extracting(Meter::getId)
                .extracting(id -> id.getTag("what")).containsExactlyInAnyOrder("code", "token", "userinfo");
    }

    @Test
    void prometheusShowsVneidPartnerApiDecryptSecondsWithBucketsFrom50MicrosecondsTo5Seconds() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new PartnerCipher(List.of(KEY), PartnerAesMode.ECB, new PartnerDecryptionTimers(prometheus))
                .decrypt(PartnerPayload.CODE, "d3JhcHBlZA==", "ZGF0YQ==");
        String scrape = prometheus.scrape();
        assertThat(scrape).contains("vneid_partner_api_decrypt_seconds_count{what=\"code\",} 1.0",
                "vneid_partner_api_decrypt_seconds_count{what=\"token\",} 0.0",
                "vneid_partner_api_decrypt_seconds_count{what=\"userinfo\",} 0.0",
                "vneid_partner_api_decrypt_seconds_sum{what=\"code\",}",
                "vneid_partner_api_decrypt_seconds_bucket{what=\"code\",le=\"5.0E-5\",}",
                "vneid_partner_api_decrypt_seconds_bucket{what=\"code\",le=\"5.0\",} 1.0");
    }

    private static long count(SimpleMeterRegistry meters, String what) {
        return meters.get(PartnerDecryptionTimers.NAME).tag("what", what).timer().count();
    }
}
