package vn.vneidbridge.sandbox.portal;

import java.util.Map;
import java.util.TreeMap;

/** The demo portal's few pages, in Vietnamese, with every dynamic value HTML-escaped. */
final class DemoPortalPages {

    private final DemoPortalConfig config;

    DemoPortalPages(DemoPortalConfig config) {
        this.config = config;
    }

    String loggedOut() {
        StringBuilder body = new StringBuilder("<h1>Cổng thử nghiệm</h1><p id=\"status\">Chưa đăng nhập.</p><ul>");
        config.clients().forEach((clientId, name) -> body.append("<li><h2>").append(escape(name)).append("</h2>")
                .append("<a class=\"button\" id=\"login-").append(escape(clientId))
                .append("\" href=\"/login?client=").append(escape(clientId)).append("\">Đăng nhập</a> ")
                .append("<a class=\"button\" id=\"vneid-").append(escape(clientId))
                .append("\" href=\"/login?client=").append(escape(clientId))
                .append("&amp;kc_idp_hint=vneid\">Đăng nhập bằng VNeID</a></li>"));
        body.append("</ul>");
        return page("Cổng thử nghiệm — Chưa đăng nhập", body.toString());
    }

    /** One portal's session, with links to the other portals this browser is logged in to ({@code all}). */
    String loggedIn(DemoPortal.PortalSession session, java.util.List<DemoPortal.PortalSession> all) {
        StringBuilder body = new StringBuilder("<h1>").append(escape(config.clients().get(session.clientId())))
                .append("</h1><p id=\"status\">Đã đăng nhập</p>")
                .append("<p>Cổng: <code id=\"client\">").append(escape(session.clientId())).append("</code></p>")
                .append("<h2>Thông tin trong ID token</h2><table id=\"claims\"><thead><tr><th>Claim</th>")
                .append("<th>Giá trị</th></tr></thead><tbody>");
        Map<String, Object> claims = new TreeMap<>(session.claims().getClaims());
        claims.forEach((name, value) -> body.append("<tr><th scope=\"row\">").append(escape(name))
                .append("</th><td data-claim=\"").append(escape(name)).append("\">").append(escape(render(value)))
                .append("</td></tr>"));
        body.append("</tbody></table><form method=\"post\" action=\"/logout\">")
                .append("<input type=\"hidden\" name=\"client\" value=\"").append(escape(session.clientId()))
                .append("\"><button type=\"submit\" id=\"logout\">Đăng xuất</button></form>");
        if (all.size() > 1) {
            body.append("<h2>Cũng đã đăng nhập</h2><ul id=\"other-portals\">");
            all.stream().filter(other -> !other.clientId().equals(session.clientId())).forEach(other -> body
                    .append("<li><a href=\"/?client=").append(escape(other.clientId())).append("\">")
                    .append(escape(config.clients().get(other.clientId()))).append("</a></li>"));
            body.append("</ul>");
        }
        return page("Cổng thử nghiệm — Đã đăng nhập", body.toString());
    }

    String message(String title, String text) {
        return page(title, "<h1>" + escape(title) + "</h1><p id=\"message\" role=\"alert\">" + escape(text)
                + "</p><p><a href=\"/\">Về trang chủ</a></p>");
    }

    private static String render(Object value) {
        if (value instanceof java.util.Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        return String.valueOf(value);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:56rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}"
                + "h1{color:#b0171f}.button,button{display:inline-block;margin:.25rem 0;padding:.5rem 1rem;"
                + "background:#b0171f;color:#fff;border:0;border-radius:4px;text-decoration:none;font-size:1rem}"
                + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;"
                + "text-align:left;vertical-align:top;word-break:break-all}ul{list-style:none;padding:0}"
                + "</style></head><body><main>" + body + "</main></body></html>";
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
