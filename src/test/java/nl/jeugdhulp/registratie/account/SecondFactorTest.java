package nl.jeugdhulp.registratie.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The second factor switched on, as in production: enrolment, codes, replay, lock-out and the administrator's reset. */
@SpringBootTest(properties = "app.security.second-factor.required=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SecondFactorTest {

    private static final Pattern SECRET = Pattern.compile("totp-secret\">([A-Z2-7 ]+)<");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Principals principals;
    @Autowired
    TotpSecretCipher cipher;
    @Autowired
    TotpSecretEncryptionAtStart encryptionAtStart;

    private MockHttpSession login(long user) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", data.username(user))
                        .param("password", TestData.PASSWORD).with(csrf())
                        .with(r -> { r.setRemoteAddr("192.0.2.77"); return r; }))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    private static String code(String secret, int stepOffset) {
        return Totp.code(secret.replace(" ", ""), Totp.step(Instant.now().getEpochSecond()) + stepOffset);
    }

    private String enrol(MockHttpSession session) throws Exception {
        String page = mvc.perform(get("/account/tweede-factor/instellen").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("otpauth://totp/")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1).replace(" ", "");
    }

    @Test
    void aProjectLeaderEnrolsAnAppAndThenNeedsAFreshCodeAtEachLogin() throws Exception {
        long leader = data.projectLeader(data.pilot());
        MockHttpSession session = login(leader);

        mvc.perform(get("/pilot/trajecten").session(session)).andExpect(redirectedUrl("/account/tweede-factor"));
        mvc.perform(get("/account/tweede-factor").session(session))
                .andExpect(redirectedUrl("/account/tweede-factor/instellen"));
        String secret = enrol(session);
        mvc.perform(post("/account/tweede-factor/instellen").session(session).with(csrf()).param("code", "000000x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Vul de code van zes cijfers uit uw app in.")));
        assertThat(enrol(session)).as("the same secret until it is confirmed").isEqualTo(secret);
        String enrolCode = code(secret, 0);
        mvc.perform(post("/account/tweede-factor/instellen").session(session).with(csrf()).param("code", enrolCode))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/pilot/trajecten").session(session)).andExpect(status().isOk());
        String stored = jdbc.sql("SELECT totp_secret FROM app_user WHERE id = :id").param("id", leader)
                .query(String.class).single();
        assertThat(stored).as("encrypted at rest").startsWith("v1:").doesNotContain(secret).hasSize(67);
        assertThat(cipher.decrypt(leader, stored)).isEqualTo(secret);
        assertThatThrownBy(() -> cipher.decrypt(leader + 1, stored)).as("bound to the user's row")
                .isInstanceOf(TotpSecretCipher.UnreadableSecretException.class);

        MockHttpSession next = login(leader);
        mvc.perform(get("/pilot/trajecten").session(next)).andExpect(redirectedUrl("/account/tweede-factor"));
        mvc.perform(get("/account/tweede-factor/instellen").session(next)).andExpect(redirectedUrl("/account/tweede-factor"));
        mvc.perform(post("/account/tweede-factor").session(next).with(csrf()).param("code", enrolCode))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Deze code klopt niet of is al gebruikt.")));
        mvc.perform(post("/account/tweede-factor").session(next).with(csrf()).param("code", code(secret, 1)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/pilot/trajecten").session(next)).andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT event_type FROM audit_event WHERE user_id = :u AND event_type LIKE 'SECOND_FACTOR%' ORDER BY id")
                .param("u", leader).query(String.class).list())
                .containsExactly("SECOND_FACTOR_ENROLLED", "SECOND_FACTOR_FAILED", "SECOND_FACTOR_VERIFIED");
    }

    @Test
    void fiveWrongCodesLockTheSecondFactorAndTheAdministratorCanResetIt() throws Exception {
        long researcher = data.user(Role.ONDERZOEKER);
        String secret = Totp.newSecret();
        jdbc.sql("UPDATE app_user SET totp_secret = :s WHERE id = :id").param("s", cipher.encrypt(researcher, secret))
                .param("id", researcher).update();
        MockHttpSession session = login(researcher);
        String right = code(secret, 0);
        String wrong = right.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/account/tweede-factor").session(session).with(csrf()).param("code", wrong))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/account/tweede-factor").session(session).with(csrf()).param("code", right))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Te veel onjuiste codes.")));
        mvc.perform(get("/export").session(session)).andExpect(redirectedUrl("/account/tweede-factor"));

        // A passkey (the lost phone may hold one) goes with the reset too.
        jdbc.sql("INSERT INTO user_entities (id, name) SELECT 'handle-' || id, username FROM app_user WHERE id = :id")
                .param("id", researcher).update();
        jdbc.sql("""
                        INSERT INTO user_credentials (credential_id, user_entity_user_id, public_key, backup_eligible,
                                                      backup_state, label)
                        VALUES ('cred-' || :id, 'handle-' || :id, '\\x00'::bytea, false, false, 'telefoon')""")
                .param("id", researcher).update();
        long admin = data.user(Role.BEHEERDER);
        // Without a second factor of their own the administrator cannot reach the page either.
        mvc.perform(post("/beheer/gebruikers/" + researcher + "/tweede-factor").with(principals.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/account/tweede-factor"));
        mvc.perform(post("/beheer/gebruikers/" + researcher + "/tweede-factor").with(principals.as(admin)).with(csrf())
                        .sessionAttr(SecondFactor.VERIFIED, Boolean.TRUE))
                .andExpect(redirectedUrl("/beheer/gebruikers/" + researcher));
        assertThat(jdbc.sql("SELECT totp_secret IS NULL FROM app_user WHERE id = :id").param("id", researcher)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM user_credentials WHERE user_entity_user_id = 'handle-' || :id")
                .param("id", researcher).query(Long.class).single()).isZero();
        MockHttpSession again = login(researcher);
        mvc.perform(get("/account/tweede-factor").session(again)).andExpect(redirectedUrl("/account/tweede-factor/instellen"));
    }

    @Test
    void aMunicipalUserSeesOnlyAggregatesAndNeedsNoSecondFactor() throws Exception {
        long municipal = data.user(Role.GEMEENTE);
        MockHttpSession session = login(municipal);
        // Home sends a municipal user to the summary, which opens without a second factor.
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/samenvatting"));
        mvc.perform(get("/samenvatting").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account/tweede-factor").session(session)).andExpect(redirectedUrl("/"));
    }

    @Test
    void theEnrolmentPageShowsTheLinkAsAQrImageMadeHereThatReadsBackExactly() throws Exception {
        long supporter = data.user(Role.PRAKTIJKONDERSTEUNER);
        MockHttpSession session = login(supporter);
        String page = mvc.perform(get("/account/tweede-factor/instellen").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");
        String expected = "otpauth://totp/Jeugdhulp%20bij%20de%20Huisarts:" + data.username(supporter) + "?secret=" + secret
                + "&issuer=Jeugdhulp%20bij%20de%20Huisarts&algorithm=SHA1&digits=6&period=30";

        Matcher img = Pattern.compile("<img class=\"[^\"]*totp-qr\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
        assertThat(img.find()).as("QR image inline as a data: URI").isTrue();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        // The image is a pure, unrotated code, and read as one: ZXing's camera-style finder-pattern search
        // missed about 1 in 100 of these synthetic images (random secrets and user names), failing the test.
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(expected);
        // The same link in text, and the secret for typing in.
        assertThat(page).contains(expected.replace("&", "&amp;")).contains(Totp.grouped(secret));
        // Nothing on the page comes from elsewhere: every src is this site or the inline image.
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(page);
        while (src.find()) {
            assertThat(src.group(1)).matches("(/|data:image/png;base64,).*");
        }
    }

    @Test
    void aSecretThatTheConfiguredKeyCannotReadFailsClosedWithALogLine(CapturedOutput output) throws Exception {
        long researcher = data.user(Role.ONDERZOEKER);
        String secret = Totp.newSecret();
        // Encrypted under another key, as after a key change without re-encryption.
        TotpSecretCipher otherKey = new TotpSecretCipher("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        jdbc.sql("UPDATE app_user SET totp_secret = :s WHERE id = :id").param("s", otherKey.encrypt(researcher, secret))
                .param("id", researcher).update();
        MockHttpSession session = login(researcher);
        mvc.perform(post("/account/tweede-factor").session(session).with(csrf()).param("code", code(secret, 0)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("De tweede factor kan nu niet worden gecontroleerd.")));
        mvc.perform(get("/export").session(session)).andExpect(redirectedUrl("/account/tweede-factor"));
        assertThat(output.getOut()).contains("Second factor refused for user " + researcher
                + ": the stored TOTP secret cannot be decrypted with app.security.totp-key");

        // A plaintext secret (stored before V14) is not accepted either until it is encrypted.
        jdbc.sql("UPDATE app_user SET totp_secret = :s WHERE id = :id").param("s", secret).param("id", researcher).update();
        mvc.perform(post("/account/tweede-factor").session(session).with(csrf()).param("code", code(secret, 0)))
                .andExpect(status().isServiceUnavailable());
    }

    @Test
    void plaintextSecretsFromBeforeV14AreEncryptedAtStartAndKeepWorking() throws Exception {
        long researcher = data.user(Role.ONDERZOEKER);
        String secret = Totp.newSecret();
        jdbc.sql("UPDATE app_user SET totp_secret = :s WHERE id = :id").param("s", secret).param("id", researcher).update();
        long broken = data.user(Role.ONDERZOEKER);
        jdbc.sql("UPDATE app_user SET totp_secret = 'not base32!' WHERE id = :id").param("id", broken).update();

        encryptionAtStart.run(null);

        String stored = jdbc.sql("SELECT totp_secret FROM app_user WHERE id = :id").param("id", researcher)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(jdbc.sql("SELECT totp_secret IS NULL FROM app_user WHERE id = :id").param("id", broken)
                .query(Boolean.class).single()).as("unreadable: cleared, the user enrols again").isTrue();
        MockHttpSession session = login(researcher);
        mvc.perform(post("/account/tweede-factor").session(session).with(csrf()).param("code", code(secret, 0)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/export").session(session)).andExpect(status().isOk());
    }
}
