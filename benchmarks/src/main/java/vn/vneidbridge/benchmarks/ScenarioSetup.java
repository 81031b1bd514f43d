package vn.vneidbridge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.sandbox.legacy.LegacyAccount;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * The set-up of the scenarios beyond the first ones, on our server (Keycloak with VNeID Bridge, the sandbox realm
 * {@code dvc} and the stand-in VNeID {@code vneid-sandbox}, set up as the runner's {@code setUpOurs} does: realm
 * {@code dvc}'s {@code vneid} provider pointed at this server's stand-in). Each method changes the server through the
 * admin API and returns the accounts of the scenario; what the runner then runs, in order, is in each Javadoc.
 * Stand-in accounts are level 2 ({@link Population#upstreamUser}).
 */
final class ScenarioSetup {

    static final String UPSTREAM_REALM = BenchmarkMain.UPSTREAM_REALM;
    /** The stand-in's client for realm {@code dvc}'s {@code vneid} provider. */
    static final String BROKER_CLIENT = "dvc-broker";
    /** The stand-in's mapper that answers {@code acr} = the account's level (attribute {@code vneid_level}). */
    static final String ACCOUNT_LEVEL_MAPPER = "acr = account level";
    /** The mapper that stands in for it while level-1 sessions are prepared. */
    static final String LEVEL_ONE_MAPPER = "acr = 1 (benchmark preparation)";
    static final String CUTOFF_CONFIG = "dvc cutoff";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter CUTOFF_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private ScenarioSetup() {
    }

    // ---- the stand-in's accounts --------------------------------------------------------------------------------

    /**
     * Adds accounts to the stand-in VNeID, hashed with the realm's own policy (PBKDF2-SHA256, {@value
     * Population#UPSTREAM_PBKDF2_ITERATIONS} iterations, set here) so that their logins never rehash; its brute-force
     * protection off. The runner's {@code setUpUpstream} does the same; either may be called, more than once.
     */
    static void standInUsers(AdminClient admin, List<Map<String, Object>> users) {
        admin.updateRealm(UPSTREAM_REALM, Map.of("passwordPolicy",
                "hashAlgorithm(pbkdf2-sha256) and hashIterations(" + Population.UPSTREAM_PBKDF2_ITERATIONS + ")",
                "bruteForceProtected", false));
        admin.importUsers(UPSTREAM_REALM, users);
    }

    // ---- 1. migrated citizen's password login ------------------------------------------------------------------

    /**
     * Migrated citizens: legacy accounts with a verified CCCD ({@link Population#verifiedCitizensHeldOnce}) linked to
     * VNeID. {@code linkLogins} link them, {@code passwordLogins} then bring their password into Keycloak, and are
     * the accounts of {@link Journey#MIGRATED_PASSWORD} and {@link Journey#STEP_UP_FROM_PASSWORD}.
     */
    record MigratedCitizens(List<Map<String, Object>> linkLogins, List<Map<String, Object>> passwordLogins) {
    }

    /**
     * Gives each account a stand-in VNeID account with its CCCD. Then the runner, in order:
     * <ol>
     *   <li>prepares {@link Journey#VNEID} over {@code linkLogins()} (use-once): each first VNeID login imports the
     *       legacy account and links it by its verified CCCD — the "link" flow;</li>
     *   <li>prepares {@link Journey#PASSWORD} over {@code passwordLogins()} (use-once): the first password login of
     *       each (legacy hash checked, rehashed to Argon2id);</li>
     *   <li>measures {@link Journey#MIGRATED_PASSWORD} over {@code passwordLogins()} (round-robin).</li>
     * </ol>
     * The cutoff must leave the password to linked citizens: see {@link #keepPortalPasswordForCitizens}.
     */
    static MigratedCitizens migratedCitizens(AdminClient admin, List<LegacyAccount> accounts) {
        standInUsers(admin, accounts.stream().map(Population::upstreamUser).toList());
        return new MigratedCitizens(accounts.stream().map(account -> Population.vneidLogin(account.cccd())).toList(),
                accounts.stream().map(Population::legacyLogin).toList());
    }

    /**
     * Makes sure realm {@code dvc}'s cutoff ({@code vneid-legacy-cutoff}, config {@value #CUTOFF_CONFIG}) lets a
     * citizen log in with the portal password today: mode {@code notice} after the citizens' date, or a date still
     * ahead. The sandbox realm ships mode {@code notice}, so nothing changes there; a realm in {@code link-only} or
     * {@code closed} after its date (the production realm) is switched to {@code notice}, and the change is returned
     * to be reported (empty when nothing was changed).
     */
    static Optional<String> keepPortalPasswordForCitizens(AdminClient admin) {
        Map<String, String> cutoff = admin.authenticatorConfig(LoginSimulation.REALM, CUTOFF_CONFIG);
        String mode = cutoff.getOrDefault("citizenModeAfterCutoff", "");
        String date = cutoff.getOrDefault("citizenCutoffDate", "");
        if (!citizenPasswordRefused(mode, date, LocalDate.now(VIETNAM))) {
            return Optional.empty();
        }
        admin.updateAuthenticatorConfig(LoginSimulation.REALM, CUTOFF_CONFIG, Map.of("citizenModeAfterCutoff", "notice"));
        return Optional.of("cutoff '" + CUTOFF_CONFIG + "': citizens' mode after " + date + " changed from '" + mode
                + "' to 'notice' (a linked citizen may still use the portal password)");
    }

    /** Whether the cutoff settings refuse (or restrict to linking) a citizen's portal password on {@code today}. */
    static boolean citizenPasswordRefused(String mode, String date, LocalDate today) {
        String normalised = mode == null ? "" : mode.strip().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty() || normalised.equals("notice")) {
            return false;
        }
        try {
            return !today.isBefore(LocalDate.parse(date.strip(), CUTOFF_DATE));
        } catch (DateTimeParseException | NullPointerException e) {
            return true; // an unreadable date: the authenticator's own default applies; set notice to be sure
        }
    }

    // ---- 2. linked citizen's VNeID login over the partner API --------------------------------------------------

    /**
     * Realm {@code dvc}'s {@code vneid} provider speaks VNeID's partner API ({@code protocol} = {@code partner-api}) to
     * the stand-in's partner-API face ({@code <sandboxIssuer>/partner-api/authorize|token|userinfo}, derived from the
     * provider's {@code sandboxIssuer}, set here to the {@link StandIn}'s issuer), and the stand-in's client
     * {@value #BROKER_CLIENT} encrypts to realm {@code dvc}'s RSA1_5 key, fetched from {@code server}
     * ({@code partner.api.public.key.url} = {@code <dvc>/vneid-partner-api/public-key.pem}). A citizen linked over
     * {@code oidc} cannot log in over the partner API (and back): give each protocol citizens of its own, and switch
     * back with {@link #speakOidc} before the OIDC scenarios.
     */
    static void speakPartnerApi(AdminClient admin, KeycloakServer server, StandIn standIn) {
        admin.updateIdentityProvider(LoginSimulation.REALM, "vneid", Map.of("protocol", "partner-api",
                "sandboxIssuer", standIn.issuer().toString()));
        standIn.admin().updateClientAttribute(UPSTREAM_REALM, BROKER_CLIENT, "partner.api.public.key.url",
                server.realmUri(LoginSimulation.REALM) + "/vneid-partner-api/public-key.pem");
    }

    /** Realm {@code dvc}'s {@code vneid} provider speaks OpenID Connect again (the sandbox realm's setting). */
    static void speakOidc(AdminClient admin) {
        admin.updateIdentityProvider(LoginSimulation.REALM, "vneid", Map.of("protocol", "oidc"));
    }

    /**
     * Citizens without a legacy account (e.g. {@code Population.citizensWithoutLegacyAccount(skip, count, rows)},
     * others than the OIDC ones), with stand-in accounts; their VNeID logins. After {@link #speakPartnerApi}, the
     * runner prepares {@link Journey#VNEID} over them (use-once: the first partner-API login creates and links each
     * user), then measures {@link Journey#VNEID} over the same list (round-robin): a linked citizen's VNeID login over
     * the partner API, through the same stand-in pages as over OIDC (the partner face sends the browser to the
     * stand-in's own login and back), with the encrypted code, token and userinfo envelopes decrypted by realm
     * {@code dvc}.
     */
    static List<Map<String, Object>> partnerApiCitizens(AdminClient admin, List<SyntheticPerson> people) {
        standInUsers(admin, people.stream().map(Population::upstreamUser).toList());
        return people.stream().map(person -> Population.vneidLogin(person.cccd())).toList();
    }

    // ---- 3. step-up to level 2 ----------------------------------------------------------------------------------

    /**
     * Step-up from a password session: the migrated citizens (set up and prepared as in {@link #migratedCitizens}),
     * measured with {@link Journey#STEP_UP_FROM_PASSWORD} over {@code passwordLogins()} (round-robin). Each account
     * has its {@code cccd}, the id number it types at the stand-in.
     */
    static List<Map<String, Object>> stepUpFromPassword(MigratedCitizens migrated) {
        return migrated.passwordLogins();
    }

    /**
     * Level-1 sessions to step up from: {@code linkLogins} create and link the citizens, {@code sessions} are the
     * use-once accounts of {@link Journey#VNEID_LEVEL_ONE_SESSION} then {@link Journey#STEP_UP_FROM_LEVEL_ONE}, each
     * with its own {@link SavedBrowserSession}.
     */
    record LevelOneSessions(List<Map<String, Object>> linkLogins, List<Map<String, Object>> sessions) {
    }

    /**
     * Citizens without a legacy account, with level-2 stand-in accounts, and {@code sessions} session slots (the
     * citizens in turn). The stand-in answers {@code acr} = the account's level, so a level-2 account never makes a
     * level-1 session by itself; the runner, in order:
     * <ol>
     *   <li>prepares {@link Journey#VNEID} over {@code linkLogins()} (use-once: creates and links each user);</li>
     *   <li>{@link #standInAnswersLevelOne}; prepares {@link Journey#VNEID_LEVEL_ONE_SESSION} over {@code sessions()}
     *       (use-once: a VNeID login that ends with {@code acr} "1", whose realm-dvc cookies are kept);
     *       {@link #standInAnswersAccountLevel};</li>
     *   <li>measures {@link Journey#STEP_UP_FROM_LEVEL_ONE} over {@code sessions()} (use-once: a session steps up once;
     *       size it as the first-login pools, logins per second × warm-up and window, plus the concurrency).</li>
     * </ol>
     */
    static LevelOneSessions levelOneSessions(AdminClient admin, List<SyntheticPerson> people, int sessions) {
        if (people.isEmpty()) {
            throw new IllegalArgumentException("no citizens");
        }
        standInUsers(admin, people.stream().map(Population::upstreamUser).toList());
        List<Map<String, Object>> links = people.stream().map(person -> Population.vneidLogin(person.cccd())).toList();
        List<Map<String, Object>> slots = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            Map<String, Object> slot = new LinkedHashMap<>(Population.vneidLogin(people.get(i % people.size()).cccd()));
            slot.put(LoginSimulation.BROWSER_SESSION, new SavedBrowserSession());
            slots.add(slot);
        }
        return new LevelOneSessions(links, slots);
    }

    /**
     * The stand-in answers {@code acr} "1" for every login (its client {@value #BROKER_CLIENT}'s mapper
     * {@value #ACCOUNT_LEVEL_MAPPER} replaced by a hard-coded one), so that level-2 accounts make level-1 sessions.
     * Undo with {@link #standInAnswersAccountLevel} before anything else runs.
     */
    static void standInAnswersLevelOne(AdminClient admin) {
        JsonNode accountLevel = mapper(admin, ACCOUNT_LEVEL_MAPPER);
        if (accountLevel != null) {
            admin.removeClientMapper(UPSTREAM_REALM, BROKER_CLIENT, accountLevel.get("id").asText());
        }
        if (mapper(admin, LEVEL_ONE_MAPPER) == null) {
            admin.addClientMapper(UPSTREAM_REALM, BROKER_CLIENT, Map.of(
                    "name", LEVEL_ONE_MAPPER,
                    "protocol", "openid-connect",
                    "protocolMapper", "oidc-hardcoded-claim-mapper",
                    "config", Map.of("claim.name", "acr", "claim.value", "1", "jsonType.label", "String",
                            "id.token.claim", "true", "access.token.claim", "true", "userinfo.token.claim", "false",
                            "introspection.token.claim", "true")));
        }
    }

    /** The stand-in answers {@code acr} = the account's level again (its mapper as in the realm file). */
    static void standInAnswersAccountLevel(AdminClient admin) {
        JsonNode levelOne = mapper(admin, LEVEL_ONE_MAPPER);
        if (levelOne != null) {
            admin.removeClientMapper(UPSTREAM_REALM, BROKER_CLIENT, levelOne.get("id").asText());
        }
        if (mapper(admin, ACCOUNT_LEVEL_MAPPER) == null) {
            admin.addClientMapper(UPSTREAM_REALM, BROKER_CLIENT, Map.of(
                    "name", ACCOUNT_LEVEL_MAPPER,
                    "protocol", "openid-connect",
                    "protocolMapper", "oidc-usermodel-attribute-mapper",
                    "consentRequired", false,
                    "config", Map.of("user.attribute", "vneid_level", "claim.name", "acr", "jsonType.label", "String",
                            "id.token.claim", "true", "access.token.claim", "true", "userinfo.token.claim", "false",
                            "introspection.token.claim", "true")));
        }
    }

    private static JsonNode mapper(AdminClient admin, String name) {
        for (JsonNode mapper : admin.clientMappers(UPSTREAM_REALM, BROKER_CLIENT)) {
            if (name.equals(mapper.path("name").asText())) {
                return mapper;
            }
        }
        return null;
    }

    // ---- 4. QR login polling ------------------------------------------------------------------------------------

    /**
     * The accounts of {@link Journey#QR_WAITING}: none is needed (a waiting browser logs nobody in), so {@code count}
     * placeholders — round-robin for a timed run, where each virtual user takes one and polls until the run stops.
     * Nothing to set up: every stand-in login page offers a QR (default validity 120 s).
     */
    static List<Map<String, Object>> qrWaitingBrowsers(int count) {
        List<Map<String, Object>> browsers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            browsers.add(Map.of("browser", i + 1));
        }
        return browsers;
    }
}
