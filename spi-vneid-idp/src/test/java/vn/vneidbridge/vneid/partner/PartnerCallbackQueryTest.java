package vn.vneidbridge.vneid.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PartnerCallbackQueryTest {

    @Nested
    class GivenVneidsUnescapedBase64 {

        private final String raw = "code=ab+c/d==&encrypt_key=K+y%2Fz%3D%3D&state=s.1";

        @Test
        void thenThePlusStaysAPlus() {
            assertThat(PartnerCallbackQuery.parameter(raw, "code")).hasValue("ab+c/d==");
        }

        @Test
        void thenPercentEscapesAreDecoded() {
            assertThat(PartnerCallbackQuery.parameter(raw, "encrypt_key")).hasValue("K+y/z==");
        }

        @Test
        void thenAnEscapedPlusIsAPlusToo() {
            assertThat(PartnerCallbackQuery.parameter("code=a%2Bb", "code")).hasValue("a+b");
        }
    }

    @Nested
    class GivenOddQueries {

        @Test
        void thenAbsentOrMalformedGivesNothing() {
            assertThat(PartnerCallbackQuery.parameter(null, "code")).isEmpty();
            assertThat(PartnerCallbackQuery.parameter("state=x", "code")).isEmpty();
            assertThat(PartnerCallbackQuery.parameter("code=%G1", "code")).isEmpty();
            assertThat(PartnerCallbackQuery.parameter("code=%2", "code")).isEmpty();
        }

        @Test
        void thenTheFirstValueCountsAndAPrefixIsNoMatch() {
            assertThat(PartnerCallbackQuery.parameter("xcode=1&code=2&code=3", "code")).hasValue("2");
            assertThat(PartnerCallbackQuery.parameter("code", "code")).hasValue("");
        }
    }
}
