package dev.quintet.hotels;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * No two hotels of a list share a {@code uid}: a selection is stored by uid, so two different hotels
 * under one uid would leave whichever came last, silently. Reported on the second one's {@code uid}.
 */
@Documented
@Constraint(validatedBy = DistinctUids.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DistinctUids {

    String message() default "is listed twice in the selection";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DistinctUids, List<Hotel>> {

        @Override
        public boolean isValid(List<Hotel> hotels, ConstraintValidatorContext context) {
            if (hotels == null) {
                return true;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < hotels.size(); i++) {
                Hotel hotel = hotels.get(i);
                if (hotel == null || hotel.uid() == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(hotel.uid(), i);
                if (first != null) {
                    context.disableDefaultConstraintViolation();
                    // the uid itself stays out of the message: a template would interpret its braces
                    context.buildConstraintViolationWithTemplate("is the uid of hotels[" + first + "] too")
                            .addPropertyNode("uid").inIterable().atIndex(i)
                            .addConstraintViolation();
                    return false;
                }
            }
            return true;
        }
    }
}
