package vn.vneidbridge.sandbox.registry;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A test client of the simulator: builds requests as the protocol document shows them and reads answers. */
final class RegistryCalls {

    static final String SOAP_ACTION = "\"http://dancuquocgia.bca/XacThucThongTinCongDan\"";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    RegistryCalls(URI base) {
        this.base = base;
    }

    /** A verification request; null fields are left out. */
    record Fields(String idNumber, String cmnd, String fullName, String birthDate, String gender) {

        Fields withName(String name) {
            return new Fields(idNumber, cmnd, name, birthDate, gender);
        }

        Fields withBirthDate(String date) {
            return new Fields(idNumber, cmnd, fullName, date, gender);
        }

        Fields withCmnd(String number) {
            return new Fields(idNumber, number, fullName, birthDate, gender);
        }

        Fields withGender(String code) {
            return new Fields(idNumber, cmnd, fullName, birthDate, code);
        }
    }

    HttpResponse<String> c06(Fields fields) throws Exception {
        return c06(c06Body(fields), Map.of());
    }

    HttpResponse<String> c06(String body, Map<String, String> headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(Map.of("Content-Type", "text/xml; charset=utf-8",
                "SOAPAction", SOAP_ACTION));
        all.putAll(headers);
        return post(PopulationRegistrySimulator.C06_PATH, body, all);
    }

    HttpResponse<String> lgsp(Fields fields) throws Exception {
        return lgsp(lgspBody(fields), Map.of());
    }

    HttpResponse<String> lgsp(String body, Map<String, String> headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        all.putAll(headers);
        return post(PopulationRegistrySimulator.LGSP_PATH, body, all);
    }

    HttpResponse<String> mode(String json) throws Exception {
        return post("/_simulator/mode", json, Map.of("Content-Type", "application/json"));
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI url(String path) {
        return URI.create(base + path);
    }

    long requestCount() throws Exception {
        return JSONObjectUtils.getLong(JSONObjectUtils.parse(get("/_simulator/stats").body()), "requests");
    }

    static String c06Body(Fields fields) {
        StringBuilder xml = new StringBuilder()
                .append("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"")
                .append(" xmlns:dc=\"http://dancuquocgia.bca\"><soapenv:Body><dc:XacThucThongTinCongDan>");
        element(xml, "MaYeuCau", UUID.randomUUID().toString());
        element(xml, "MaDVC", "000.00.00.H00");
        element(xml, "MaTichHop", "DVCQG");
        element(xml, "MaCanBo", "vneid-bridge");
        element(xml, "SoDinhDanh", fields.idNumber());
        element(xml, "SoCMND", fields.cmnd());
        element(xml, "HoVaTen", fields.fullName());
        if (fields.birthDate() != null) {
            xml.append("<dc:NgayThangNamSinh>");
            element(xml, fields.birthDate().length() == 4 ? "Nam" : "NgayThangNam", fields.birthDate());
            xml.append("</dc:NgayThangNamSinh>");
        }
        element(xml, "GioiTinh", fields.gender());
        return xml.append("</dc:XacThucThongTinCongDan></soapenv:Body></soapenv:Envelope>").toString();
    }

    static String lgspBody(Fields fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("maYeuCau", UUID.randomUUID().toString());
        json.put("maDVC", "000.00.00.H00");
        json.put("soDinhDanh", fields.idNumber());
        json.put("soCMND", fields.cmnd());
        json.put("hoVaTen", fields.fullName());
        json.put("ngaySinh", fields.birthDate());
        json.put("gioiTinh", fields.gender());
        return JSONObjectUtils.toJSONString(json);
    }

    private static void element(StringBuilder xml, String name, String value) {
        if (value != null) {
            xml.append("<dc:").append(name).append('>').append(value).append("</dc:").append(name).append('>');
        }
    }

    /**
     * The text of every element of the answer without element children, by local name ({@code MaKetQua}, {@code Ho},
     * {@code NgayThangNam}, …), plus {@code CongDan} = "present" when the record is there.
     */
    static Map<String, String> soapFields(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> fields = new LinkedHashMap<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (!hasElementChildren(element)) {
                fields.put(element.getLocalName(), element.getTextContent());
            } else if ("CongDan".equals(element.getLocalName())) {
                fields.put("CongDan", "present");
            }
        }
        return fields;
    }

    /**
     * The parts of the first place element of the answer with this local name ({@code NoiDangKyKhaiSinh},
     * {@code QueQuan}, {@code ThuongTru}) by local name ({@code MaTinhThanh}, …, {@code DiaChiDayDu}); empty when the
     * answer has no such place.
     */
    static Map<String, String> soapPlace(String xml, String place) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> parts = new LinkedHashMap<>();
        NodeList places = document.getElementsByTagNameNS("http://dancuquocgia.bca", place);
        if (places.getLength() > 0) {
            for (Node child = places.item(0).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    parts.put(child.getLocalName(), child.getTextContent());
                }
            }
        }
        return parts;
    }

    private static boolean hasElementChildren(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSONObjectUtils.parse(response.body());
    }
}
