package vn.vneidbridge.it;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.it.support.TestKeycloakOnPostgres;

/** Migration progress with the legacy database on PostgreSQL, the operator's production case. */
@ExtendWith(TestKeycloakOnPostgres.class)
class MigrationProgressOnPostgresIT extends MigrationProgressContract {
}
