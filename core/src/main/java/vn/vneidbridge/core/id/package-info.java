/**
 * Vietnamese identity numbers and names, without any runtime dependency.
 *
 * <ul>
 *   <li>{@link vn.vneidbridge.core.id.PersonalIdNumber} — the 12-digit personal identification number
 *       (số định danh cá nhân, printed on the CCCD), checked offline against its own structure and
 *       against a declared gender and year of birth;</li>
 *   <li>{@link vn.vneidbridge.core.id.CmndNumber} — the old 9-digit CMND;</li>
 *   <li>{@link vn.vneidbridge.core.id.IdNumberProblem} — what is wrong with a number, as a stable message
 *       key suffix with arguments (texts in {@code id-problems_vi.properties} and
 *       {@code id-problems_en.properties} next to the classes);</li>
 *   <li>{@link vn.vneidbridge.core.id.VietnameseNames} — comparing and splitting full names.</li>
 * </ul>
 *
 * <p>An id number is personal data (Decree 13/2023/NĐ-CP): {@code toString()} of the number types is
 * masked, and no problem argument repeats more of the input than its length or its 3-digit prefix.
 */
package vn.vneidbridge.core.id;
