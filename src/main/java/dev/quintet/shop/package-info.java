/**
 * shop — users in collections (the original is the online shop that fell on Black Friday: FastAPI over a sharded,
 * replicated MongoDB with a Redis cache).
 * <p>
 * A collection is a name (letters, digits, {@code _}, {@code -}; never one of Quintet's own first path
 * segments) holding users {@code {id, age, name}}; names may repeat, as they could in MongoDB, and a lookup
 * by name returns the oldest. The contract is the original's: {@code GET /} (the topology report, for API
 * clients; browsers get the console), {@code /{collection}/count}, {@code /{collection}/users} (the first
 * 1000, or a page with {@code ?limit=&after=}), {@code /{collection}/users/{name}} and
 * {@code POST /{collection}/users}. Lists and users are cached (Redis when configured, else Caffeine) and
 * writes evict, so a new user is visible at once. The first migration creates {@code helloDoc} with the
 * original's 1000 users; {@code quintet shop fake COLLECTION COUNT} adds more.
 */
@ApplicationModule(displayName = "Shop")
package dev.quintet.shop;

import org.springframework.modulith.ApplicationModule;
