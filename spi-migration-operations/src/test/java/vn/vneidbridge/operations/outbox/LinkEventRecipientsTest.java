package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.operations.outbox.LinkEventRecipients.Recipient;

class LinkEventRecipientsTest {

    private static final List<String> WEBHOOKS = List.of("dvcqg-portal", "dvc-hatinh-web", "dvc-binhduong-web");

    @Nested
    class GivenACitizenRelatedToOnePortal {

        @Test
        void thenOnlyThatPortalHearsOfIt() {
            assertThat(LinkEventRecipients.of(WEBHOOKS, Set.of("dvc-hatinh-web"), Set.of()))
                    .containsExactly(new Recipient("dvc-hatinh-web", false));
        }

        @Test
        void thenAPortalWithoutAWebhookChangesNothing() {
            assertThat(LinkEventRecipients.of(WEBHOOKS, Set.of("dvc-hatinh-web", "dvc-binhdinh-web"), Set.of()))
                    .extracting(Recipient::clientId).containsExactly("dvc-hatinh-web");
        }
    }

    @Nested
    class GivenACitizenRelatedToNoPortal {

        @Test
        void thenNobodyHearsOfIt() {
            assertThat(LinkEventRecipients.of(WEBHOOKS, Set.of(), Set.of("dvcqg-portal"))).isEmpty();
        }
    }

    @Nested
    class GivenSeveralRelatedPortalsOfWhichOneIsEntitledToIdentityData {

        @Test
        void thenEachHearsOfItInTheConfiguredOrderAndOnlyTheEntitledOneGetsTheNumber() {
            assertThat(LinkEventRecipients.of(WEBHOOKS, Set.of("dvc-binhduong-web", "dvcqg-portal"),
                    Set.of("dvcqg-portal", "dvc-hatinh-web")))
                    .containsExactly(new Recipient("dvcqg-portal", true), new Recipient("dvc-binhduong-web", false));
        }

        @Test
        void thenEntitlementAloneRelatesNobody() {
            assertThat(LinkEventRecipients.of(WEBHOOKS, Set.of("dvc-binhduong-web"), Set.of("dvc-hatinh-web")))
                    .containsExactly(new Recipient("dvc-binhduong-web", false));
        }
    }

    @Nested
    class GivenNoWebhooks {

        @Test
        void thenNobodyHearsOfItWhateverTheRelations() {
            assertThat(LinkEventRecipients.of(List.of(), Set.of("dvcqg-portal"), Set.of("dvcqg-portal"))).isEmpty();
        }
    }
}
