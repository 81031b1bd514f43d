package vn.vneidbridge.operations.bulk;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.legacy.store.LegacyAccount;

/**
 * The part of a legacy row the bulk check reads. Personal data: {@link #toString()} shows the legacy key only.
 */
record CheckedAccount(String legacyId, Optional<String> cccd, Optional<String> cmnd, String fullName,
                      LocalDate birthDate, Optional<Gender> gender, boolean cccdVerified) {

    CheckedAccount {
        Objects.requireNonNull(legacyId, "legacyId");
        Objects.requireNonNull(cccd, "cccd");
        Objects.requireNonNull(cmnd, "cmnd");
        Objects.requireNonNull(gender, "gender");
    }

    static CheckedAccount of(LegacyAccount account) {
        return new CheckedAccount(account.legacyId(), account.cccd(), account.cmnd(), account.fullName(),
                account.birthDate(), account.gender(), account.cccdVerified());
    }

    @Override
    public String toString() {
        return "CheckedAccount[" + legacyId + "]";
    }
}
