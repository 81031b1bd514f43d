/**
 * The sandbox's legacy portal database: the table {@code vneid_legacy_account} of
 * {@code docs/legacy-database-contract.md} ({@link vn.vneidbridge.sandbox.legacy.LegacySchema}), the legacy
 * accounts of the sandbox personas ({@link vn.vneidbridge.sandbox.legacy.LegacyPersonas},
 * {@link vn.vneidbridge.sandbox.legacy.LegacyDatabaseSeeder}), synthetic accounts for benchmarks
 * ({@link vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator}) and a command line that does all three
 * ({@link vn.vneidbridge.sandbox.legacy.LegacyDatabaseTool}).
 *
 * <p>Everything generated here is deterministic: the same seed gives the same rows, hashes and salts included.
 * The hashes are produced by this package's own {@link vn.vneidbridge.sandbox.legacy.LegacyPasswordHasher}, not
 * by the verifier under test.
 */
package vn.vneidbridge.sandbox.legacy;
