package vn.vneidbridge.sandbox.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * The people of {@link SyntheticAccountGenerator#people(int, long)} in column arrays, about 30 bytes a person
 * (30 MB for a million) instead of the few hundred a map of objects would take.
 *
 * <p>Why stored and not computed on demand: a synthetic CCCD's serial depends on how many earlier rows share its
 * first six digits, so the row behind an id number cannot be found without generating the rows before it. The
 * table is therefore filled once, in row order, and looked up through an open-addressing hash of the id numbers.
 * Names repeat a lot (a few family, middle and given names), so each distinct name is stored once. Places are not
 * stored at all: {@link SyntheticPlaces} computes them from the id number when a citizen is looked up.
 */
final class SyntheticCitizens {

    static final SyntheticCitizens EMPTY = new SyntheticCitizens(0);

    private static final int NO_CMND = -1;

    private final long[] idNumbers;
    private final int[] cmnds;
    private final int[] birthDays;
    private final boolean[] female;
    private final int[] names;
    private final List<String> distinctNames = new ArrayList<>();
    /** Slot → row + 1; 0 is an empty slot. Load factor at most 0.5. */
    private final int[] slots;
    private int size;

    private SyntheticCitizens(int capacity) {
        idNumbers = new long[capacity];
        cmnds = new int[capacity];
        birthDays = new int[capacity];
        female = new boolean[capacity];
        names = new int[capacity];
        slots = new int[Math.max(2, Integer.highestOneBit(Math.max(1, capacity)) << 2)];
    }

    /** The first {@code n} synthetic people of {@code seed}; takes a few seconds per million, mostly the generator. */
    static SyntheticCitizens generate(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return EMPTY;
        }
        SyntheticCitizens table = new SyntheticCitizens(n);
        Map<String, Integer> nameIndex = new HashMap<>();
        SyntheticAccountGenerator.people(n, seed).forEachOrdered(person -> table.add(person, nameIndex));
        return table;
    }

    int size() {
        return size;
    }

    Optional<Citizen> find(String idNumber) {
        if (size == 0 || !RegistryFormats.isDigits(idNumber, 12)) {
            return Optional.empty();
        }
        long key = Long.parseLong(idNumber);
        int mask = slots.length - 1;
        for (int slot = hash(key) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int row = slots[slot] - 1;
            if (idNumbers[row] == key) {
                return Optional.of(citizen(row));
            }
        }
        return Optional.empty();
    }

    private void add(SyntheticPerson person, Map<String, Integer> nameIndex) {
        if (!RegistryFormats.isDigits(person.cccd(), 12)
                || person.cmnd() != null && !RegistryFormats.isDigits(person.cmnd(), 9)) {
            throw new IllegalStateException("unexpected id number format in " + person);
        }
        long key = Long.parseLong(person.cccd());
        int mask = slots.length - 1;
        int slot = hash(key) & mask;
        while (slots[slot] != 0) {
            if (idNumbers[slots[slot] - 1] == key) {
                throw new IllegalStateException("duplicate id number in " + person);
            }
            slot = (slot + 1) & mask;
        }
        int row = size++;
        idNumbers[row] = key;
        cmnds[row] = person.cmnd() == null ? NO_CMND : Integer.parseInt(person.cmnd());
        birthDays[row] = Math.toIntExact(person.birthDate().toEpochDay());
        female[row] = person.gender() == Gender.FEMALE;
        names[row] = nameIndex.computeIfAbsent(person.fullName(), name -> {
            distinctNames.add(name);
            return distinctNames.size() - 1;
        });
        slots[slot] = row + 1;
    }

    private Citizen citizen(int row) {
        String cmnd = cmnds[row] == NO_CMND ? null : pad(cmnds[row], 9);
        return SyntheticPlaces.placed(Citizen.of(pad(idNumbers[row], 12), cmnd, distinctNames.get(names[row]),
                LocalDate.ofEpochDay(birthDays[row]), female[row] ? Gender.FEMALE : Gender.MALE));
    }

    private static int hash(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static String pad(long value, int width) {
        String digits = Long.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
