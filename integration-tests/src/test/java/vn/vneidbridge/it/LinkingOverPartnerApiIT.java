package vn.vneidbridge.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.VneidProtocol;

/**
 * {@link LinkingIT} with realm dvc's {@code vneid} provider speaking VNeID's partner API to the stand-in's
 * partner-API face (encrypted code, token and userinfo envelopes, no ID token). Its {@code @BeforeAll} runs after the
 * base class's, which pointed dvc at the stand-in; its {@code @AfterAll} before the base class's cleanup.
 */
class LinkingOverPartnerApiIT extends LinkingIT {

    @Override
    protected String protocol() {
        return VneidProtocol.PARTNER_API;
    }

    @BeforeAll
    void speakThePartnerApi(AdminApi admin) {
        VneidProtocol.use(admin, VneidProtocol.PARTNER_API);
    }

    @AfterAll
    void speakOidcAgain(AdminApi admin) {
        VneidProtocol.use(admin, VneidProtocol.OIDC);
    }
}
