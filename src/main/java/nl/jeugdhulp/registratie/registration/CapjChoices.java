package nl.jeugdhulp.registratie.registration;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import nl.jeugdhulp.registratie.classification.CapjCode;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The CAP-J picker's checkboxes, grouped under their axis, as HTML for the trajectory form.
 *
 * <p>Written here rather than by a {@code th:each} in the fragment because the template engine's work per element
 * and attribute made the 68 codes about a fifth of the form's CPU, the largest single part of the busiest pages
 * (docs/performance.md, "Where a page's CPU goes"). The markup is the one the fragment wrote: the first checkbox
 * has the id the error summary links to, every text and attribute value is escaped.
 */
@Component("capjChoices")
class CapjChoices {

    /**
     * codes: the active codes in display order; chosen: the codes ticked on the form (may be null);
     * unclassified: the heading of the group without an axis, in the page's language.
     */
    public String html(List<CapjCode> codes, Collection<String> chosen, String unclassified) {
        StringBuilder html = new StringBuilder(codes.size() * 330);
        CapjCode previous = null;
        for (CapjCode c : codes) {
            if (previous == null || !Objects.equals(previous.axis(), c.axis())) {
                html.append("<div class=\"capj-axis\">")
                        .append(escape(c.axis() != null ? c.axis() + " – " + c.axisLabel() : unclassified))
                        .append("</div>\n");
            }
            String id = escape(previous == null ? "capjCodes" : "capj-" + c.code());
            html.append("<div class=\"form-check").append(c.rubric() ? " capj-rubric" : "")
                    .append("\" data-search=\"").append(escape(c.searchText())).append("\">")
                    .append("<input class=\"form-check-input\" type=\"checkbox\" name=\"capjCodes\" id=\"").append(id)
                    .append("\" value=\"").append(escape(c.code())).append('"')
                    .append(chosen != null && chosen.contains(c.code()) ? " checked=\"checked\"" : "")
                    .append("> <label class=\"form-check-label\" for=\"").append(id)
                    .append("\"><span class=\"fw-semibold\">").append(escape(c.display()))
                    .append("</span> <span>").append(escape(c.label())).append("</span></label></div>\n");
            previous = c;
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
