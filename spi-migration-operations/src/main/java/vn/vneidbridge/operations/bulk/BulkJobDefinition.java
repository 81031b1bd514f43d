package vn.vneidbridge.operations.bulk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.vneidbridge.core.id.Province;

/**
 * What an operator asks a bulk pre-verification job to do: which legacy accounts (provinces — the first three
 * digits of the CCCD —, account types, creation dates; empty means all) and how fast (registry calls per second,
 * calls at once) and which registry adapter ({@code PopulationRegistry} provider id; the resource accepts only one
 * the realm's flows name, {@link RegistryChoice}, and cuts the rate to the server's cap). Built through
 * {@link #parse}, which refuses bad input with message keys.
 */
public record BulkJobDefinition(Set<String> provinces, Set<String> accountTypes, Optional<LocalDate> createdFrom,
                                Optional<LocalDate> createdTo, int ratePerSecond, int concurrency, String registry) {

    public static final int DEFAULT_RATE = 50;
    public static final int MAX_RATE = 5_000;
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int MAX_CONCURRENCY = 32;
    /** The population registry adapter asked unless the definition names another: the one the realm's checks use. */
    public static final String DEFAULT_REGISTRY = "c06-soap";
    static final Set<String> ACCOUNT_TYPES = Set.of("CITIZEN", "ORGANISATION", "BUSINESS");
    private static final Set<String> KEYS = Set.of("provinces", "accountTypes", "createdFrom", "createdTo",
            "ratePerSecond", "concurrency", "registry");

    public BulkJobDefinition {
        provinces = Set.copyOf(new TreeSet<>(provinces));
        accountTypes = Set.copyOf(new TreeSet<>(accountTypes));
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(registry, "registry");
    }

    /** A refusal: a message key of the operations' messages and its arguments. */
    public record Problem(String key, List<String> arguments) {
        Problem(String key, String... arguments) {
            this(key, List.of(arguments));
        }
    }

    /** The definition, or every problem found in the input. */
    public record Parsed(Optional<BulkJobDefinition> definition, List<Problem> problems) {
        public boolean isValid() {
            return definition.isPresent();
        }
    }

    /** Reads the JSON body of a start request (already a map); null is an empty body: every account, defaults. */
    public static Parsed parse(Map<String, Object> body) {
        Map<String, Object> input = body == null ? Map.of() : body;
        List<Problem> problems = new ArrayList<>();
        input.keySet().stream().filter(key -> !KEYS.contains(key)).sorted()
                .forEach(key -> problems.add(new Problem("vneidBulkUnknownField", key)));
        Set<String> provinces = new TreeSet<>();
        for (String code : texts(input.get("provinces"), "provinces", problems)) {
            if (code.matches("[0-9]{3}") && Province.byCode(code).isPresent()) {
                provinces.add(code);
            } else {
                problems.add(new Problem("vneidBulkUnknownProvince", limited(code)));
            }
        }
        Set<String> types = new TreeSet<>();
        for (String type : texts(input.get("accountTypes"), "accountTypes", problems)) {
            String upper = type.toUpperCase(Locale.ROOT);
            if (ACCOUNT_TYPES.contains(upper)) {
                types.add(upper);
            } else {
                problems.add(new Problem("vneidBulkUnknownAccountType", limited(type)));
            }
        }
        Optional<LocalDate> from = date(input.get("createdFrom"), "createdFrom", problems);
        Optional<LocalDate> to = date(input.get("createdTo"), "createdTo", problems);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            problems.add(new Problem("vneidBulkDatesReversed"));
        }
        int rate = whole(input.get("ratePerSecond"), "ratePerSecond", DEFAULT_RATE, MAX_RATE, problems);
        int concurrency = whole(input.get("concurrency"), "concurrency", DEFAULT_CONCURRENCY, MAX_CONCURRENCY,
                problems);
        String registry = DEFAULT_REGISTRY;
        Object named = input.get("registry");
        if (named != null) {
            if (named.toString().trim().matches("[a-z0-9][a-z0-9-]{0,63}")) {
                registry = named.toString().trim();
            } else {
                problems.add(new Problem("vneidBulkUnknownRegistry", limited(named.toString())));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(Optional.empty(), List.copyOf(problems));
        }
        return new Parsed(Optional.of(new BulkJobDefinition(provinces, types, from, to, rate, concurrency,
                registry)),
                List.of());
    }

    /** This definition asking the given registry adapter at the given rate (as the realm and the server allow). */
    public BulkJobDefinition with(String chosenRegistry, int rate) {
        return new BulkJobDefinition(provinces, accountTypes, createdFrom, createdTo, rate, concurrency,
                chosenRegistry);
    }

    /** Whether a creation-date filter is asked for (it needs the contract's optional column {@code created_at}). */
    public boolean filtersCreation() {
        return createdFrom.isPresent() || createdTo.isPresent();
    }

    private static List<String> texts(Object value, String field, List<Problem> problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection<?> items) || items.size() > 100) {
            problems.add(new Problem("vneidBulkNotAList", field));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item.toString().isBlank()) {
                problems.add(new Problem("vneidBulkNotAList", field));
            } else {
                texts.add(item.toString().trim());
            }
        }
        return texts;
    }

    private static Optional<LocalDate> date(Object value, String field, List<Problem> problems) {
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.toString().trim()));
        } catch (DateTimeParseException e) {
            problems.add(new Problem("vneidBulkBadDate", field));
            return Optional.empty();
        }
    }

    private static int whole(Object value, String field, int fallback, int max, List<Problem> problems) {
        if (value == null) {
            return fallback;
        }
        long number;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            number = n.longValue();
        } else {
            try {
                number = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                problems.add(new Problem("vneidBulkOutOfRange", field, "1", Integer.toString(max)));
                return fallback;
            }
        }
        if (number < 1 || number > max) {
            problems.add(new Problem("vneidBulkOutOfRange", field, "1", Integer.toString(max)));
            return fallback;
        }
        return (int) number;
    }

    private static String limited(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
