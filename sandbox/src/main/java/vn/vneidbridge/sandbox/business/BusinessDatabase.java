package vn.vneidbridge.sandbox.business;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.vneidbridge.core.id.TaxCode;

/**
 * The simulator's stand-in for the national business registration database: enterprises by their code. Immutable, so
 * one instance can serve any number of threads.
 *
 * <p>{@link #sandbox()} holds Công ty TNHH ABC, the enterprise of the sandbox's organisation account {@code congtyabc}
 * (legal representative Phạm Minh Đức, {@code shared/design/sandbox.md}), another active enterprise and a suspended
 * one.
 */
public final class BusinessDatabase {

    /** Công ty TNHH ABC, the organisation account {@code congtyabc}'s enterprise. */
    public static final String ABC = "0312345673";
    /** Công ty Cổ phần Dịch vụ DEF, active, no account in the sandbox. */
    public static final String DEF = "0100112437";
    /** Công ty TNHH XYZ, suspended ({@code TAM_NGUNG}). */
    public static final String XYZ = "0100233488";

    private static final List<Enterprise> SANDBOX = List.of(
            Enterprise.of(ABC, "CÔNG TY TNHH ABC", Enterprise.ACTIVE, "PHẠM MINH ĐỨC"),
            Enterprise.of(DEF, "CÔNG TY CỔ PHẦN DỊCH VỤ DEF", Enterprise.ACTIVE, null),
            Enterprise.of(XYZ, "CÔNG TY TNHH XYZ", Enterprise.SUSPENDED, null));

    private final Map<String, Enterprise> byCode;

    private BusinessDatabase(Map<String, Enterprise> byCode) {
        this.byCode = byCode;
    }

    /** The sandbox's enterprises. */
    public static BusinessDatabase sandbox() {
        return of(SANDBOX);
    }

    /**
     * A database of exactly these enterprises.
     *
     * @throws IllegalArgumentException when two enterprises share a code
     */
    public static BusinessDatabase of(Collection<Enterprise> enterprises) {
        Map<String, Enterprise> byCode = new LinkedHashMap<>();
        for (Enterprise enterprise : enterprises) {
            if (byCode.putIfAbsent(enterprise.taxCode(), enterprise) != null) {
                throw new IllegalArgumentException("two enterprises share the code " + enterprise);
            }
        }
        return new BusinessDatabase(Collections.unmodifiableMap(byCode));
    }

    /** The enterprise with this code. */
    public Optional<Enterprise> find(TaxCode code) {
        return Optional.ofNullable(byCode.get(code.value()));
    }

    /** The enterprise with this code, in any form {@link TaxCode#parse} reads; empty for anything else (null too). */
    public Optional<Enterprise> find(String code) {
        return TaxCode.parse(code).number().flatMap(parsed -> Optional.ofNullable(byCode.get(parsed.value())));
    }

    /** The enterprises, in the order given. */
    public Collection<Enterprise> enterprises() {
        return byCode.values();
    }

    /** How many enterprises the database holds. */
    public int size() {
        return byCode.size();
    }

    @Override
    public String toString() {
        return "BusinessDatabase[" + byCode.size() + " enterprises]";
    }
}
