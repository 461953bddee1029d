package nl.jeugdhulp.registratie.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules: at least {@link AccountService#MIN_PASSWORD_LENGTH} characters and not one of
 * the common passwords in {@code security/common-passwords.txt} (compared case-insensitively; the
 * file says where its entries come from). Applied by {@link AcceptablePassword} on every form that
 * sets a password, and to the first administrator's password.
 */
final class PasswordPolicy {

    private static final String LIST = "/security/common-passwords.txt";

    private PasswordPolicy() {
    }

    static boolean isCommon(String password) {
        return password != null && Common.WORDS.contains(password.trim().toLowerCase(Locale.ROOT));
    }

    static boolean isAcceptable(String password) {
        return password != null && password.length() >= AccountService.MIN_PASSWORD_LENGTH && !isCommon(password);
    }

    static int listSize() {
        return Common.WORDS.size();
    }

    /** Loaded on first use, once. */
    private static final class Common {

        static final Set<String> WORDS = load();

        private static Set<String> load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException(LIST + " is missing from the application");
                }
                Set<String> words = new HashSet<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        words.add(line.trim().toLowerCase(Locale.ROOT));
                    }
                }
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
