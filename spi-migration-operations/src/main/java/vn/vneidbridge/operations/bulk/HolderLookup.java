package vn.vneidbridge.operations.bulk;

import java.util.Locale;

/**
 * How {@link KeycloakHolders} asks Keycloak's database for the users holding a page's numbers: Keycloak's index on
 * the attribute table is {@code IDX_USER_ATTRIBUTE_NAME (NAME, VALUE)}, and the numbers are values of one name.
 * PostgreSQL (which {@code docs/production.md} asks for) seeks every value of an {@code IN} list on that index's
 * second column, and so, we assume, do the other databases Keycloak supports; H2 2.4, Keycloak's embedded database,
 * uses an {@code IN} list only on an index's first column, so it reads every user holding a number and compares each
 * with the list, a cost that grows with the users imported ({@code docs/benchmarks.md}, the bulk job after the first
 * logins). On H2 each number is asked alone; a single number is an equality everywhere.
 */
enum HolderLookup {
    /** One query, the numbers as one list. */
    ONE_LIST,
    /** One query a number, each an equality on both columns of the index. */
    ONE_PER_NUMBER;

    /**
     * @param databaseProduct the JDBC driver's database product name ({@code DatabaseMetaData#getDatabaseProductName}),
     *     null when not asked (one number)
     * @param numbers how many numbers are asked
     */
    static HolderLookup of(String databaseProduct, int numbers) {
        if (numbers <= 1) {
            return ONE_PER_NUMBER;
        }
        return databaseProduct != null && databaseProduct.trim().toUpperCase(Locale.ROOT).equals("H2")
                ? ONE_PER_NUMBER : ONE_LIST;
    }
}
