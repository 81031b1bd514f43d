package vn.vneidbridge.sandbox.legacy;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.Province;

/**
 * The people of {@link SyntheticAccountGenerator#people}, in row order. Each row's values come from its own
 * random stream, except the id serials, which are unique by construction:
 *
 * <ul>
 *   <li>CCCD = province code + century/gender digit + 2-digit year + 6-digit serial. The k-th person with the
 *       same first six digits gets serial {@code 10000 + (k × 524287 + offset) mod 990000}, a bijection of k, so
 *       no two rows share a number. Serials below {@code 010000} are never generated: they are reserved for the
 *       hand-written personas (052189000123, 001090001234, 042085007890, …).</li>
 *   <li>CMND (about half the people) = a 2-digit issuing-police code (01–38) + 7 digits that are a bijection of
 *       the row index, so unique for up to {@value #MAX_ROWS} rows; the personas' two CMNDs are stepped over.</li>
 *   <li>Phone = {@code 09} + 8 digits, a bijection of the row index.</li>
 * </ul>
 */
final class SyntheticPeople implements Iterator<SyntheticPeople.Generated> {

    /** A person and the ASCII folding of their name ("nguyenthihoa"), the stem of the username. */
    record Generated(SyntheticPerson person, String asciiName) {
    }


    /** The largest supported row count ({@code legacy_id} {@code SYN-} + 7 digits). */
    static final int MAX_ROWS = 9_999_999;

    private static final long PURPOSE_PERSON = 0x5045_5253_4f4eL;
    private static final long FIRST_DAY = LocalDate.of(1940, 1, 1).toEpochDay();
    private static final int DAYS = (int) (LocalDate.of(2008, 12, 31).toEpochDay() - FIRST_DAY + 1);
    private static final List<Province> PROVINCES = Province.all();
    private static final int SERIAL_FIRST = 10_000;
    private static final int SERIAL_RANGE = 990_000;
    private static final long SERIAL_STEP = 524_287;
    private static final long CMND_RANGE = 10_000_000L;
    private static final long CMND_STEP = 7_654_321L;
    private static final int CMND_POLICE_CODES = 38;
    private static final long PHONE_RANGE = 100_000_000L;
    private static final long PHONE_STEP = 48_271L;
    private static final Set<String> PERSONA_CMNDS = Set.of("164438056", "025678901");

    private final int count;
    private final long seed;
    /** Per first-six-digits of the CCCD (province × 1000 + digit 4 × 100 + year), how many were issued. */
    private final int[] issued = new int[100_000];
    private int next = 1;

    SyntheticPeople(int count, long seed) {
        if (count < 0 || count > MAX_ROWS) {
            throw new IllegalArgumentException("row count must be 0.." + MAX_ROWS + ": " + count);
        }
        this.count = count;
        this.seed = seed;
    }

    @Override
    public boolean hasNext() {
        return next <= count;
    }

    @Override
    public Generated next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int index = next++;
        DeterministicRandom random = DeterministicRandom.forRow(seed, PURPOSE_PERSON, index);
        Gender gender = random.chance(0.5) ? Gender.MALE : Gender.FEMALE;
        LocalDate birthDate = LocalDate.ofEpochDay(FIRST_DAY + random.nextInt(DAYS));
        Province province = PROVINCES.get(random.nextInt(PROVINCES.size()));
        VietnameseNamePool.Name name = VietnameseNamePool.pick(gender, random);
        String cccd = cccd(province, gender, birthDate.getYear());
        String cmnd = random.chance(0.5) ? cmnd(index, 1 + random.nextInt(CMND_POLICE_CODES)) : null;
        String phone = "09" + pad(bijection(index, PHONE_STEP, PHONE_RANGE), 8);
        return new Generated(new SyntheticPerson(index, SyntheticAccountGenerator.legacyId(index), name.fullName(),
                birthDate, gender, cccd, cmnd, phone), name.ascii());
    }

    private String cccd(Province province, Gender gender, int year) {
        int centuryGender = 2 * (year / 100 - 19) + (gender == Gender.MALE ? 0 : 1);
        int prefix = Integer.parseInt(province.code()) * 1000 + centuryGender * 100 + year % 100;
        int k = issued[prefix]++;
        if (k >= SERIAL_RANGE) {
            throw new IllegalStateException("more than " + SERIAL_RANGE + " people share a CCCD prefix");
        }
        long offset = Math.floorMod(DeterministicRandom.mix(seed ^ prefix), SERIAL_RANGE);
        long serial = SERIAL_FIRST + (k * SERIAL_STEP + offset) % SERIAL_RANGE;
        return province.code() + centuryGender + pad(year % 100, 2) + pad(serial, 6);
    }

    private String cmnd(int index, int policeCode) {
        String digits = pad(bijection(index, CMND_STEP, CMND_RANGE), 7);
        String cmnd = pad(policeCode, 2) + digits;
        while (PERSONA_CMNDS.contains(cmnd)) {
            policeCode = policeCode % CMND_POLICE_CODES + 1;
            cmnd = pad(policeCode, 2) + digits;
        }
        return cmnd;
    }

    /** {@code (index × step + offset(seed)) mod range}: one-to-one on {@code [0, range)} as step is coprime to it. */
    private long bijection(int index, long step, long range) {
        long offset = Math.floorMod(DeterministicRandom.mix(seed + step), range);
        return (index * step + offset) % range;
    }

    private static String pad(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
