/**
 * The sandbox's business-registry simulator: the national business registration database's enterprise verification
 * over JSON, exactly as {@code docs/business-registry-protocol.md} describes, serving the sandbox's enterprises.
 *
 * <p>{@link vn.vneidbridge.sandbox.business.BusinessDatabase} holds the enterprises
 * ({@link vn.vneidbridge.sandbox.business.Enterprise}), and
 * {@link vn.vneidbridge.sandbox.business.BusinessRegistrySimulator} serves them with the population database
 * simulator's test switches ({@link vn.vneidbridge.sandbox.registry.SimulatorMode}). Nothing is logged above DEBUG but
 * the start, the stop and the switches; at DEBUG codes are masked and names never appear.
 */
package vn.vneidbridge.sandbox.business;
