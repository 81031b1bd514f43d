/**
 * Verification against the national business registration database (Cơ sở dữ liệu quốc gia về đăng ký doanh
 * nghiệp): the {@link vn.vneidbridge.organisation.registry.BusinessRegistrySpi vneid-business-registry} SPI and its
 * one provider, {@code dkkd-json}, which speaks exactly {@code docs/business-registry-protocol.md}.
 *
 * <p>The provider runs on the population registry's HTTP plumbing ({@code vn.vneidbridge.cccd.registry}: the pooled
 * client with its read timeout and size bound, the circuit breaker, the options reader). Nothing is logged above
 * DEBUG except misconfiguration; at DEBUG tax codes are masked and names never appear.
 */
package vn.vneidbridge.organisation.registry;
