package nl.jeugdhulp.registratie.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Decimal input that accepts both "8,5" (as Dutch users type it) and "8.5", without grouping
 * separators, and shows a decimal comma to Dutch users. Register it per controller with
 * {@code @InitBinder}; a value it cannot read becomes the field error typeMismatch.
 */
public class DecimalEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            setValue(null);
            return;
        }
        if (value.indexOf(',') >= 0 && value.indexOf('.') >= 0) {
            throw new IllegalArgumentException("ambiguous decimal separator");
        }
        try {
            setValue(new BigDecimal(value.replace(',', '.')));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number", e);
        }
    }

    @Override
    public String getAsText() {
        if (!(getValue() instanceof BigDecimal value)) {
            return "";
        }
        String text = value.stripTrailingZeros().toPlainString();
        return "nl".equals(LocaleContextHolder.getLocale().getLanguage()) ? text.replace('.', ',') : text;
    }
}
