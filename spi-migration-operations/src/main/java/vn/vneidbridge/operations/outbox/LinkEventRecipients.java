package vn.vneidbridge.operations.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which portals hear of one link or unlink, and which of them see the id number — the rule, without Keycloak:
 * a portal with a webhook hears of a citizen only when it is related to that citizen at the time of the event
 * (logged in through it, assigned by an operator, the portal that issued the citizen's legacy account, or the
 * portal of the login that is linking right now); it gets the verified number only when it is entitled to
 * identity data (the client scope {@value PortalRelations#IDENTITY_SCOPE}).
 */
final class LinkEventRecipients {

    /** One portal to deliver to; {@code identity}: the payload may carry the verified number. */
    record Recipient(String clientId, boolean identity) {
    }

    private LinkEventRecipients() {
    }

    /**
     * @param webhookClients the client ids with a webhook, in the configured order
     * @param related        the client ids related to the citizen now
     * @param entitled       the client ids entitled to identity data
     */
    static List<Recipient> of(List<String> webhookClients, Set<String> related, Set<String> entitled) {
        List<Recipient> recipients = new ArrayList<>();
        for (String clientId : webhookClients) {
            if (clientId != null && related.contains(clientId)) {
                recipients.add(new Recipient(clientId, entitled.contains(clientId)));
            }
        }
        return recipients;
    }
}
