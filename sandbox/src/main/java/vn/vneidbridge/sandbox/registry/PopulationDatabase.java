package vn.vneidbridge.sandbox.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.vneidbridge.core.id.Gender;

/**
 * The simulator's stand-in for the national population database: citizens by their 12-digit id number.
 * Immutable, so one instance can serve any number of threads.
 *
 * <p>{@link #sandbox()} holds the personas of {@code shared/design/sandbox.md};
 * {@link #withSynthetic(int, long)} adds the people of the benchmark generator
 * ({@code SyntheticAccountGenerator.people(n, seed)}), kept in compact column arrays (about 30 bytes a person, so a
 * million fit in some 30 MB; generating them takes a few seconds). Synthetic id numbers never collide with the
 * personas' (the generator reserves their serials); if one did, the listed citizen would win.
 */
public final class PopulationDatabase {

    private static final List<Citizen> PERSONAS = List.of(
            Citizen.of("052189000123", "164438056", "Tô Thị Nga", LocalDate.of(1989, 3, 15), Gender.FEMALE),
            Citizen.of("001090001234", null, "Nguyễn Văn An", LocalDate.of(1990, 9, 2), Gender.MALE),
            Citizen.of("079195004567", null, "Lê Thị Hoa", LocalDate.of(1995, 11, 20), Gender.FEMALE),
            Citizen.of("042085007890", null, "Trần Văn Bình", LocalDate.of(1985, 10, 10), Gender.MALE),
            // Phạm Minh Đức's CMND 025678901 is only in his legacy account: sandbox.md lists none in the registry.
            Citizen.of("036088002468", null, "Phạm Minh Đức", LocalDate.of(1988, 5, 5), Gender.MALE),
            // the namesake of Lê Thị Hoa: same name and birth date, another person (Hà Nội)
            Citizen.of("001195009876", null, "Lê Thị Hoa", LocalDate.of(1995, 11, 20), Gender.FEMALE));

    private final Map<String, Citizen> listed;
    private final SyntheticCitizens synthetic;

    private PopulationDatabase(Map<String, Citizen> listed, SyntheticCitizens synthetic) {
        this.listed = listed;
        this.synthetic = synthetic;
    }

    /** The sandbox personas, in the order of {@code sandbox.md}. */
    public static List<Citizen> personas() {
        return PERSONAS;
    }

    /** A database of the sandbox personas. */
    public static PopulationDatabase sandbox() {
        return of(PERSONAS);
    }

    /**
     * A database of exactly these citizens.
     *
     * @throws IllegalArgumentException when two citizens share an id number
     */
    public static PopulationDatabase of(Collection<Citizen> citizens) {
        Map<String, Citizen> byId = new LinkedHashMap<>();
        for (Citizen citizen : citizens) {
            if (byId.putIfAbsent(citizen.idNumber(), citizen) != null) {
                throw new IllegalArgumentException("two citizens share the id number " + citizen);
            }
        }
        return new PopulationDatabase(Map.copyOf(byId), SyntheticCitizens.EMPTY);
    }

    /**
     * This database's listed citizens plus the first {@code n} synthetic people of {@code seed}, the people behind
     * {@code SyntheticAccountGenerator.accounts(n, seed)}. Replaces the synthetic people of an earlier call.
     */
    public PopulationDatabase withSynthetic(int n, long seed) {
        return new PopulationDatabase(listed, SyntheticCitizens.generate(n, seed));
    }

    /** The citizen with this 12-digit id number; empty for anything else, null included. */
    public Optional<Citizen> find(String idNumber) {
        Citizen citizen = idNumber == null ? null : listed.get(idNumber);
        return citizen != null ? Optional.of(citizen) : synthetic.find(idNumber);
    }

    /** How many citizens the database holds. */
    public int size() {
        return listed.size() + synthetic.size();
    }

    @Override
    public String toString() {
        return "PopulationDatabase[" + listed.size() + " listed, " + synthetic.size() + " synthetic]";
    }
}
