/**
 * cars — the store of sold cars (the original: {@code soldcars} on a MongoDB replica set).
 * <p>
 * A car is one document keyed by its serial number, validated as strictly as the original's schema
 * (strings of 3..255 characters, unsigned integers of a given width, no unknown fields). The HTTP
 * contract is the original's: {@code GET /api/cars/{serial}}, {@code POST /api/cars},
 * {@code GET /api/hostname}, plus a paged list; its error bodies keep the keys {@code reason} and
 * {@code error}. Reads of single cars go through a near cache; since a car never changes once stored,
 * the cache can only be wrong after {@code drop}, and {@code drop} clears it. The CLI
 * ({@code quintet cars ...}) is the original {@code soldcars-cli}: replica, index, fake, list, drop, fakesend.
 */
@ApplicationModule(displayName = "Cars")
package dev.quintet.cars;

import org.springframework.modulith.ApplicationModule;
