package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import vn.vneidbridge.core.id.Gender;

class C06SoapRegistryTest extends RegistryAdapterContract {

    private static final String PATH = "/c06/XacThucThongTinCongDan";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String DC_NS = "http://dancuquocgia.bca";
    private static final String USER = "vneid-bridge-test";
    private static final String SECRET = "s3cr3t-value";
    private static final String API_KEY = "api-key-123";

    @Override
    PopulationRegistryFactory newFactory(TestClock clock) {
        return new C06SoapRegistryFactory(clock);
    }

    @Override
    String path() {
        return PATH;
    }

    @Override
    Map<String, String> protocolOptions() {
        return Map.of("integrationCode", "DVCQG", "user", USER, "secret", SECRET, "apiKey", API_KEY);
    }

    @Override
    StubRegistryServer.Reply recordReply(Citizen citizen) {
        return soap(200, response("00", citizenXml(citizen, nameXml(citizen))));
    }

    @Override
    StubRegistryServer.Reply flagReply(boolean matches) {
        return soap(200, response("00", "<dc:KetQuaXacThuc>" + matches + "</dc:KetQuaXacThuc>"));
    }

    @Override
    StubRegistryServer.Reply codeReply(String code) {
        return soap(200, response(code, ""));
    }

    @Override
    Optional<String> sentValue(StubRegistryServer.Recorded request, RegistryField field) throws Exception {
        switch (field) {
            case ID_NUMBER:
                return requestElement(request, "SoDinhDanh");
            case FULL_NAME:
                return requestElement(request, "HoVaTen");
            case BIRTH_DATE:
                return requestElement(request, "NgayThangNam");
            case CMND:
                return requestElement(request, "SoCMND");
            default:
                return requestElement(request, "GioiTinh");
        }
    }

    @Test
    void thenTheRequestIsSignedAsTheServiceRecomputesIt() throws Exception {
        String url = server.url(PATH);
        server.answer(request -> {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (USER + ":" + sha256Hex(url + USER + request.header("Timestamp") + SECRET))
                            .getBytes(StandardCharsets.UTF_8));
            return expected.equals(request.header("Authorization"))
                    ? recordReply(Citizen.nga())
                    : StubRegistryServer.Reply.of(401, "text/plain", "bad signature");
        });

        RegistryResult result = registry().verify(Citizen.ngaQuery());

        assertThat(result).isInstanceOf(RegistryResult.Match.class);
        StubRegistryServer.Recorded request = server.lastRequest();
        assertThat(request.header("Timestamp")).isEqualTo("20260315080203");
        assertThat(request.header("X-Road-Client")).isEqualTo(UNIT_CODE);
        assertThat(request.header("ApiKey")).isEqualTo(API_KEY);
        assertThat(request.header("SOAPAction")).isEqualTo("\"http://dancuquocgia.bca/XacThucThongTinCongDan\"");
        assertThat(request.header("Content-Type")).isEqualTo("text/xml; charset=utf-8");
    }

    @Test
    void thenAWrongSecretIsRejectedByTheService() throws Exception {
        String url = server.url(PATH);
        server.answer(request -> {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (USER + ":" + sha256Hex(url + USER + request.header("Timestamp") + SECRET))
                            .getBytes(StandardCharsets.UTF_8));
            return expected.equals(request.header("Authorization"))
                    ? recordReply(Citizen.nga())
                    : StubRegistryServer.Reply.of(401, "text/plain", "bad signature");
        });

        RegistryResult result = registry(Map.of("secret", "another-secret")).verify(Citizen.ngaQuery());

        assertThat(result).isEqualTo(new RegistryResult.Unavailable("http-401"));
    }

    @Test
    void thenWithoutCredentialsTheRequestIsUnsigned() {
        server.answer(recordReply(Citizen.nga()));
        factory = newFactory(clock);
        factory.init(new MapScope(Map.of("endpoint", server.url(PATH), "unitCode", UNIT_CODE)));

        assertThat(factory.create(null).verify(Citizen.ngaQuery())).isInstanceOf(RegistryResult.Match.class);
        assertThat(server.lastRequest().header("Authorization")).isNull();
        assertThat(server.lastRequest().header("ApiKey")).isNull();
        assertThat(server.lastRequest().header("X-Road-Client")).isEqualTo(UNIT_CODE);
    }

    @Test
    void thenTheEnvelopeCarriesTheUnitIntegrationAndOfficerCodes() throws Exception {
        verifyAgainst(recordReply(Citizen.nga()), Citizen.ngaQuery());

        Document request = parse(server.lastRequest().body());
        assertThat(request.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP_NS);
        assertThat(request.getDocumentElement().getLocalName()).isEqualTo("Envelope");
        assertThat(request.getElementsByTagNameNS(DC_NS, "XacThucThongTinCongDan").getLength()).isEqualTo(1);
        assertThat(UUID.fromString(requestElement(request, "MaYeuCau").orElseThrow())).isNotNull();
        assertThat(requestElement(request, "MaDVC")).contains(UNIT_CODE);
        assertThat(requestElement(request, "MaTichHop")).contains("DVCQG");
        assertThat(requestElement(request, "MaCanBo")).contains("vneid-bridge");
        assertThat(request.getElementsByTagNameNS(DC_NS, "NgayThangNamSinh").item(0).getFirstChild().getLocalName())
                .isEqualTo("NgayThangNam");
    }

    @Test
    void thenValuesAreXmlEscapedAndRoundTrip() throws Exception {
        String name = "Tô <&> \"Nga\" ]]> 'x'";
        RegistryQuery query = new RegistryQuery(Citizen.NGA_ID, name, LocalDate.of(1989, 3, 15), Optional.empty(),
                Optional.of(Gender.FEMALE));
        server.answer(request -> {
            try {
                String sentName = requestElement(request, "HoVaTen").orElseThrow();
                return soap(200, response("00", citizenXml(Citizen.nga(), "<dc:HoVaTen>" + xml(sentName) + "</dc:HoVaTen>")));
            } catch (Exception e) {
                return StubRegistryServer.Reply.of(400, "text/plain", "unreadable request");
            }
        });

        RegistryResult result = registry().verify(query);

        assertThat(sentValue(server.lastRequest(), RegistryField.FULL_NAME)).contains("TÔ <&> \"NGA\" ]]> 'X'");
        assertThat(server.lastRequest().body()).contains("&lt;&amp;&gt;").doesNotContain("<&>");
        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match ->
                assertThat(match.record().orElseThrow().fullName()).isEqualTo("TÔ <&> \"NGA\" ]]> 'X'"));
    }

    @Test
    void thenAnExternalEntityInTheResponseIsNeverResolved(@TempDir Path temp) throws Exception {
        String secret = "xxe-secret-" + UUID.randomUUID();
        Path file = Files.writeString(temp.resolve("secret.txt"), secret);
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE soapenv:Envelope [\n"
                + "  <!ENTITY xxe SYSTEM \"" + file.toUri() + "\">\n"
                + "  <!ENTITY remote SYSTEM \"" + server.url("/xxe") + "\">\n"
                + "]>\n"
                + envelope(response("00", citizenXml(Citizen.nga(), "<dc:HoVaTen>&xxe;&remote;</dc:HoVaTen>")));

        RegistryResult result = verifyAgainst(StubRegistryServer.Reply.of(200, "text/xml", body), Citizen.ngaQuery());

        assertThat(result).isEqualTo(new RegistryResult.Unavailable("malformed-response"));
        assertThat(result.toString()).doesNotContain(secret);
        assertThat(server.requests()).extracting(StubRegistryServer.Recorded::path).containsOnly(PATH);
    }

    @Test
    void thenAnEntityExpansionBombIsRefused() {
        String body = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n"
                + envelope(response("00", citizenXml(Citizen.nga(), "<dc:HoVaTen>&lol3;</dc:HoVaTen>")));

        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "text/xml", body), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("malformed-response"));
    }

    @Test
    void thenASoapFaultIsUnavailable() {
        String fault = envelopeWithBody("<soapenv:Fault><faultcode>soapenv:Server</faultcode>"
                + "<faultstring>Loi he thong</faultstring></soapenv:Fault>");

        assertThat(verifyAgainst(StubRegistryServer.Reply.of(500, "text/xml", fault), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("soap-fault"));
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "text/xml", fault), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("soap-fault"));
    }

    @Test
    void thenXmlThatIsNotTheResponseEnvelopeIsMalformed() {
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "text/html", "<html><body>Maintenance</body></html>"),
                Citizen.ngaQuery())).isEqualTo(new RegistryResult.Unavailable("malformed-response"));
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "text/xml", envelopeWithBody("<dc:Other/>")),
                Citizen.ngaQuery())).isEqualTo(new RegistryResult.Unavailable("malformed-response"));
    }

    @Test
    void thenAFlagThatIsNotABooleanIsMalformed() {
        assertThat(verifyAgainst(soap(200, response("00", "<dc:KetQuaXacThuc>maybe</dc:KetQuaXacThuc>")),
                Citizen.ngaQuery())).isEqualTo(new RegistryResult.Unavailable("malformed-response"));
    }

    @Test
    void thenAMalformedPlaceIsIgnoredAndTheRestOfTheRecordIsRead() {
        String onlyCodes = "<dc:NoiDangKyKhaiSinh><dc:MaTinhThanh>52</dc:MaTinhThanh>"
                + "<dc:MaQuanHuyen>547</dc:MaQuanHuyen></dc:NoiDangKyKhaiSinh>";
        String plainText = "<dc:QueQuan>" + xml(Citizen.PHUOC_LOC.text()) + "</dc:QueQuan>";
        String wordsWithStructure = "<dc:ThuongTru><dc:MaTinhThanh>52</dc:MaTinhThanh><dc:DiaChiDayDu><dc:SoNha>12"
                + "</dc:SoNha><dc:Duong>Trần Phú</dc:Duong></dc:DiaChiDayDu></dc:ThuongTru>";

        RegistryResult result = verifyAgainst(ngaWithPlaces(onlyCodes + plainText + wordsWithStructure),
                Citizen.ngaQuery());

        assertThat(result).isEqualTo(new RegistryResult.Match(EnumSet.allOf(RegistryField.class), Optional.of(
                new RegistryRecord(Citizen.NGA_ID, Optional.of("164438056"), "TÔ THỊ NGA", LocalDate.of(1989, 3, 15),
                        Optional.of(Gender.FEMALE), RegistryPlaces.NONE))));
    }

    @Test
    void thenAPlaceWithAStructuredCodeIsIgnoredAndTheOtherPlacesAreRead() {
        String structuredCode = "<dc:NoiDangKyKhaiSinh><dc:MaTinhThanh><dc:Ma>52</dc:Ma></dc:MaTinhThanh>"
                + "<dc:DiaChiDayDu>" + xml(Citizen.PHUOC_LOC.text()) + "</dc:DiaChiDayDu></dc:NoiDangKyKhaiSinh>";

        RegistryResult result = verifyAgainst(ngaWithPlaces(structuredCode + placeXml("QueQuan", Citizen.PHUOC_LOC)
                + placeXml("ThuongTru", Citizen.QUY_NHON)), Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match ->
                assertThat(match.record().orElseThrow().places()).isEqualTo(new RegistryPlaces(Optional.empty(),
                        Optional.of(Citizen.PHUOC_LOC.read()), Optional.of(Citizen.QUY_NHON.read()))));
    }

    @Test
    void thenOnlyTheFirstOfARepeatedPlaceIsRead() {
        Citizen.Place elsewhere = new Citizen.Place("01", "001", "00001",
                "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội");

        RegistryResult result = verifyAgainst(ngaWithPlaces(placeXml("ThuongTru", Citizen.QUY_NHON)
                + placeXml("ThuongTru", elsewhere)), Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match ->
                assertThat(match.record().orElseThrow().places().permanentResidence())
                        .contains(Citizen.QUY_NHON.read()));
    }

    /** Nga's record with these places, written out, instead of hers. */
    private static StubRegistryServer.Reply ngaWithPlaces(String placesXml) {
        Citizen nga = Citizen.nga();
        return soap(200, response("00", citizenXml(nga, nameXml(nga), placesXml)));
    }

    private static StubRegistryServer.Reply soap(int status, String payload) {
        return StubRegistryServer.Reply.of(status, "text/xml; charset=utf-8", envelope(payload));
    }

    private static String envelope(String responsePayload) {
        return envelopeWithBody("<dc:XacThucThongTinCongDanResponse>" + responsePayload
                + "</dc:XacThucThongTinCongDanResponse>");
    }

    private static String envelopeWithBody(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_NS + "\" xmlns:dc=\"" + DC_NS + "\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    private static String response(String code, String rest) {
        return "<dc:MaYeuCau>5f0c</dc:MaYeuCau><dc:MaKetQua>" + code + "</dc:MaKetQua>" + rest;
    }

    private static String nameXml(Citizen citizen) {
        return "<dc:HoVaTen><dc:Ho>" + xml(citizen.ho()) + "</dc:Ho><dc:ChuDem>" + xml(citizen.chuDem())
                + "</dc:ChuDem><dc:Ten>" + xml(citizen.ten()) + "</dc:Ten></dc:HoVaTen>";
    }

    private static String citizenXml(Citizen citizen, String nameXml) {
        return citizenXml(citizen, nameXml, placeXml("NoiDangKyKhaiSinh", citizen.birthRegistration())
                + placeXml("QueQuan", citizen.homeTown()) + placeXml("ThuongTru", citizen.permanentResidence()));
    }

    private static String citizenXml(Citizen citizen, String nameXml, String placesXml) {
        return "<dc:CongDan><dc:SoDinhDanh>" + citizen.idNumber() + "</dc:SoDinhDanh>"
                + (citizen.cmnd() == null ? "" : "<dc:SoCMND>" + citizen.cmnd() + "</dc:SoCMND>")
                + nameXml
                + (citizen.gender() == null ? "" : "<dc:GioiTinh>" + citizen.gender() + "</dc:GioiTinh>")
                + "<dc:NgayThangNamSinh><dc:NgayThangNam>" + xml(citizen.birth()) + "</dc:NgayThangNam>"
                + "</dc:NgayThangNamSinh>" + placesXml + "</dc:CongDan>";
    }

    /** A place as the protocol document shows it; a part that is null is left out, and so is a null place. */
    private static String placeXml(String element, Citizen.Place place) {
        if (place == null) {
            return "";
        }
        return "<dc:" + element + ">" + optionalXml("MaTinhThanh", place.provinceCode())
                + optionalXml("MaQuanHuyen", place.districtCode()) + optionalXml("MaPhuongXa", place.wardCode())
                + optionalXml("DiaChiDayDu", place.text()) + "</dc:" + element + ">";
    }

    private static String optionalXml(String element, String value) {
        return value == null ? "" : "<dc:" + element + ">" + xml(value) + "</dc:" + element + ">";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Optional<String> requestElement(StubRegistryServer.Recorded request, String localName)
            throws Exception {
        return requestElement(parse(request.body()), localName);
    }

    private static Optional<String> requestElement(Document request, String localName) {
        NodeList elements = request.getElementsByTagNameNS(DC_NS, localName);
        return elements.getLength() == 0 ? Optional.empty() : Optional.of(elements.item(0).getTextContent());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
