package vn.vneidbridge.vneid;

import java.util.Objects;

/**
 * Which claims carry the citizen's data. Each configured claim has a fixed fallback: the Vietnamese claim
 * names of the national portal's SSO ({@code SoDinhDanh}, {@code HoVaTen}, ...), read when the configured
 * claim is absent or blank.
 *
 * @param idNumber  the 12-digit personal id number; default {@code preferred_username}
 * @param fullName  the full name, family name first; default {@code name}
 * @param birthDate the date of birth ({@code yyyy-MM-dd}, {@code yyyyMMdd} or {@code dd/MM/yyyy}); default
 *                  {@code birthdate}
 * @param gender    {@code male}/{@code female}, {@code Nam}/{@code Nữ} or ISO 5218 {@code 1}/{@code 2};
 *                  default {@code gender}
 * @param phone     the phone number; default {@code phone_number}
 */
public record VneidClaimNames(String idNumber, String fullName, String birthDate, String gender, String phone) {

    public static final String DEFAULT_ID_NUMBER = "preferred_username";
    public static final String DEFAULT_FULL_NAME = "name";
    public static final String DEFAULT_BIRTH_DATE = "birthdate";
    public static final String DEFAULT_GENDER = "gender";
    public static final String DEFAULT_PHONE = "phone_number";

    /** The partner API's claim names (defaults when the protocol is {@code partner-api}). */
    public static final String PARTNER_ID_NUMBER = "citizenPid";
    public static final String PARTNER_FULL_NAME = "fullName";
    public static final String PARTNER_BIRTH_DATE = "birthDate";
    public static final String PARTNER_PHONE = "phoneNumber";
    public static final String PARTNER_ACCOUNT_TYPE = "accountType";
    public static final String PARTNER_ACCOUNT_LEVEL = "accountLevel";

    /** Fallback of {@link #idNumber()}: số định danh. */
    public static final String FALLBACK_ID_NUMBER = "SoDinhDanh";
    /** Fallback of {@link #fullName()}: họ và tên. */
    public static final String FALLBACK_FULL_NAME = "HoVaTen";
    /** Fallback of {@link #birthDate()}: ngày tháng năm sinh, {@code yyyyMMdd}. */
    public static final String FALLBACK_BIRTH_DATE = "NgayThangNamSinh";
    /** Fallback of {@link #gender()}: giới tính. */
    public static final String FALLBACK_GENDER = "GioiTinh";
    /** Fallback of {@link #phone()}: số điện thoại. */
    public static final String FALLBACK_PHONE = "SoDienThoai";
    /**
     * The account type claim of the national portal's SSO (loại tài khoản: 1 citizen, 2 business, 3 organisation):
     * the OIDC default of the account type claim, and its fallback ({@link VneidAccountKind}).
     */
    public static final String FALLBACK_ACCOUNT_TYPE = "LoaiTaiKhoan";

    /** The standard OIDC claim names. */
    public static final VneidClaimNames DEFAULTS = new VneidClaimNames(DEFAULT_ID_NUMBER, DEFAULT_FULL_NAME,
            DEFAULT_BIRTH_DATE, DEFAULT_GENDER, DEFAULT_PHONE);

    public VneidClaimNames {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(phone, "phone");
    }
}
