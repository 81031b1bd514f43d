package vn.vneidbridge.sandbox.legacy;

import java.time.LocalDate;
import java.util.List;
import vn.vneidbridge.core.id.Gender;

/**
 * The legacy portal accounts of the sandbox personas ({@code shared/design/sandbox.md}), all with the password
 * {@value #PASSWORD}. Their password formats differ so that every format the contract allows is exercised:
 *
 * <table>
 *   <caption>Legacy accounts</caption>
 *   <tr><th>username</th><th>legacy_id</th><th>format</th><th>ids</th></tr>
 *   <tr><td>tothinga</td><td>DVC-0000001</td><td>bcrypt {@code $2y$}</td><td>CMND 164438056</td></tr>
 *   <tr><td>nguyenvanan</td><td>DVC-0000002</td><td>pbkdf2-sha256</td><td>CCCD 001090001234, verified</td></tr>
 *   <tr><td>tranvanbinh</td><td>DVC-0000003</td><td>sha256-salted</td><td>CCCD 042085007890, verified</td></tr>
 *   <tr><td>tranvanbinh.hcm</td><td>DVC-0000004</td><td>md5</td><td>CCCD 042085007890, verified</td></tr>
 *   <tr><td>phamminhduc</td><td>DVC-0000005</td><td>bcrypt {@code $2a$}</td><td>CMND 025678901</td></tr>
 *   <tr><td>quantri</td><td>DVC-0000006</td><td>pbkdf2-sha256</td><td>none; portal administrator</td></tr>
 *   <tr><td>congtyabc</td><td>DVC-0000007</td><td>sha256-salted</td><td>none; organisation, tax code
 *       0312345673 (not verified)</td></tr>
 *   <tr><td>hoa.le95</td><td>DVC-0000008</td><td>bcrypt {@code $2b$}</td><td>none; a namesake of Lê Thị Hoa</td></tr>
 * </table>
 *
 * <p>The legacy ids are fixed: other modules' tests and realm fixtures may refer to them. Salts are derived from
 * the username, so the rows are the same on every seeding. Phone numbers are made up; e-mails use
 * {@code example.vn} like the integration tests.
 */
public final class LegacyPersonas {

    /** The password of every persona. */
    public static final String PASSWORD = "Sandbox@123";

    /** Tô Thị Nga: CMND only, the seeds' journey. */
    public static final String TOTHINGA = "tothinga";
    public static final String TOTHINGA_ID = "DVC-0000001";
    /** Nguyễn Văn An: CCCD already verified, direct VNeID login links. */
    public static final String NGUYENVANAN = "nguyenvanan";
    public static final String NGUYENVANAN_ID = "DVC-0000002";
    /** Trần Văn Bình, first of his two accounts with the same verified CCCD: conflict. */
    public static final String TRANVANBINH = "tranvanbinh";
    public static final String TRANVANBINH_ID = "DVC-0000003";
    /** Trần Văn Bình, second account (Hồ Chí Minh City portal). */
    public static final String TRANVANBINH_HCM = "tranvanbinh.hcm";
    public static final String TRANVANBINH_HCM_ID = "DVC-0000004";
    /** Phạm Minh Đức: CMND only, enters someone else's CCCD. */
    public static final String PHAMMINHDUC = "phamminhduc";
    public static final String PHAMMINHDUC_ID = "DVC-0000005";
    /** The portal administrator. */
    public static final String QUANTRI = "quantri";
    public static final String QUANTRI_ID = "DVC-0000006";
    /** The organisation account. */
    public static final String CONGTYABC = "congtyabc";
    public static final String CONGTYABC_ID = "DVC-0000007";
    /**
     * The tax code the legacy portal holds for {@link #CONGTYABC} (not verified there): the tax-code step finds it
     * prefilled.
     */
    public static final String CONGTYABC_TAX_CODE = "0312345673";
    /**
     * Lê Thị Hoa of Hà Nội, a namesake of the VNeID persona Lê Thị Hoa (same name and birth date, another person,
     * CCCD 001195009876 in the population database): no CMND, no CCCD on her account.
     */
    public static final String HOA_LE95 = "hoa.le95";
    public static final String HOA_LE95_ID = "DVC-0000008";

    private LegacyPersonas() {
    }

    /** The eight accounts in legacy-id order. Hashing takes a few hundred milliseconds; the result is cached. */
    public static List<LegacyAccount> all() {
        return Holder.ALL;
    }

    private static final class Holder {
        static final List<LegacyAccount> ALL = List.of(
                citizen(TOTHINGA_ID, TOTHINGA, PasswordFormat.BCRYPT_2Y, "Tô Thị Nga",
                        LocalDate.of(1989, 3, 15), Gender.FEMALE, "164438056", null, "0912438056"),
                citizen(NGUYENVANAN_ID, NGUYENVANAN, PasswordFormat.PBKDF2_SHA256, "Nguyễn Văn An",
                        LocalDate.of(1990, 9, 2), Gender.MALE, null, "001090001234", "0903090190"),
                citizen(TRANVANBINH_ID, TRANVANBINH, PasswordFormat.SHA256_SALTED, "Trần Văn Bình",
                        LocalDate.of(1985, 10, 10), Gender.MALE, null, "042085007890", "0983101085"),
                citizen(TRANVANBINH_HCM_ID, TRANVANBINH_HCM, PasswordFormat.MD5, "Trần Văn Bình",
                        LocalDate.of(1985, 10, 10), Gender.MALE, null, "042085007890", "0983101085"),
                citizen(PHAMMINHDUC_ID, PHAMMINHDUC, PasswordFormat.BCRYPT_2A, "Phạm Minh Đức",
                        LocalDate.of(1988, 5, 5), Gender.MALE, "025678901", null, "0977050588"),
                new LegacyAccount(QUANTRI_ID, QUANTRI, hash(PasswordFormat.PBKDF2_SHA256, QUANTRI),
                        "Quản trị viên cổng", null, null, null, null, false, "0904000006", email(QUANTRI),
                        LegacyAccount.AccountType.CITIZEN, true, LegacyAccount.Status.ACTIVE),
                new LegacyAccount(CONGTYABC_ID, CONGTYABC, hash(PasswordFormat.SHA256_SALTED, CONGTYABC),
                        "Công ty TNHH ABC", null, null, null, null, false, "0909123456", email(CONGTYABC),
                        LegacyAccount.AccountType.ORGANISATION, false, LegacyAccount.Status.ACTIVE)
                        .withTaxCode(CONGTYABC_TAX_CODE),
                citizen(HOA_LE95_ID, HOA_LE95, PasswordFormat.BCRYPT_2B, "Lê Thị Hoa",
                        LocalDate.of(1995, 11, 20), Gender.FEMALE, null, null, "0915201195"));

        private static LegacyAccount citizen(String legacyId, String username, PasswordFormat format,
                String fullName, LocalDate birthDate, Gender gender, String cmnd, String cccd, String phone) {
            return new LegacyAccount(legacyId, username, hash(format, username), fullName, birthDate, gender, cmnd,
                    cccd, cccd != null, phone, email(username), LegacyAccount.AccountType.CITIZEN, false,
                    LegacyAccount.Status.ACTIVE);
        }

        private static StoredPassword hash(PasswordFormat format, String username) {
            return LegacyPasswordHasher.hash(format, PASSWORD, username);
        }

        private static String email(String username) {
            return username + "@example.vn";
        }
    }
}
