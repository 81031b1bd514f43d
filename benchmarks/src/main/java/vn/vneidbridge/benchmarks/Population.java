package vn.vneidbridge.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.sandbox.legacy.LegacyAccount;
import vn.vneidbridge.sandbox.legacy.PasswordFormat;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * The accounts of the benchmark, all derived from the synthetic legacy accounts of seed {@value #SEED} (the rows
 * of the legacy database) and, for citizens with no legacy account, the synthetic people of seed
 * {@value #OTHER_SEED}. Every password is {@code Sandbox@123}.
 */
final class Population {

    static final long SEED = 42;
    static final long OTHER_SEED = 4242;
    /** Hash iterations of the stand-in VNeID's users (its realm's policy is set to the same, so no rehash). */
    static final int UPSTREAM_PBKDF2_ITERATIONS = 1_000;
    private static final String UPSTREAM_CREDENTIAL = upstreamCredential();

    private Population() {
    }

    /** An active citizen account whose CCCD is verified: logs in without the CCCD form, links by CCCD. */
    static boolean verifiedCitizen(LegacyAccount account) {
        return account.cccdVerified() && account.cccd() != null && isActiveCitizen(account);
    }

    /** An active citizen account with a CCCD that is not verified: gets the CCCD form. */
    static boolean unverifiedCitizen(LegacyAccount account) {
        return !account.cccdVerified() && account.cccd() != null && isActiveCitizen(account);
    }

    private static boolean isActiveCitizen(LegacyAccount account) {
        return account.status() == LegacyAccount.Status.ACTIVE
                && account.accountType() == LegacyAccount.AccountType.CITIZEN;
    }

    /** The password format of synthetic row {@code SYN-nnnnnnn}: the formats take turns by row. */
    static PasswordFormat format(LegacyAccount account) {
        int index = Integer.parseInt(account.legacyId().substring(SyntheticAccountGenerator.LEGACY_ID_PREFIX.length()));
        return PasswordFormat.values()[(index - 1) % PasswordFormat.values().length];
    }

    /** The first {@code count} of the first {@code rows} synthetic accounts that pass {@code filter}. */
    static List<LegacyAccount> select(int rows, int skip, int count, Predicate<LegacyAccount> filter) {
        return SyntheticAccountGenerator.accounts(rows, SEED).skip(skip).filter(filter).limit(count).toList();
    }

    /** Per password format, up to {@code count} verified citizens among rows {@code from+1 .. rows}. */
    static Map<PasswordFormat, List<LegacyAccount>> byFormat(int rows, int from, int count, Set<PasswordFormat> formats) {
        Map<PasswordFormat, List<LegacyAccount>> result = new EnumMap<>(PasswordFormat.class);
        formats.forEach(format -> result.put(format, new ArrayList<>()));
        SyntheticAccountGenerator.accounts(rows, SEED).skip(from).filter(Population::verifiedCitizen)
                .takeWhile(account -> result.values().stream().anyMatch(list -> list.size() < count))
                .forEach(account -> {
                    List<LegacyAccount> list = result.get(format(account));
                    if (list != null && list.size() < count) {
                        list.add(account);
                    }
                });
        return result;
    }

    /** The CCCDs among {@code cccds} that more than one of the first {@code rows} accounts holds. */
    static Set<String> heldMoreThanOnce(int rows, Set<String> cccds) {
        Map<String, Integer> counts = new HashMap<>();
        SyntheticAccountGenerator.accounts(rows, SEED).map(LegacyAccount::cccd).filter(cccds::contains)
                .forEach(cccd -> counts.merge(cccd, 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Citizens with no legacy account among the first {@code rows} (their CCCD is nowhere in the database). */
    static List<SyntheticPerson> citizensWithoutLegacyAccount(int count, int rows) {
        return citizensWithoutLegacyAccount(0, count, rows);
    }

    /**
     * Citizens with no legacy account among the first {@code rows}, after the first {@code skip} of them (so that
     * several scenarios get citizens of their own: a citizen linked over one protocol cannot log in over the other).
     */
    static List<SyntheticPerson> citizensWithoutLegacyAccount(int skip, int count, int rows) {
        Set<String> taken = SyntheticAccountGenerator.accounts(rows, SEED).map(LegacyAccount::cccd)
                .collect(Collectors.toSet());
        return SyntheticAccountGenerator.people((skip + count) * 2, OTHER_SEED)
                .filter(person -> !taken.contains(person.cccd())).skip(skip).limit(count).toList();
    }

    /**
     * Up to {@code count} verified citizens among the first {@code rows} accounts whose CCCD no other of those rows
     * holds (so a first VNeID login links them) and is not in {@code excludedCccds}, taken from the last row down —
     * away from the pools the runner takes from the first rows (the link-by-CCCD pool, used once each).
     */
    static List<LegacyAccount> verifiedCitizensHeldOnce(int rows, int count, Set<String> excludedCccds) {
        List<LegacyAccount> accounts = SyntheticAccountGenerator.accounts(rows, SEED).toList();
        Map<String, Integer> holders = new HashMap<>();
        accounts.stream().map(LegacyAccount::cccd).filter(java.util.Objects::nonNull)
                .forEach(cccd -> holders.merge(cccd, 1, Integer::sum));
        List<LegacyAccount> chosen = new ArrayList<>();
        for (int i = accounts.size() - 1; i >= 0 && chosen.size() < count; i--) {
            LegacyAccount account = accounts.get(i);
            if (verifiedCitizen(account) && holders.get(account.cccd()) == 1
                    && !excludedCccds.contains(account.cccd())) {
                chosen.add(account);
            }
        }
        return chosen;
    }

    /** What a virtual user needs to log in with a legacy account. */
    static Map<String, Object> legacyLogin(LegacyAccount account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", account.username());
        user.put("cccd", account.cccd());
        user.put("wrongCccd", fixedWrongNumber(account.cccd()));
        return user;
    }

    /** What a virtual user needs to log in with VNeID: the id number is the username. */
    static Map<String, Object> vneidLogin(String cccd) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", cccd);
        return user;
    }

    /** A number of the same province, century, gender and birth year as {@code cccd}, not it, always the same. */
    static String fixedWrongNumber(String cccd) {
        String tail = cccd.substring(6);
        String reversed = new StringBuilder(tail).reverse().toString();
        String wrong = cccd.substring(0, 6) + (reversed.equals(tail) ? String.format("%06d", (Integer.parseInt(tail) + 1) % 1_000_000) : reversed);
        return wrong;
    }

    /** A user of the stand-in VNeID (realm {@code vneid-sandbox}) with the claims VNeID sends, for a partial import. */
    static Map<String, Object> upstreamUser(String cccd, String fullName, java.time.LocalDate birthDate, Gender gender,
                                            String phone) {
        int space = fullName.indexOf(' ');
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("full_name", List.of(fullName));
        attributes.put("birthdate", List.of(birthDate.toString()));
        attributes.put("birthdate_compact", List.of(birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)));
        attributes.put("gender", List.of(gender == Gender.MALE ? "male" : "female"));
        attributes.put("gender_code", List.of(gender == Gender.MALE ? "1" : "2"));
        if (phone != null) {
            attributes.put("phone_number", List.of(phone));
        }
        attributes.put("vneid_level", List.of("2"));
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", upstreamId(cccd));
        user.put("username", cccd);
        user.put("enabled", true);
        user.put("firstName", space < 0 ? fullName : fullName.substring(space + 1));
        user.put("lastName", space < 0 ? fullName : fullName.substring(0, space));
        user.put("email", cccd + "@vneid.example");
        user.put("emailVerified", true);
        user.put("attributes", attributes);
        user.put("credentials", List.of(Map.of("type", "password",
                "credentialData", "{\"hashIterations\":" + UPSTREAM_PBKDF2_ITERATIONS
                        + ",\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}",
                "secretData", UPSTREAM_CREDENTIAL)));
        return user;
    }

    static Map<String, Object> upstreamUser(LegacyAccount account) {
        return upstreamUser(account.cccd(), account.fullName(), account.birthDate(), account.gender(), account.phone());
    }

    static Map<String, Object> upstreamUser(SyntheticPerson person) {
        return upstreamUser(person.cccd(), person.fullName(), person.birthDate(), person.gender(), person.phone());
    }

    /** The stand-in VNeID's user id ({@code sub}) of an id number. */
    static String upstreamId(String cccd) {
        return UUID.nameUUIDFromBytes(("vneid-bridge-benchmark/" + cccd).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A user of the stock realm {@code dvc} already linked to its stand-in VNeID account, as the stock broker would
     * have linked it (username = id number, like the users our provider creates).
     */
    static Map<String, Object> stockLinkedUser(SyntheticPerson person) {
        Map<String, Object> user = new LinkedHashMap<>(stockPasswordUser(person.cccd(), person.fullName()));
        user.remove("credentials");
        user.put("federatedIdentities", List.of(Map.of("identityProvider", "vneid",
                "userId", upstreamId(person.cccd()), "userName", person.cccd())));
        return user;
    }

    /** A user of the stock realm {@code dvc} with the password {@code Sandbox@123} (hashed by Keycloak on import). */
    static Map<String, Object> stockPasswordUser(String username, String fullName) {
        int space = fullName.indexOf(' ');
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", space < 0 ? fullName : fullName.substring(space + 1));
        user.put("lastName", space < 0 ? fullName : fullName.substring(0, space));
        user.put("email", username + "@example.vn");
        user.put("emailVerified", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", LoginSimulation.PASSWORD,
                "temporary", false)));
        return user;
    }

    /** PBKDF2-SHA256 of the password with a fixed salt, in Keycloak's stored form (its {@code secretData}). */
    private static String upstreamCredential() {
        byte[] salt = "vneid-benchmark!".getBytes(StandardCharsets.US_ASCII);
        PBEKeySpec spec = new PBEKeySpec(LoginSimulation.PASSWORD.toCharArray(), salt, UPSTREAM_PBKDF2_ITERATIONS, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "{\"value\":\"" + base64.encodeToString(key) + "\",\"salt\":\"" + base64.encodeToString(salt)
                    + "\",\"additionalParameters\":{}}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
