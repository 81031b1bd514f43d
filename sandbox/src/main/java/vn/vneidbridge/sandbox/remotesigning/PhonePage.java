package vn.vneidbridge.sandbox.remotesigning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The "phone"'s pages, in Vietnamese: the subscriber's waiting requests, each with its description, the code to compare
 * with the browser's ("Mã giao dịch", the {@code doc_id}), the seconds left and a form to confirm with the PIN or to
 * refuse; and the one-line pages after an answer. Plain markup (landmarks, headings, labelled fields), no script and
 * nothing loaded from elsewhere; every value printed is escaped.
 */
final class PhonePage {

    static final String TITLE = "Ứng dụng VNPT SmartCA (mô phỏng)";
    static final String NONE_PENDING = "Không có yêu cầu ký nào đang chờ.";
    static final String WRONG_PIN = "Sai mã PIN. Yêu cầu vẫn đang chờ xác nhận.";
    static final String APPROVED = "Đã xác nhận. Quay lại trình duyệt để tiếp tục.";
    static final String REFUSED = "Đã từ chối.";
    static final String NOT_PENDING = "Yêu cầu này không còn chờ xác nhận.";
    static final String FORBIDDEN = "Biểu mẫu không hợp lệ hoặc đã cũ. Mở lại trang và thử lại.";
    static final String BAD_ANSWER = "Hãy chọn Xác nhận hoặc Từ chối.";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:28rem;margin:1rem auto;"
            + "padding:0 1rem;line-height:1.5}section{border:1px solid #888;border-radius:.5rem;padding:0 1rem 1rem;"
            + "margin:1rem 0}.code{font-size:2.5rem;font-weight:bold;letter-spacing:.2em}"
            + "[role=alert]{color:#a00;font-weight:bold}button{font-size:1rem;margin:.5rem .5rem 0 0;padding:.4rem 1rem}"
            + "input{font-size:1rem}";

    private PhonePage() {
    }

    /** The subscriber's waiting requests, newest first, under {@code alert} when it is not null. */
    static String list(String number, List<Transaction> pending, Instant now, String alert) {
        StringBuilder main = new StringBuilder();
        main.append("<p>Thuê bao: <strong>").append(escape(number)).append("</strong></p>\n");
        if (alert != null) {
            main.append("<p role=\"alert\">").append(escape(alert)).append("</p>\n");
        }
        if (pending.isEmpty()) {
            main.append("<p>").append(NONE_PENDING).append("</p>\n");
        }
        int index = 0;
        for (Transaction transaction : pending) {
            index++;
            main.append(request(number, transaction, now, index));
        }
        main.append("<p><a href=\"/phone/").append(escape(UrlSegments.encode(number)))
                .append("\">Làm mới</a></p>\n");
        return page(main.toString());
    }

    /** A page of one sentence after an answer, with a way back to the list. */
    static String result(String number, String text) {
        return page("<p role=\"status\">" + escape(text) + "</p>\n<p><a href=\"/phone/"
                + escape(UrlSegments.encode(number)) + "\">Các yêu cầu đang chờ</a></p>\n");
    }

    private static String request(String number, Transaction transaction, Instant now, int index) {
        long secondsLeft = Math.max(0, Duration.between(now, transaction.expires()).toSeconds());
        String description = transaction.description().isBlank() ? "Yêu cầu ký" : transaction.description();
        String action = "/phone/" + UrlSegments.encode(number) + "/" + UrlSegments.encode(transaction.id());
        String pin = "pin-" + index;
        return "<section aria-labelledby=\"request-" + index + "\">\n"
                + "<h2 id=\"request-" + index + "\">" + escape(description) + "</h2>\n"
                + "<p>Mã giao dịch:<br><span class=\"code\">" + escape(transaction.docId()) + "</span></p>\n"
                + "<p>Còn " + secondsLeft + " giây để xác nhận.</p>\n"
                + "<form method=\"post\" action=\"" + escape(action) + "\">\n"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(transaction.csrf()) + "\">\n"
                + "<p><label for=\"" + pin + "\">Mã PIN</label><br>"
                + "<input id=\"" + pin + "\" name=\"pin\" type=\"password\" autocomplete=\"off\"></p>\n"
                + "<button type=\"submit\" name=\"answer\" value=\"approve\">Xác nhận</button>"
                + "<button type=\"submit\" name=\"answer\" value=\"refuse\">Từ chối</button>\n"
                + "</form>\n</section>\n";
    }

    private static String page(String main) {
        return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + TITLE + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + "<h1>" + TITLE + "</h1>\n" + main + "</main>\n</body>\n</html>\n";
    }

    /** Text for HTML content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
