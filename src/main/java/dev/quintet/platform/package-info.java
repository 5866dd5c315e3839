/**
 * The platform: what every service shares and none owns. Service selection
 * ({@code quintet.services}), the database and its per-service migrations, the instance's identity,
 * JSON and error conventions (RFC 9457 problem details), the request-size limit and the command line.
 * <p>
 * It knows no service by type, only by name, so services depend on it and never the other way round.
 * It is an open module: a service may use any of its types.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.quintet.platform;

import org.springframework.modulith.ApplicationModule;
