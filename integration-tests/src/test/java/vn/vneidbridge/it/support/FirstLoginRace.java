package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Two first VNeID logins of one citizen, both waiting on the stand-in's SMS-code page, sent on together; and the
 * VNeID links that exist afterwards. Used by the race tests on one node and on two.
 */
public final class FirstLoginRace {

    private FirstLoginRace() {
    }

    /**
     * Submits both SMS codes at the same moment ({@code submit} sends one and follows the redirects); the subjects
     * of the logins that reached the portal — at least one must.
     */
    public static List<String> run(PortalLogin first, HttpResponse<String> firstOtp, PortalLogin second,
                                   HttpResponse<String> secondOtp,
                                   BiFunction<PortalLogin, HttpResponse<String>, PortalLogin.Outcome> submit)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<PortalLogin.Outcome> a = CompletableFuture.supplyAsync(() -> {
            await(start);
            return submit.apply(first, firstOtp);
        });
        CompletableFuture<PortalLogin.Outcome> b = CompletableFuture.supplyAsync(() -> {
            await(start);
            return submit.apply(second, secondOtp);
        });
        start.countDown();
        PortalLogin.Outcome outcomeA = a.get(90, TimeUnit.SECONDS);
        PortalLogin.Outcome outcomeB = b.get(90, TimeUnit.SECONDS);
        List<String> subjects = new ArrayList<>();
        if (outcomeA.callback().isPresent()) {
            subjects.add(first.finish(outcomeA).getSubject());
        }
        if (outcomeB.callback().isPresent()) {
            subjects.add(second.finish(outcomeB).getSubject());
        }
        assertThat(subjects).as("at least one of the two logins succeeds").isNotEmpty();
        return subjects;
    }

    /** The users of realm dvc linked to VNeID with this id number. */
    public static List<String> vneidLinks(AdminApi admin, String idNumber) {
        List<String> linked = new ArrayList<>();
        for (JsonNode user : admin.get("/admin/realms/dvc/users?max=1000&briefRepresentation=true")) {
            for (JsonNode link : admin.get("/admin/realms/dvc/users/" + user.get("id").asText() + "/federated-identity")) {
                if ("vneid".equals(link.path("identityProvider").asText())
                        && idNumber.equals(link.path("userName").asText())) {
                    linked.add(user.get("id").asText());
                }
            }
        }
        return linked;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the race never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
