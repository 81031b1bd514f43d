package vn.vneidbridge.sandbox.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.vneidbridge.core.id.FullNameParts;
import vn.vneidbridge.core.id.VietnameseNames;

/**
 * Reads and writes the C06 SOAP messages of {@code XacThucThongTinCongDan} ({@code docs/population-registry-
 * protocols.md}). The parser refuses any DOCTYPE, so no entity, internal or external, is ever expanded.
 */
final class C06SoapCodec {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String DC_NS = "http://dancuquocgia.bca";
    static final String OPERATION = "XacThucThongTinCongDan";

    /** Reports every error as an exception, and nothing on the console. */
    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a request malformed
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(C06SoapCodec::newBuilder);

    private C06SoapCodec() {
    }

    /** The request in a SOAP envelope; only {@code SoDinhDanh} is required. */
    static VerificationRequest parseRequest(byte[] body) throws MalformedRequestException {
        Element operation = operation(parse(body));
        String idNumber = RegistryFormats.sent(text(operation, "SoDinhDanh"));
        if (idNumber == null) {
            throw new MalformedRequestException("SoDinhDanh is missing");
        }
        String gender = RegistryFormats.sent(text(operation, "GioiTinh"));
        LocalDate birthDate = null;
        Integer birthYear = null;
        Element birth = child(operation, "NgayThangNamSinh");
        if (birth != null) {
            String date = RegistryFormats.sent(text(birth, "NgayThangNam"));
            String year = RegistryFormats.sent(text(birth, "Nam"));
            if (date != null) {
                birthDate = RegistryFormats.parseDate(date, "NgayThangNam");
            } else if (year != null) {
                birthYear = RegistryFormats.parseYear(year, "Nam");
            } else {
                throw new MalformedRequestException("NgayThangNamSinh has neither NgayThangNam nor Nam");
            }
        }
        return new VerificationRequest(RegistryFormats.sent(text(operation, "MaYeuCau")), idNumber,
                RegistryFormats.sent(text(operation, "SoCMND")), RegistryFormats.sent(text(operation, "HoVaTen")),
                birthDate, birthYear, gender == null ? null : RegistryFormats.parseGender(gender, "GioiTinh"));
    }

    /**
     * The response envelope: {@code MaKetQua}, then {@code CongDan} (with the citizen's places) or
     * {@code KetQuaXacThuc} for {@code 00}.
     */
    static String answer(VerificationAnswer answer) {
        StringBuilder xml = new StringBuilder(1024).append(envelopeStart())
                .append("<dc:XacThucThongTinCongDanResponse>");
        if (answer.requestId() != null) {
            element(xml, "MaYeuCau", answer.requestId());
        }
        element(xml, "MaKetQua", answer.resultCode());
        if (answer.matchFlag().isPresent()) {
            element(xml, "KetQuaXacThuc", answer.matchFlag().get().toString());
        } else {
            answer.citizen().ifPresent(citizen -> citizen(xml, citizen));
        }
        return xml.append("</dc:XacThucThongTinCongDanResponse>").append(envelopeEnd()).toString();
    }

    /** A SOAP 1.1 fault with a fixed reason. */
    static String fault(String faultCode, String reason) {
        StringBuilder xml = new StringBuilder(512).append(envelopeStart()).append("<soapenv:Fault>");
        xml.append("<faultcode>soapenv:").append(escape(faultCode)).append("</faultcode>");
        xml.append("<faultstring>").append(escape(reason)).append("</faultstring>");
        return xml.append("</soapenv:Fault>").append(envelopeEnd()).toString();
    }

    private static void citizen(StringBuilder xml, Citizen citizen) {
        FullNameParts name = VietnameseNames.splitFullName(VietnameseNames.upperCaseForRegistry(citizen.fullName()));
        xml.append("<dc:CongDan>");
        element(xml, "SoDinhDanh", citizen.idNumber());
        citizen.cmnd().ifPresent(cmnd -> element(xml, "SoCMND", cmnd));
        xml.append("<dc:HoVaTen>");
        element(xml, "Ho", name.familyName());
        element(xml, "ChuDem", name.middleName());
        element(xml, "Ten", name.givenName());
        xml.append("</dc:HoVaTen>");
        element(xml, "GioiTinh", RegistryFormats.genderCode(citizen.gender()));
        xml.append("<dc:NgayThangNamSinh>");
        element(xml, "NgayThangNam", RegistryFormats.formatDate(citizen.birthDate()));
        xml.append("</dc:NgayThangNamSinh>");
        citizen.birthRegistration().ifPresent(place -> place(xml, "NoiDangKyKhaiSinh", place));
        citizen.homeTown().ifPresent(place -> place(xml, "QueQuan", place));
        citizen.permanentResidence().ifPresent(place -> place(xml, "ThuongTru", place));
        xml.append("</dc:CongDan>");
    }

    /** A place: its codes when known, then the place in words ({@code DiaChiDayDu}). */
    private static void place(StringBuilder xml, String name, Citizen.Place place) {
        xml.append("<dc:").append(name).append('>');
        if (place.provinceCode() != null) {
            element(xml, "MaTinhThanh", place.provinceCode());
        }
        if (place.districtCode() != null) {
            element(xml, "MaQuanHuyen", place.districtCode());
        }
        if (place.wardCode() != null) {
            element(xml, "MaPhuongXa", place.wardCode());
        }
        element(xml, "DiaChiDayDu", place.text());
        xml.append("</dc:").append(name).append('>');
    }

    private static Document parse(byte[] body) throws MalformedRequestException {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(FAIL_ON_ERROR);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
        });
        try {
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException | RuntimeException e) {
            // The parser's message may quote the document; never pass it on.
            throw new MalformedRequestException("the body is not well-formed XML without a DOCTYPE");
        }
    }

    private static Element operation(Document document) throws MalformedRequestException {
        Element envelope = document.getDocumentElement();
        if (!is(envelope, SOAP_NS, "Envelope")) {
            throw new MalformedRequestException("not a SOAP 1.1 envelope");
        }
        Element body = firstChild(envelope, SOAP_NS, "Body");
        Element operation = body == null ? null : firstChild(body, DC_NS, OPERATION);
        if (operation == null) {
            throw new MalformedRequestException("the SOAP body has no " + OPERATION);
        }
        return operation;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent();
    }

    private static Element child(Element parent, String name) {
        return firstChild(parent, DC_NS, name);
    }

    private static Element firstChild(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && is((Element) node, namespace, name)) {
                return (Element) node;
            }
        }
        return null;
    }

    private static boolean is(Element element, String namespace, String name) {
        return namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
    }

    private static String envelopeStart() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_NS + "\" xmlns:dc=\"" + DC_NS + "\">"
                + "<soapenv:Body>";
    }

    private static String envelopeEnd() {
        return "</soapenv:Body></soapenv:Envelope>";
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("<dc:").append(name).append('>').append(escape(value)).append("</dc:").append(name).append('>');
    }

    /** Escapes text content; drops characters XML 1.0 cannot carry. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                            || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot configure a safe XML parser", e);
        }
    }
}
