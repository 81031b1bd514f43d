package vn.vneidbridge.organisation.registry;

import org.keycloak.provider.Provider;

/**
 * Verifies an enterprise's code and name against the national business registration database (Cơ sở dữ liệu quốc
 * gia về đăng ký doanh nghiệp), as {@code docs/business-registry-protocol.md} describes.
 *
 * <p>Implementations never throw for a well-formed query: every failure to get an answer is a
 * {@link BusinessResult.Unavailable}. They are safe to call from many threads at once.
 */
public interface BusinessRegistry extends Provider {

    /**
     * Asks the registry whether an enterprise with this code is registered under the declared name, and is active.
     *
     * @param query the code and the declared name, never null
     * @return the outcome, never null
     */
    BusinessResult verify(BusinessQuery query);
}
