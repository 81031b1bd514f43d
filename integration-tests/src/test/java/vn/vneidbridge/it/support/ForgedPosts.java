package vn.vneidbridge.it.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What a cross-site request can post to a page of Keycloak's login: the form's fields and its address, but not what
 * only the browser showing the page has — its cookies, the step's {@code session_code}, the {@code tab_id}.
 */
public final class ForgedPosts {

    /** Each way a forged post lacks what the browser has: the step's code, the tab, or both. */
    public static final List<List<String>> MISSING_PARAMETERS = List.of(List.of("session_code"), List.of("tab_id"),
            List.of("session_code", "tab_id"));

    private ForgedPosts() {
    }

    /** The address the form on the page posts to. */
    public static URI action(HttpResponse<String> page, String formSelector) {
        Element form = Jsoup.parse(page.body(), page.uri().toString()).selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on " + page.uri() + ":\n" + page.body());
        }
        return URI.create(form.absUrl("action"));
    }

    /** The address without these query parameters. */
    public static URI without(URI uri, List<String> parameters) {
        Map<String, String> kept = WebClient.query(uri);
        kept.keySet().removeAll(parameters);
        String base = uri.toString().replaceFirst("\\?.*$", "");
        return URI.create(kept.isEmpty() ? base : base + "?" + WebClient.form(kept));
    }

    /** For messages: the parameters a forged post lacked. */
    public static String describe(List<String> missing) {
        return missing.isEmpty() ? "another browser" : "without " + missing.stream().collect(Collectors.joining(" and "));
    }
}
