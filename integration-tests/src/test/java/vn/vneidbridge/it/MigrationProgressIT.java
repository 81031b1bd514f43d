package vn.vneidbridge.it;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.it.support.TestKeycloak;

/** Migration progress with the legacy database on H2 (the sandbox's setup). */
@ExtendWith(TestKeycloak.class)
class MigrationProgressIT extends MigrationProgressContract {
}
