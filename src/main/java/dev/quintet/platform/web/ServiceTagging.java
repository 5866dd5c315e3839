package dev.quintet.platform.web;

import dev.quintet.platform.ServiceSelection;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Tags every {@code http.server.requests} measurement with the service whose controller answered
 * ({@code service="cars"}; {@code none} for the console, docs and operations endpoints), so request
 * counts per service come from the metrics and no list of paths has to be kept in step with the code.
 */
@Component
class ServiceTagging extends DefaultServerRequestObservationConvention {

    static final String TAG = "service";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(TAG, serviceOf(context)));
    }

    private static String serviceOf(ServerRequestObservationContext context) {
        var carrier = context.getCarrier();
        Object handler = carrier == null ? null : carrier.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (handler instanceof HandlerMethod method) {
            String service = ServiceSelection.serviceOf(method.getBeanType().getName());
            return service != null ? service : "none";
        }
        return "none";
    }
}
