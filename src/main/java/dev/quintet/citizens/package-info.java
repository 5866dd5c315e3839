/**
 * citizens — imports of citizens with their relatives, birthdays per month and age percentiles per town
 * (the Yandex Backend School 2019 task; the original ran on aiohttp + Tarantool + numpy).
 * <p>
 * An import is a snapshot of up to tens of thousands of citizens, validated whole against the task's
 * text (not the admired solution's looser reading): strings of 1..256 characters with a letter or digit,
 * real {@code DD.MM.YYYY} dates before today's UTC date, relatives that exist in the same import, are
 * symmetric and never the citizen itself. The relation is stored in both directions in its own table;
 * a PATCH that changes one side changes the other in the same transaction, under a lock on the import's
 * row, so concurrent PATCHes cannot leave it one-sided. Birthdays are counted in SQL, age percentiles
 * computed in Java as numpy's linear interpolation, rounded half-up. Every success body is
 * {@code {"data": ...}}; every refusal names the field and the citizen.
 */
@ApplicationModule(displayName = "Citizens")
package dev.quintet.citizens;

import org.springframework.modulith.ApplicationModule;
