package vn.vneidbridge.vneid;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.vneidbridge.vneid.partner.PartnerDecryptionListener;
import vn.vneidbridge.vneid.partner.PartnerPayload;

/**
 * {@code vneid_partner_api_decrypt_seconds{what}}: each decryption of a partner-API login ({@code code},
 * {@code token}, {@code userinfo}: one each per login), with a percentile histogram from 50 µs to 5 s. Tagged by
 * what was decrypted only, never by whether it decrypted (that must not be readable from the outside). Every
 * series is published at zero.
 */
final class PartnerDecryptionTimers implements PartnerDecryptionListener {

    static final String NAME = "vneid.partner.api.decrypt";
    static final Duration FASTEST = Duration.ofNanos(50_000);
    static final Duration SLOWEST = Duration.ofSeconds(5);

    private final Map<PartnerPayload, Timer> timers = new EnumMap<>(PartnerPayload.class);

    PartnerDecryptionTimers(MeterRegistry meters) {
        for (PartnerPayload what : PartnerPayload.values()) {
            timers.put(what, Timer.builder(NAME)
                    .description("Decryptions of VNeID partner-API logins: the code, the token and userinfo answers")
                    .tag("what", what.tag())
                    .publishPercentileHistogram().minimumExpectedValue(FASTEST).maximumExpectedValue(SLOWEST)
                    .register(meters));
        }
    }

    /** The timers in Keycloak's registry. */
    static PartnerDecryptionTimers global() {
        return Global.TIMERS;
    }

    @Override
    public void decrypted(PartnerPayload what, long nanos) {
        timers.get(what).record(nanos, TimeUnit.NANOSECONDS);
    }

    private static final class Global {
        static final PartnerDecryptionTimers TIMERS = new PartnerDecryptionTimers(Metrics.globalRegistry);
    }
}
