package vn.vneidbridge.benchmarks;

/** What the virtual user does on the way: which door, and what it answers when the CCCD form is shown. */
enum Journey {
    /** Username and password on the realm's own form; "Bỏ qua" if the CCCD form is shown. */
    PASSWORD,
    /** {@code kc_idp_hint=vneid}: the upstream's id number + password, then its SMS code 123456. */
    VNEID,
    /** Password login, then the CCCD form with a number nobody asked the registry yet (cache miss), then "Bỏ qua". */
    CCCD_MISS,
    /** Password login, then the CCCD form with this account's number asked before (cache hit), then "Bỏ qua". */
    CCCD_HIT
}
