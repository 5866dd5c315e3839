package dev.quintet.shop;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /{collection_name}/users}: the original's {@code {"age": int, "name": str}}.
 * Both are required; the server assigns the id, so an {@code id} in the body is refused like any unknown
 * field. A name is 1..255 characters (an empty name could never be looked up by {@code /users/{name}}).
 */
record NewUser(@NotNull Long age, @NotNull @Size(min = 1, max = 255) String name) {
}
