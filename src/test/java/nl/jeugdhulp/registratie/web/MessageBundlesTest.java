package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.LineNumberReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text exists in Dutch and in English, once: a key in one language only would show as its code. */
class MessageBundlesTest {

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> dutch = load("messages_nl.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();

        Set<String> onlyDutch = new TreeSet<>(dutch);
        onlyDutch.removeAll(english);
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(dutch);
        assertThat(onlyDutch).as("keys only in messages_nl.properties").isEmpty();
        assertThat(onlyEnglish).as("keys only in messages_en.properties").isEmpty();
        assertThat(dutch).hasSizeGreaterThan(500);
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String bundle : List.of("messages_nl.properties", "messages_en.properties")) {
            assertThat(duplicates(bundle)).as("keys defined twice in " + bundle).isEmpty();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** A later definition silently wins in Properties, so duplicates are found on the raw lines. */
    private static List<String> duplicates(String name) throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name);
             LineNumberReader lines = new LineNumberReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean continued = false;
            for (String line; (line = lines.readLine()) != null; ) {
                String trimmed = line.strip();
                boolean startsEntry = !continued && !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!");
                if (startsEntry) {
                    int separator = indexOfSeparator(trimmed);
                    String key = separator < 0 ? trimmed : trimmed.substring(0, separator).strip();
                    if (!seen.add(key)) {
                        twice.add(key + " (line " + lines.getLineNumber() + ")");
                    }
                }
                continued = (startsEntry || continued) && endsWithContinuation(line);
            }
        }
        return twice;
    }

    private static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
