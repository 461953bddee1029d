package nl.jeugdhulp.registratie.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the form fragments which fields to mark "(verplicht)" in text (WCAG 1.3.1, 3.3.2): a field is
 * required when its form property carries @NotNull, @NotBlank or @NotEmpty in the default group.
 * A form whose rules live in code (the trajectory rules) declares its marks through
 * {@link DeclaredRequiredFields} instead, including conditional ones ("verplicht bij afsluiten").
 */
@Component("requiredFields")
class RequiredFields {

    private static final Set<Class<? extends Annotation>> REQUIRED = Set.of(NotNull.class, NotBlank.class,
            NotEmpty.class);

    private final Validator validator;

    RequiredFields(Validator validator) {
        this.validator = validator;
    }

    /** The message key of the field's mark, or null when it has none. */
    public String mark(Object form, String path) {
        if (form instanceof DeclaredRequiredFields declared) {
            return declared.requiredMarks().get(path);
        }
        return isRequired(form, path) ? DeclaredRequiredFields.ALWAYS : null;
    }

    /** path: the field path as the fragments get it, e.g. "name" or "profile.age"; indexed paths are never marked. */
    public boolean isRequired(Object form, String path) {
        if (form instanceof DeclaredRequiredFields declared) {
            return DeclaredRequiredFields.ALWAYS.equals(declared.requiredMarks().get(path));
        }
        if (form == null || path == null || path.contains("[")) {
            return false;
        }
        try {
            Class<?> type = form.getClass();
            int dot = path.lastIndexOf('.');
            if (dot > 0) {
                BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(form);
                type = wrapper.getPropertyType(path.substring(0, dot));
                if (type == null) {
                    return false;
                }
            }
            PropertyDescriptor property = validator.getConstraintsForClass(type)
                    .getConstraintsForProperty(path.substring(dot + 1));
            return property != null && property.getConstraintDescriptors().stream().anyMatch(RequiredFields::required);
        } catch (RuntimeException e) {
            // An unreadable path only loses the marker, never the page.
            return false;
        }
    }

    private static boolean required(ConstraintDescriptor<?> constraint) {
        boolean defaultGroup = constraint.getGroups().isEmpty() || constraint.getGroups().contains(Default.class);
        return defaultGroup && (REQUIRED.contains(constraint.getAnnotation().annotationType())
                || constraint.getComposingConstraints().stream().anyMatch(RequiredFields::required));
    }
}
