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

/**
 * A hotel's {@code rank} is at most its {@code rank_total}: "5th of 3" is no place. Reported on the
 * {@code rank} field, so the refusal names it wherever the hotel sits in the request.
 */
@Documented
@Constraint(validatedBy = RankWithinTotal.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RankWithinTotal {

    String message() default "must not be greater than rank_total";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RankWithinTotal, Hotel> {

        @Override
        public boolean isValid(Hotel hotel, ConstraintValidatorContext context) {
            // a missing rank or total is @NotNull's to report
            if (hotel == null || hotel.rank() == null || hotel.rankTotal() == null || hotel.rank() <= hotel.rankTotal()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("rank").addConstraintViolation();
            return false;
        }
    }
}
