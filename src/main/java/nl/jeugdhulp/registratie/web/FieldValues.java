package nl.jeugdhulp.registratie.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Whether an option of a radio or checkbox group is chosen, for the form fragments that write their options out
 * instead of through {@code th:field}: the same answer as Spring's form binding gives (equal values, or equal text,
 * so an enum or a Boolean property matches its option written as text).
 */
@Component("fieldValues")
class FieldValues {

    /** value: the bound property (a single value, a collection or an array); option: one option of the group. */
    public boolean selected(Object value, Object option) {
        if (value == null || option == null) {
            return false;
        }
        Collection<?> values = value instanceof Collection<?> collection ? collection
                : value instanceof Object[] array ? Arrays.asList(array) : null;
        if (values == null) {
            return same(value, option);
        }
        for (Object each : values) {
            if (same(each, option)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(Object value, Object option) {
        if (value == null) {
            return false;
        }
        if (Objects.equals(value, option)) {
            return true;
        }
        String text = value instanceof Enum<?> constant ? constant.name() : value.toString();
        String optionText = option instanceof Enum<?> constant ? constant.name() : option.toString();
        return text.equals(optionText);
    }
}
