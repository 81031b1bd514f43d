package vn.vneidbridge.vneid.assurance;

import java.util.Optional;
import vn.vneidbridge.vneid.VneidLevel;

/**
 * The levels of assurance realm {@code dvc} issues, each an {@code acr} value and the Keycloak level of
 * authentication (LoA) with the same number, so that Keycloak's numeric fallback for an acr value it does not know
 * ({@code "3"} read as level 3) can never be met by a lower level:
 * <table>
 *   <caption>acr values</caption>
 *   <tr><th>acr</th><th>LoA</th><th>how the citizen logged in</th></tr>
 *   <tr><td>{@code "0"}</td><td>0</td><td>portal account password (legacy portal database)</td></tr>
 *   <tr><td>{@code "1"}</td><td>1</td><td>VNeID, level-1 account</td></tr>
 *   <tr><td>{@code "2"}</td><td>2</td><td>VNeID, level-2 account</td></tr>
 * </table>
 * The realm's ACR-to-LoA map ({@code acr.loa.map}) also names {@code LoA1}/{@code LoA2}, the national portal SSO's
 * names, as aliases of levels 1 and 2.
 */
public enum AssuranceLevel {
    PORTAL_PASSWORD(0),
    VNEID_LEVEL_1(1),
    VNEID_LEVEL_2(2);

    private final int loa;

    AssuranceLevel(int loa) {
        this.loa = loa;
    }

    /** Keycloak's level of authentication. */
    public int loa() {
        return loa;
    }

    /** The {@code acr} claim value. */
    public String acr() {
        return String.valueOf(loa);
    }

    /** The level a VNeID login of an account of {@code level} reaches. */
    public static AssuranceLevel of(VneidLevel level) {
        return level == VneidLevel.LEVEL_2 ? VNEID_LEVEL_2 : VNEID_LEVEL_1;
    }

    /** The level with Keycloak level of authentication {@code loa}, if it is one of ours. */
    public static Optional<AssuranceLevel> ofLoa(int loa) {
        for (AssuranceLevel level : values()) {
            if (level.loa == loa) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The VNeID account level this level stands for; empty for a password login. */
    public Optional<VneidLevel> vneidLevel() {
        return switch (this) {
            case VNEID_LEVEL_1 -> Optional.of(VneidLevel.LEVEL_1);
            case VNEID_LEVEL_2 -> Optional.of(VneidLevel.LEVEL_2);
            default -> Optional.empty();
        };
    }

    /**
     * The VNeID account level a login must have to reach {@code loa}: none when a password is enough, level 1 or 2,
     * or empty-and-unreachable when {@code loa} is above every level (see {@link LevelRules}).
     */
    public static Optional<VneidLevel> vneidLevelFor(int loa) {
        if (loa <= PORTAL_PASSWORD.loa) {
            return Optional.empty();
        }
        return loa == VNEID_LEVEL_1.loa ? Optional.of(VneidLevel.LEVEL_1) : Optional.of(VneidLevel.LEVEL_2);
    }
}
