package vn.vneidbridge.it.support;

import java.util.Locale;
import java.util.Map;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.remotesigning.SmartCaStandIn;

/**
 * Citizens of realm {@code dvc} who can log in with "Sim ký số" / VNPT SmartCA: an account holding the person's CCCD
 * verified (through VNeID), and the person subscribed to the SmartCA stand-in with a certificate of the sandbox CA
 * whose {@code UID} names that CCCD.
 */
public final class SmartCaSubscribers {

    private final CitizenAccounts accounts;
    private final SmartCaStandIn phone;
    private final SandboxCertificateAuthority ca;

    public SmartCaSubscribers(CitizenAccounts accounts, SmartCaStandIn phone, SandboxCertificateAuthority ca) {
        this.accounts = accounts;
        this.phone = phone;
        this.ca = ca;
    }

    /** The account's username. */
    public String subscribed(String prefix, SyntheticPerson person) {
        String username = accounts.create(prefix, person, Map.of("cccd", person.cccd(), "cccd_verified", "true",
                "cccd_verified_source", "vneid"));
        phone.subscribe(person.cccd(), ca.issue(person.fullName().toUpperCase(Locale.ROOT), "CCCD:" + person.cccd()));
        return username;
    }
}
