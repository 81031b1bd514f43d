/**
 * The sandbox's population-database simulator: the national population database's citizen verification
 * ({@code XacThucThongTinCongDan}) over C06 SOAP and LGSP JSON, exactly as {@code docs/population-registry-
 * protocols.md} describes, serving the sandbox personas and, for benchmarks, the synthetic people of
 * {@link vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator}.
 *
 * <p>{@link vn.vneidbridge.sandbox.registry.PopulationDatabase} holds the citizens,
 * {@link vn.vneidbridge.sandbox.registry.PopulationRegistrySimulator} serves them with test switches
 * ({@link vn.vneidbridge.sandbox.registry.SimulatorMode}), and
 * {@link vn.vneidbridge.sandbox.registry.PopulationRegistrySimulatorMain} runs it alone. Nothing personal is
 * logged above DEBUG, and at DEBUG id numbers are masked.
 */
package vn.vneidbridge.sandbox.registry;
