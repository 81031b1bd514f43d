package vn.vneidbridge.operations.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A review entry as the operators' pages show it, from what the review REST describes
 * ({@code ReviewResolution#describe}): the same fields, but for an operator without {@code view-users} the id
 * number, the VNeID username (an id number at VNeID) and the candidates' usernames masked ({@link Masks}) and the
 * VNeID subject left out. Whether an entry can be linked at all (one from a bulk job has no VNeID identity) is
 * said with {@code linkable}.
 */
public final class ReviewView {

    private ReviewView() {
    }

    public static Map<String, Object> of(Map<String, Object> described, boolean linkable, boolean fullNumbers) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : described.entrySet()) {
            String key = field.getKey();
            Object value = field.getValue();
            switch (key) {
                case "idNumber" -> view.put(key, fullNumbers ? value : Masks.idNumber(text(value)));
                case "vneidUsername" -> view.put(key, fullNumbers ? value : Masks.username(text(value)));
                case "vneidSubject" -> {
                    if (fullNumbers) {
                        view.put(key, value);
                    }
                }
                case "candidates" -> view.put(key, candidates(value, fullNumbers));
                // an operator who saw the whole number may have written it in the reason
                case "note" -> view.put(key, fullNumbers || value == null ? value : Masks.numbersIn(text(value)));
                default -> view.put(key, value);
            }
        }
        view.put("linkable", linkable);
        view.put("numbersMasked", !fullNumbers);
        return view;
    }

    private static List<Map<String, Object>> candidates(Object value, boolean fullNumbers) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> {
            Map<String, Object> candidate = new LinkedHashMap<>();
            ((Map<?, ?>) item).forEach((k, v) -> candidate.put(String.valueOf(k),
                    "username".equals(k) && !fullNumbers ? Masks.username(text(v)) : v));
            return candidate;
        }).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
