package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No text a user reads may be typed into a template: it would show in Dutch to an English user (or the
 * reverse). Templates are parsed with attoparser, the parser Thymeleaf itself uses, so fragments and
 * unclosed void elements keep the structure Thymeleaf sees. Every literal message key used in a
 * template or in Java code must exist in both bundles, or the page shows "??key_nl??".
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");

    /** Attributes a browser shows or reads aloud. */
    private static final Set<String> USER_FACING = Set.of("title", "alt", "placeholder", "aria-label", "label",
            "aria-placeholder", "aria-roledescription", "aria-valuetext", "aria-description");

    /** Attributes whose processor replaces the element's content (or the whole element) at run time. */
    private static final List<String> CONTENT_REPLACED = List.of("th:text", "th:utext", "th:errors", "th:replace",
            "th:insert", "th:include", "th:substituteby");

    /** A message key written as a literal: lower-case start, at least one dot. A trailing dot makes it a prefix. */
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+\\.?");
    private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{\\s*([^}$(\\s']+)\\s*[}(]");
    private static final Pattern MSG_CALL = Pattern.compile("#messages\\.msg(?:OrNull|WithParams)?\\(\\s*'([^']+)'");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private static Set<String> dutch;
    private static Set<String> english;

    @BeforeAll
    static void loadBundles() throws IOException {
        dutch = keys("messages_nl.properties");
        english = keys("messages_en.properties");
    }

    @Test
    void templatesShowNoHardCodedText() throws IOException, ParseException {
        List<String> findings = new ArrayList<>();
        int[] checked = new int[2];
        List<Path> templates = templates();
        for (Path template : templates) {
            findings.addAll(hardCodedText(TEMPLATES.relativize(template).toString(), Files.readString(template), checked));
        }
        System.out.printf("TemplateTextTest: %d templates, %d text nodes and %d user-facing attributes checked%n",
                templates.size(), checked[0], checked[1]);
        assertThat(templates).hasSizeGreaterThan(50);
        assertThat(checked[0]).isGreaterThan(1000);
        assertThat(findings).as("hard-coded text in templates (move it to both message bundles)").isEmpty();
    }

    @Test
    void everyMessageKeyInTemplatesExistsInBothLanguages() throws IOException, ParseException {
        Set<String> missing = new TreeSet<>();
        int[] count = new int[1];
        for (Path template : templates()) {
            String name = TEMPLATES.relativize(template).toString();
            collectKeys(parse(template), name, missing, count);
        }
        System.out.printf("TemplateTextTest: %d message keys in templates checked%n", count[0]);
        assertThat(count[0]).isGreaterThan(800);
        assertThat(missing).as("message keys used in templates but missing from a bundle").isEmpty();
    }

    @Test
    void everyMessageKeyInJavaCodeExistsInBothLanguages() throws IOException {
        // The calls that take a message key as their literal argument.
        List<Pattern> calls = List.of(
                Pattern.compile("message\\s*=\\s*\"\\{([^}\"]+)\\}\""),
                Pattern.compile("\\.rejectValue\\([^,()]+,\\s*\"([^\"]+)\""),
                Pattern.compile("\\.reject\\(\\s*\"([^\"]+)\""),
                Pattern.compile("addFlashAttribute\\(\\s*\"(?:message|warning)\",\\s*\"([^\"]+)\""),
                Pattern.compile("addAttribute\\(\\s*\"(?:message|warning)\",\\s*\"([^\"]+)\""),
                Pattern.compile("getMessage\\(\\s*\"([^\"]+)\""),
                Pattern.compile("\\bmsg\\(\\s*\"([^\"]+)\""));
        Set<String> missing = new TreeSet<>();
        int count = 0;
        List<Path> sources;
        try (Stream<Path> files = Files.walk(JAVA)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String code = Files.readString(source);
            for (Pattern call : calls) {
                Matcher m = call.matcher(code);
                while (m.find()) {
                    count++;
                    String key = m.group(1);
                    if (!known(key)) {
                        missing.add(key + " (" + JAVA.relativize(source) + ")");
                    }
                }
            }
        }
        System.out.printf("TemplateTextTest: %d message keys in Java code checked%n", count);
        assertThat(count).isGreaterThan(50);
        assertThat(missing).as("message keys used in Java code but missing from a bundle").isEmpty();
    }

    /** The checker itself must catch what it is meant to catch, and let prototype text pass. */
    @Test
    void theCheckFindsTextAttributesAndLiteralsButNotPrototypeText() throws ParseException {
        String sample = """
                <html th:replace="~{fragments/layout :: layout(~{::title}, ~{::section})}">
                <section>
                  <h1 th:text="#{a.title}">Prototype heading</h1>
                  <p>Typed sentence</p>
                  <p th:replace="~{x :: y}"><b>Replaced</b></p>
                  <img src="x.png" alt="A picture">
                  <img src="x.png" alt="Prototype" th:alt="#{a.alt}">
                  <a href="#" title="Prototype" th:attr="title=#{a.title}">–</a>
                  <button type="submit">Send</button>
                  <input type="submit" value="Go">
                  <input type="text" value="Kept value">
                  <span th:text="${n} + ' items'">3 items</span>
                  <span th:text="${n} + ' / ' + ${m}">3 / 4</span>
                  <textarea th:field="*{remarks}">Prototype</textarea>
                  <script>var text = 'not shown';</script>
                  12:30 · € 4,50
                </section>
                </html>
                """;
        List<String> findings = hardCodedText("sample.html", sample, new int[2]);
        assertThat(findings).containsExactly(
                "sample.html:4 text \"Typed sentence\"",
                "sample.html:6 alt=\"A picture\"",
                "sample.html:9 text \"Send\"",
                "sample.html:10 value=\"Go\"",
                "sample.html:12 literal in th:text=\"${n} + ' items'\"");
    }

    private static List<String> hardCodedText(String name, String source, int[] checked) throws ParseException {
        List<String> found = new ArrayList<>();
        Document document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(name, source);
        walk(document, false, name, found, checked);
        // Line numbers from the source: the first line holding the finding's text.
        return found.stream().map(f -> {
            String[] parts = f.split("\u0000");
            return name + ":" + lineOf(source, parts[0]) + " " + parts[1];
        }).toList();
    }

    private static int lineOf(String source, String snippet) {
        int at = source.indexOf(snippet);
        return at < 0 ? 0 : (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static void walk(INestableNode parent, boolean replaced, String template, List<String> findings,
                             int[] checked) {
        for (INode node : parent.getChildren()) {
            if (node instanceof Text text) {
                checked[0]++;
                if (!replaced && hasWords(text.getContent())) {
                    findings.add(text.getContent().strip() + "\u0000text \"" + text.getContent().strip() + "\"");
                }
            } else if (node instanceof Element element) {
                String name = element.getElementName().toLowerCase(Locale.ROOT);
                boolean hidden = name.equals("script") || name.equals("style");
                boolean removed = replacesItself(element);
                if (!replaced && !removed) {
                    checkAttributes(element, name, template, findings, checked);
                }
                walk(element, replaced || hidden || removed || replacesContent(element, name), template, findings,
                        checked);
            }
        }
    }

    private static void checkAttributes(Element element, String name, String template, List<String> findings,
                                        int[] checked) {
        Map<String, String> attributes = element.getAttributeMap();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String attributeName = attribute.getKey().toLowerCase(Locale.ROOT);
            boolean shown = USER_FACING.contains(attributeName)
                    || (attributeName.equals("value") && isButton(name, attributes));
            if (!shown) {
                // A th: attribute that writes text a user sees: its literal strings must not be words.
                if (isTextExpression(attributeName) && hasWords(literalsOutsideExpressions(attribute.getValue()))) {
                    findings.add(attribute.getValue() + "\u0000literal in " + attributeName + "=\""
                            + attribute.getValue() + "\"");
                }
                continue;
            }
            checked[1]++;
            if (hasWords(attribute.getValue()) && !setByThymeleaf(attributes, attributeName)) {
                findings.add(attributeName + "=\"" + attribute.getValue() + "\"\u0000" + attributeName + "=\""
                        + attribute.getValue() + "\"");
            }
        }
    }

    private static boolean isTextExpression(String attributeName) {
        if (!attributeName.startsWith("th:")) {
            return false;
        }
        String target = attributeName.substring(3);
        return target.equals("text") || target.equals("utext") || USER_FACING.contains(target)
                || target.equals("value");
    }

    private static boolean isButton(String name, Map<String, String> attributes) {
        if (name.equals("button")) {
            return true;
        }
        String type = attributes.getOrDefault("type", "").toLowerCase(Locale.ROOT);
        return name.equals("input") && (type.equals("submit") || type.equals("button") || type.equals("reset"));
    }

    /** Thymeleaf overwrites the prototype value through th:NAME or th:attr="NAME=...". */
    private static boolean setByThymeleaf(Map<String, String> attributes, String attributeName) {
        if (attributes.containsKey("th:" + attributeName) || attributes.containsKey("data-th-" + attributeName)) {
            return true;
        }
        String attr = attributes.getOrDefault("th:attr", "");
        return Pattern.compile("(^|,)\\s*" + Pattern.quote(attributeName) + "\\s*=").matcher(attr).find();
    }

    private static boolean replacesItself(Element element) {
        String remove = element.getAttributeValue("th:remove");
        return "all".equals(remove) || hasReplaceOfItself(element);
    }

    private static boolean hasReplaceOfItself(Element element) {
        String replace = element.getAttributeValue("th:replace");
        // A page that hands its own parts to the layout (~{::section}) still shows those parts.
        return replace != null && !replace.contains("~{::") && !replace.contains("~{this");
    }

    private static boolean replacesContent(Element element, String name) {
        for (String attribute : CONTENT_REPLACED) {
            String value = element.getAttributeValue(attribute);
            if (value != null && !value.contains("~{::") && !value.contains("~{this")) {
                return true;
            }
        }
        String remove = element.getAttributeValue("th:remove");
        // A textarea's content is its value, which th:field writes.
        return "body".equals(remove) || (name.equals("textarea") && element.hasAttribute("th:field"));
    }

    /** Letters make it words; digits, punctuation and symbols (–, /, :, ·, ×, €) may stand in a template. */
    private static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /** The string literals of an expression that are not inside ${...}, #{...}, *{...}, @{...} or ~{...}. */
    static String literalsOutsideExpressions(String expression) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '{' && i > 0 && "$#*@~".indexOf(expression.charAt(i - 1)) >= 0) {
                depth++;
                if (depth == 1) {
                    outside.setLength(Math.max(0, outside.length() - 1));
                }
            } else if (c == '{' && depth > 0) {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                outside.append(c);
            }
        }
        StringBuilder literals = new StringBuilder();
        Matcher m = QUOTED.matcher(outside);
        while (m.find()) {
            literals.append(m.group(1)).append(' ');
        }
        return literals.toString();
    }

    private static void collectKeys(INestableNode parent, String template, Set<String> missing, int[] count) {
        for (INode node : parent.getChildren()) {
            if (node instanceof Element element) {
                for (Map.Entry<String, String> attribute : element.getAttributeMap().entrySet()) {
                    if (!attribute.getKey().startsWith("th:")) {
                        continue;
                    }
                    String value = attribute.getValue();
                    for (Pattern pattern : List.of(MESSAGE_EXPRESSION, MSG_CALL)) {
                        Matcher m = pattern.matcher(value);
                        while (m.find()) {
                            count[0]++;
                            if (!known(m.group(1))) {
                                missing.add(m.group(1) + " (" + template + ")");
                            }
                        }
                    }
                    // Keys and key prefixes handed to fragments or built with +: 'admin.user.role.'.
                    Matcher quoted = QUOTED.matcher(value);
                    while (quoted.find()) {
                        String literal = quoted.group(1);
                        if (KEY.matcher(literal).matches() && !isFieldPath(attribute.getKey(), value, literal)
                                && !isCompared(value, literal)) {
                            count[0]++;
                            if (!known(literal)) {
                                missing.add(literal + " (" + template + ")");
                            }
                        }
                    }
                }
                collectKeys(element, template, missing, count);
            }
        }
    }

    /** A literal compared with == or != is a value, not a key to show. */
    private static boolean isCompared(String value, String literal) {
        String quoted = Pattern.quote("'" + literal + "'");
        return Pattern.compile("[=!]=\\s*" + quoted + "|" + quoted + "\\s*[=!]=").matcher(value).find();
    }

    /** The first argument of the field fragments is a property path of the form object, not a key. */
    private static boolean isFieldPath(String attribute, String value, String literal) {
        return (attribute.equals("th:replace") || attribute.equals("th:insert"))
                && Pattern.compile("::\\s*%?[A-Za-z]+\\(\\s*'" + Pattern.quote(literal) + "'").matcher(value).find();
    }

    private static boolean known(String key) {
        if (key.endsWith(".")) {
            return dutch.stream().anyMatch(k -> k.startsWith(key)) && english.stream().anyMatch(k -> k.startsWith(key));
        }
        return dutch.contains(key) && english.contains(key);
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Document parse(Path template) throws IOException, ParseException {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(template.toString(), reader);
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TemplateTextTest.class.getClassLoader().getResourceAsStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
