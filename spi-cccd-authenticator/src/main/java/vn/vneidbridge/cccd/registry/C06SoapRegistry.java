package vn.vneidbridge.cccd.registry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.UUID;

import org.jboss.logging.Logger;

/** The C06 SOAP adapter: {@code XacThucThongTinCongDan} on the Ministry of Public Security's service. */
final class C06SoapRegistry implements PopulationRegistry {

    private static final Logger LOG = Logger.getLogger(C06SoapRegistry.class);
    private static final String SOAP_ACTION =
            '"' + C06SoapRequestWriter.DC_NS + '/' + C06SoapRequestWriter.OPERATION + '"';

    private final URI endpoint;
    private final RegistryHttp http;
    private final C06SoapRequestWriter writer;
    private final C06RequestSigner signer;

    C06SoapRegistry(RegistryTarget target, C06Settings settings, RegistryHttp http, Clock clock) {
        this.endpoint = target.uri();
        this.http = http;
        this.writer = new C06SoapRequestWriter(target.unitCode(), settings);
        this.signer = new C06RequestSigner(target.url(), target.unitCode(), settings, clock);
    }

    @Override
    public RegistryResult verify(RegistryQuery query) {
        RegistryResult result;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", SOAP_ACTION)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(writer.write(query, UUID.randomUUID().toString())));
            signer.sign(request);
            result = C06SoapResponseReader.read(http.send(request)).evaluate(query);
        } catch (RegistryFailure failure) {
            result = failure.toResult();
        } catch (RuntimeException e) {
            LOG.debugf(e, "%s: request failed for %s", "c06-soap", LogMask.idNumber(query.idNumber()));
            result = new RegistryResult.Unavailable("internal-error");
        }
        LOG.debugf("c06-soap: %s -> %s", LogMask.idNumber(query.idNumber()), result);
        return result;
    }

    @Override
    public void close() {
    }
}
