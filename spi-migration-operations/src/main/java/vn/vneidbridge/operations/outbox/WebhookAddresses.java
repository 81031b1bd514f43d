package vn.vneidbridge.operations.outbox;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.http.conn.DnsResolver;

/**
 * Where a link webhook may send: only to public addresses, unless the server allows private ones
 * ({@code --spi-events-listener--vneid-link-webhook--allow-private-addresses=true}, the sandbox's setting).
 * Refused: loopback ({@code 127/8}, {@code ::1}, the name {@code localhost} and {@code *.localhost}), link-local
 * ({@code 169.254/16}, {@code fe80::/10}), private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16},
 * {@code 100.64/10}, {@code fc00::/7}, {@code fec0::/10}), unspecified ({@code 0/8}, {@code ::}), multicast
 * ({@code 224/4}, {@code ff00::/8}) and reserved ({@code 240/4}, {@code 192.0.0/24}, {@code 198.18/15}) addresses,
 * also inside IPv4-mapped, IPv4-compatible, NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}) IPv6
 * addresses. A host written as a number is read the way the C resolver reads it ({@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1} are {@code 127.0.0.1}); a malformed number is refused. A name is refused
 * when any of its addresses is.
 */
final class WebhookAddresses {

    /** Why an address is not public. */
    enum Kind {
        PUBLIC("public"), LOOPBACK("loopback"), LINK_LOCAL("link-local"), PRIVATE("private"),
        UNSPECIFIED("unspecified"), MULTICAST("multicast"), RESERVED("reserved");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Resolves a host name to its addresses (the JVM's resolver outside tests). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver SYSTEM = InetAddress::getAllByName;

    /**
     * A host a webhook may not reach. An {@link UnknownHostException}, so that HTTP clients treat it as a host
     * that cannot be connected to; its message names the host, the address and its kind (no personal data).
     */
    static final class Refused extends UnknownHostException {
        private static final long serialVersionUID = 1L;
        private final String address;
        private final Kind kind;

        /** A host that is not a well-formed address although written as a number. */
        Refused(String host, String reason) {
            super(host + " is refused: " + reason);
            this.address = null;
            this.kind = null;
        }

        /** A host that is or resolves to a non-public address. */
        Refused(String host, InetAddress address, Kind kind) {
            super(host + " is refused: " + address.getHostAddress() + " is " + (kind == Kind.UNSPECIFIED ? "an" : "a")
                    + " " + kind.label() + " address");
            this.address = address.getHostAddress();
            this.kind = kind;
        }

        /** The non-public address, or null for a malformed number. */
        String address() {
            return address;
        }

        /** The address's kind, or null for a malformed number. */
        Kind kind() {
            return kind;
        }
    }

    private static final Pattern NUMERIC = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]+");

    private WebhookAddresses() {
    }

    /**
     * The addresses a host stands for: a number or an IPv6 literal without asking DNS, {@code localhost} names as
     * loopback, any other name through the resolver. Throws {@link Refused} for a malformed number.
     */
    static InetAddress[] addresses(String host, Resolver resolver) throws UnknownHostException {
        String name = bare(host);
        Optional<InetAddress> literal = literal(name);
        if (literal.isPresent()) {
            return new InetAddress[] {literal.get()};
        }
        if (isLocalhostName(name)) {
            return new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})};
        }
        return resolver.resolve(name);
    }

    /** Throws {@link Refused} unless every address is public. */
    static void requirePublic(String host, InetAddress[] addresses) throws Refused {
        for (InetAddress address : addresses) {
            Kind kind = kind(address);
            if (kind != Kind.PUBLIC) {
                throw new Refused(host, address, kind);
            }
        }
    }

    /** The host's addresses when all are public; throws {@link Refused} otherwise. */
    static InetAddress[] publicAddresses(String host, Resolver resolver) throws UnknownHostException {
        InetAddress[] addresses = addresses(host, resolver);
        requirePublic(host, addresses);
        return addresses;
    }

    /**
     * The resolver of the delivery client: each connection goes to addresses checked right here, so a name that
     * resolves to another address later (DNS rebinding) is refused at the connection itself.
     */
    static DnsResolver guard(boolean allowPrivate, Resolver resolver) {
        return host -> allowPrivate ? addresses(host, resolver) : publicAddresses(host, resolver);
    }

    static Kind kind(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? kind4(b) : kind6(b);
    }

    private static Kind kind4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return Kind.UNSPECIFIED;
        }
        if (a0 == 127) {
            return Kind.LOOPBACK;
        }
        if (a0 == 169 && a1 == 254) {
            return Kind.LINK_LOCAL;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)
                || (a0 == 100 && (a1 & 0xc0) == 64)) {
            return Kind.PRIVATE;
        }
        if ((a0 & 0xf0) == 224) {
            return Kind.MULTICAST;
        }
        if ((a0 & 0xf0) == 240 || (a0 == 192 && a1 == 0 && a2 == 0) || (a0 == 198 && (a1 & 0xfe) == 18)) {
            return Kind.RESERVED;
        }
        return Kind.PUBLIC;
    }

    private static Kind kind6(byte[] b) {
        if (zeros(b, 0, 15)) {
            return (b[15] & 0xff) == 0 ? Kind.UNSPECIFIED : (b[15] & 0xff) == 1 ? Kind.LOOPBACK : kind4(tail(b, 12));
        }
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return kind4(tail(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (zeros(b, 0, 12)) {
            return kind4(tail(b, 12)); // IPv4-compatible ::a.b.c.d
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            // NAT64: 64:ff9b::/96 carries an IPv4 address; 64:ff9b:1::/48 is for local use
            return zeros(b, 4, 12) ? kind4(tail(b, 12)) : Kind.PRIVATE;
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return kind4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002:aabb:ccdd::
        }
        if ((b[0] & 0xff) == 0xff) {
            return Kind.MULTICAST;
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Kind.LINK_LOCAL;
        }
        if ((b[0] & 0xfe) == 0xfc || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0)) {
            return Kind.PRIVATE; // unique local fc00::/7, site-local fec0::/10
        }
        return Kind.PUBLIC;
    }

    /**
     * The address of a host written as an address: IPv6 (with or without brackets) or IPv4 in any form the C
     * resolver's {@code inet_aton} accepts (1 to 4 parts, decimal, octal with a leading 0, hex with 0x; the last
     * part fills the remaining bytes). Empty for a name; {@link Refused} for a malformed number.
     */
    static Optional<InetAddress> literal(String host) throws Refused {
        String name = bare(host);
        if (name.contains(":")) {
            if (!IPV6.matcher(name).matches()) {
                throw new Refused(host, "not a valid IPv6 address");
            }
            try {
                return Optional.of(InetAddress.getByName("[" + name + "]")); // brackets: a literal, never DNS
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new Refused(host, "not a valid IPv6 address");
            }
        }
        if (!NUMERIC.matcher(name).matches()) {
            return Optional.empty();
        }
        String[] parts = name.split("\\.");
        if (parts.length > 4) {
            throw new Refused(host, "not a valid IPv4 address");
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            BigInteger value = number(host, parts[i]);
            int bytes = i == parts.length - 1 ? 4 - i : 1;
            if (value.bitLength() > bytes * 8) {
                throw new Refused(host, "not a valid IPv4 address");
            }
            values[i] = value.longValue();
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        address |= values[parts.length - 1];
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16),
                    (byte) (address >>> 8), (byte) address}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code localhost}, {@code *.localhost} (RFC 6761), any case, with or without the final dot. */
    static boolean isLocalhostName(String host) {
        String name = bare(host).toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost");
    }

    private static BigInteger number(String host, String part) throws Refused {
        try {
            if (part.length() > 1 && (part.startsWith("0x") || part.startsWith("0X"))) {
                return new BigInteger(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return new BigInteger(part.substring(1), 8);
            }
            return new BigInteger(part);
        } catch (NumberFormatException e) {
            throw new Refused(host, "not a valid IPv4 address");
        }
    }

    /** Without IPv6 brackets and a final dot. */
    private static String bare(String host) {
        String name = host == null ? "" : host.trim();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
