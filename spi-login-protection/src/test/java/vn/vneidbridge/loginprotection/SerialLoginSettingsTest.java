package vn.vneidbridge.loginprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerialLoginSettingsTest {

    @Nested
    class GivenAServerWithoutTheOptions {

        @Test
        void thenALoginWaitsFiveSecondsAndTenMayWait() {
            SerialLoginSettings settings = SerialLoginSettings.read(name -> null);
            assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.maxWaiting()).isEqualTo(10);
            assertThat(settings).isEqualTo(SerialLoginSettings.defaults());
        }

        @Test
        void thenBlankOptionsAreTheDefaultsToo() {
            assertThat(SerialLoginSettings.read(name -> "  ")).isEqualTo(SerialLoginSettings.defaults());
        }
    }

    @Nested
    class GivenTheOptionsSet {

        @Test
        void thenTheyAreTaken() {
            Map<String, String> options = Map.of("maxWaitMillis", " 0 ", "maxWaiting", "25");
            SerialLoginSettings settings = SerialLoginSettings.read(options::get);
            assertThat(settings.maxWait()).isZero();
            assertThat(settings.maxWaiting()).isEqualTo(25);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "60001", "5s", "1e3", "99999999999"})
        void thenAWaitOutOfRangeStopsTheServerNamingTheOption(String value) {
            assertThatThrownBy(() -> SerialLoginSettings.read(name -> name.equals("maxWaitMillis") ? value : null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("spi-brute-force-protector--vneid-serial-logins--max-wait-millis")
                    .hasMessageContaining("0 to 60000");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-5", "1001", "ten"})
        void thenAWaitingCapOutOfRangeStopsTheServerNamingTheOption(String value) {
            assertThatThrownBy(() -> SerialLoginSettings.read(name -> name.equals("maxWaiting") ? value : null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--max-waiting must be a whole number from 0 to 1000");
        }
    }
}
