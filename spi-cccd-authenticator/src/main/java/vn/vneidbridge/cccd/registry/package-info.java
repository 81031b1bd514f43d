/**
 * Verification against the national population database (CSDL quốc gia về dân cư): the
 * {@link vn.vneidbridge.cccd.registry.PopulationRegistrySpi vneid-population-registry} SPI and its two
 * providers, {@code c06-soap} (the Ministry of Public Security's SOAP service) and {@code lgsp-json} (a
 * provincial gateway's JSON), which speak exactly {@code docs/population-registry-protocols.md}.
 *
 * <p>Both providers share one decorator chain: cache of definite answers, then circuit breaker, then the
 * protocol adapter on a pooled HTTP client. No personal data is logged above DEBUG; at DEBUG id numbers are
 * masked.
 */
package vn.vneidbridge.cccd.registry;
