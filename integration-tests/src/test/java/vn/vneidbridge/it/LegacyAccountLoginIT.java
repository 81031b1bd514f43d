package vn.vneidbridge.it;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.it.support.TestKeycloak;

/** Legacy portal accounts with the legacy database on H2, as in the sandbox. */
@ExtendWith(TestKeycloak.class)
class LegacyAccountLoginIT extends LegacyAccountLoginContract {
}
