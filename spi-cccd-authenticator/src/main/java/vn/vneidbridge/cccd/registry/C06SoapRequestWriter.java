package vn.vneidbridge.cccd.registry;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the {@code XacThucThongTinCongDan} request envelope with StAX, which escapes every value; characters
 * that XML 1.0 cannot carry at all are dropped.
 */
final class C06SoapRequestWriter {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String DC_NS = "http://dancuquocgia.bca";
    static final String OPERATION = "XacThucThongTinCongDan";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final String unitCode;
    private final C06Settings settings;

    C06SoapRequestWriter(String unitCode, C06Settings settings) {
        this.unitCode = unitCode;
        this.settings = settings;
    }

    byte[] write(RegistryQuery query, String requestId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", SOAP_NS);
            xml.writeNamespace("soapenv", SOAP_NS);
            xml.writeNamespace("dc", DC_NS);
            xml.writeStartElement("soapenv", "Body", SOAP_NS);
            xml.writeStartElement("dc", OPERATION, DC_NS);
            element(xml, "MaYeuCau", requestId);
            element(xml, "MaDVC", unitCode);
            optional(xml, "MaTichHop", settings.integrationCode());
            element(xml, "MaCanBo", settings.officerCode());
            element(xml, "SoDinhDanh", RegistryWireFormat.idNumber(query));
            optional(xml, "SoCMND", RegistryWireFormat.cmnd(query));
            element(xml, "HoVaTen", RegistryWireFormat.fullName(query));
            xml.writeStartElement("dc", "NgayThangNamSinh", DC_NS);
            element(xml, "NgayThangNam", RegistryWireFormat.birthDate(query));
            xml.writeEndElement();
            optional(xml, "GioiTinh", RegistryWireFormat.gender(query));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the C06 request", e);
        }
        return bytes.toByteArray();
    }

    private static void optional(XMLStreamWriter xml, String name, Optional<String> value) throws XMLStreamException {
        if (value.isPresent()) {
            element(xml, name, value.get());
        }
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("dc", name, DC_NS);
        xml.writeCharacters(xmlChars(value));
        xml.writeEndElement();
    }

    /** {@code text} without the code points XML 1.0 forbids (most C0 controls, lone surrogates, FFFE/FFFF). */
    static String xmlChars(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(C06SoapRequestWriter::isXmlChar).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
