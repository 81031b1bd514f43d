package vn.vneidbridge.cccd.registry;

import java.time.LocalDate;
import java.util.Optional;

import org.w3c.dom.Element;

import vn.vneidbridge.core.id.FullNameParts;

/**
 * Reads the {@code XacThucThongTinCongDanResponse} envelope. A SOAP fault is {@code soap-fault} (with HTTP 200
 * or 500); any other status than 200 is {@code http-<status>}; anything unreadable is
 * {@code malformed-response}. Elements are matched by local name, so a service's namespace prefixes (or a
 * missing namespace on the payload) do not matter. The places of a record ({@code NoiDangKyKhaiSinh},
 * {@code QueQuan}, {@code ThuongTru}) are optional: one without words, or malformed, is left out, never an error.
 */
final class C06SoapResponseReader {


    private C06SoapResponseReader() {
    }

    static RegistryAnswer read(HttpReply reply) throws RegistryFailure {
        if (!reply.isOk() && reply.status() != 500) {
            throw reply.statusFailure();
        }
        Element body;
        try {
            body = soapBody(reply.body());
        } catch (RegistryFailure unreadable) {
            throw reply.isOk() ? unreadable : reply.statusFailure();
        }
        if (SecureXml.child(body, "Fault").isPresent()) {
            throw new RegistryFailure("soap-fault");
        }
        if (!reply.isOk()) {
            throw reply.statusFailure();
        }
        Element response = required(SecureXml.child(body, C06SoapRequestWriter.OPERATION + "Response"));
        String code = required(SecureXml.childText(response, "MaKetQua"));
        if (!RegistryWireFormat.PROCESSED.equals(code)) {
            return RegistryAnswer.withoutResult(code);
        }
        Optional<Element> citizen = SecureXml.child(response, "CongDan");
        if (citizen.isPresent()) {
            return new RegistryAnswer(code, Optional.of(record(citizen.get())), Optional.empty());
        }
        Optional<String> flag = SecureXml.childText(response, "KetQuaXacThuc");
        return new RegistryAnswer(code, Optional.empty(),
                flag.isPresent() ? Optional.of(RegistryWireFormat.parseFlag(flag.get())) : Optional.empty());
    }

    private static Element soapBody(byte[] xml) throws RegistryFailure {
        Element envelope = SecureXml.parse(xml).getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName())
                || !C06SoapRequestWriter.SOAP_NS.equals(envelope.getNamespaceURI())) {
            throw RegistryFailure.malformed();
        }
        return required(SecureXml.child(envelope, "Body"));
    }

    private static RegistryRecord record(Element citizen) throws RegistryFailure {
        String idNumber = required(SecureXml.childText(citizen, "SoDinhDanh"));
        String fullName = fullName(required(SecureXml.child(citizen, "HoVaTen")));
        Element birth = required(SecureXml.child(citizen, "NgayThangNamSinh"));
        LocalDate birthDate = RegistryWireFormat.parseDate(required(SecureXml.childText(birth, "NgayThangNam")));
        return new RegistryRecord(idNumber, SecureXml.childText(citizen, "SoCMND"), fullName, birthDate,
                SecureXml.childText(citizen, "GioiTinh").flatMap(RegistryWireFormat::parseGender),
                new RegistryPlaces(place(citizen, "NoiDangKyKhaiSinh"), place(citizen, "QueQuan"),
                        place(citizen, "ThuongTru")));
    }

    /**
     * A place: {@code DiaChiDayDu} (the place in words) with {@code MaTinhThanh}, {@code MaQuanHuyen},
     * {@code MaPhuongXa}. Empty when absent, without words, or malformed (a part with child elements, a code that is
     * not digits): an address never makes the identity check fail.
     */
    private static Optional<RegistryPlace> place(Element citizen, String localName) {
        Optional<Element> found = SecureXml.child(citizen, localName);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Element place = found.get();
        try {
            Optional<String> words = leafText(place, "DiaChiDayDu").flatMap(RegistryWireFormat::placeWords);
            if (words.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RegistryPlace(words.get(), placeCode(place, "MaTinhThanh"),
                    placeCode(place, "MaQuanHuyen"), placeCode(place, "MaPhuongXa")));
        } catch (RegistryFailure | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> placeCode(Element place, String localName) throws RegistryFailure {
        Optional<String> code = leafText(place, localName);
        if (code.isPresent() && !RegistryWireFormat.isPlaceCode(code.get())) {
            throw RegistryFailure.malformed();
        }
        return code;
    }


    /** The trimmed text of a child element that holds only text; empty when absent or blank. */
    private static Optional<String> leafText(Element parent, String localName) throws RegistryFailure {
        Optional<Element> child = SecureXml.child(parent, localName);
        if (child.isPresent() && SecureXml.hasChildElements(child.get())) {
            throw RegistryFailure.malformed();
        }
        return SecureXml.childText(parent, localName);
    }

    /** {@code HoVaTen} split as {@code Ho}/{@code ChuDem}/{@code Ten}, or as plain text. */
    private static String fullName(Element name) throws RegistryFailure {
        String joined = SecureXml.hasChildElements(name)
                ? new FullNameParts(SecureXml.childText(name, "Ho").orElse(""),
                        SecureXml.childText(name, "ChuDem").orElse(""),
                        SecureXml.childText(name, "Ten").orElse("")).fullName()
                : name.getTextContent().strip();
        if (joined.isEmpty()) {
            throw RegistryFailure.malformed();
        }
        return joined;
    }

    private static <T> T required(Optional<T> value) throws RegistryFailure {
        if (value.isEmpty()) {
            throw RegistryFailure.malformed();
        }
        return value.get();
    }
}
