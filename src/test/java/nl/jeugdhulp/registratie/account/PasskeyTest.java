package nl.jeugdhulp.registratie.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Passkeys with the second factor switched on, as in production (the same context as
 * {@link SecondFactorTest}). Spring Security's filter endpoints are not handler mappings, so the
 * authorisation matrix does not see them: they are covered here. The full ceremony runs against a
 * software authenticator written below (an EC P-256 key, "none" attestation, hand-made CBOR).
 */
@SpringBootTest(properties = "app.security.second-factor.required=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PasskeyTest {

    private static final String ORIGIN = "http://localhost:8080";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Principals principals;

    /** A session that passed password and second factor. */
    private MockHttpSession verifiedSession() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SecondFactor.VERIFIED, Boolean.TRUE);
        return session;
    }

    @Test
    void registrationOptionsAnswerASignedInVerifiedUserOnlyAndAskForUserVerification() throws Exception {
        long leader = data.projectLeader(data.pilot());
        mvc.perform(post("/webauthn/register/options").with(principals.as(leader)).with(csrf()).session(verifiedSession()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rp.id").value("localhost"))
                .andExpect(jsonPath("$.rp.name").value("Jeugdhulp bij de Huisarts"))
                .andExpect(jsonPath("$.user.name").value(data.username(leader)))
                .andExpect(jsonPath("$.authenticatorSelection.userVerification").value("required"))
                .andExpect(jsonPath("$.authenticatorSelection.residentKey").value("required"))
                .andExpect(jsonPath("$.challenge").isNotEmpty());

        // Anonymous: refused, no options (Spring's filter answers before the URL rules).
        mvc.perform(post("/webauthn/register/options").with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(not(containsString("challenge"))));
        // Without the CSRF token: refused.
        mvc.perform(post("/webauthn/register/options").with(principals.as(leader)).session(verifiedSession()))
                .andExpect(status().isForbidden());
        // A password alone (second factor not yet given) cannot add a passkey: that would bypass the code.
        mvc.perform(post("/webauthn/register/options").with(principals.as(leader)).with(csrf()))
                .andExpect(redirectedUrl("/account/tweede-factor"));
        mvc.perform(post("/webauthn/register").with(principals.as(leader)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(redirectedUrl("/account/tweede-factor"));
        // Anonymous registration: to the login page.
        mvc.perform(post("/webauthn/register").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aBrokenPasskeyLoginIsRefusedAndLogged() throws Exception {
        mvc.perform(post("/webauthn/authenticate/options").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rpId").value("localhost"))
                .andExpect(jsonPath("$.userVerification").value("required"));
        long before = failedLogins();
        mvc.perform(post("/login/webauthn").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"x\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.authenticated").value(false));
        assertThat(failedLogins()).isEqualTo(before + 1);
    }

    @Test
    void aUserRegistersAPasskeyAndLogsInWithItAloneWhichAlsoCountsAsTheSecondFactor() throws Exception {
        long leader = data.projectLeader(data.pilot());
        MockHttpSession session = verifiedSession();
        mvc.perform(get("/account/passkeys").with(principals.as(leader)).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("U heeft nog geen passkey.")))
                .andExpect(content().string(containsString("data-options-url=\"/webauthn/register/options\"")))
                .andExpect(content().string(containsString("<script src=\"/js/passkeys-")));

        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String options = mvc.perform(post("/webauthn/register/options").with(principals.as(leader)).with(csrf()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String userHandle = JsonPath.read(options, "$.user.id");
        mvc.perform(post("/webauthn/register").with(principals.as(leader)).with(csrf()).session(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.register(JsonPath.read(options, "$.challenge"), "Laptop praktijk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true));
        mvc.perform(get("/account/passkeys").with(principals.as(leader)).session(session))
                .andExpect(content().string(containsString("<td class=\"passkey-label\">Laptop praktijk</td>")))
                .andExpect(content().string(not(containsString("U heeft nog geen passkey."))));
        assertThat(events(leader)).contains("PASSKEY_REGISTERED");

        // Login without a password: the session is the application's own and needs no TOTP code.
        MockHttpSession login = new MockHttpSession();
        String request = mvc.perform(post("/webauthn/authenticate/options").with(csrf()).session(login))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String oldId = login.getId();
        var result = mvc.perform(post("/login/webauthn").with(csrf()).session(login).contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.assert_(JsonPath.read(request, "$.challenge"), userHandle, true)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authenticated").value(true))
                .andExpect(jsonPath("$.redirectUrl").value("/"))
                .andReturn();
        MockHttpSession loggedIn = (MockHttpSession) result.getRequest().getSession();
        assertThat(loggedIn.getId()).as("a new session id at login").isNotEqualTo(oldId);
        mvc.perform(get("/pilot/trajecten").session(loggedIn)).andExpect(status().isOk());
        assertThat(jdbc.sql("""
                        SELECT details FROM audit_event WHERE user_id = :u AND event_type = 'LOGIN' ORDER BY id DESC LIMIT 1""")
                .param("u", leader).query(String.class).single()).isEqualTo("passkey");

        // Without user verification (only "someone touched the key") the passkey is not enough.
        MockHttpSession second = new MockHttpSession();
        request = mvc.perform(post("/webauthn/authenticate/options").with(csrf()).session(second))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/login/webauthn").with(csrf()).session(second).contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.assert_(JsonPath.read(request, "$.challenge"), userHandle, false)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/pilot/trajecten").session(second)).andExpect(redirectedUrl("/login"));

        // Removing it: a stranger's id is 404, the own one goes.
        long stranger = data.projectLeader(data.pilot());
        mvc.perform(post("/account/passkeys/" + authenticator.credentialId() + "/verwijderen")
                        .with(principals.as(stranger)).with(csrf()).session(verifiedSession()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/passkeys/" + authenticator.credentialId() + "/verwijderen")
                        .with(principals.as(leader)).with(csrf()).session(session))
                .andExpect(redirectedUrl("/account/passkeys"));
        assertThat(jdbc.sql("SELECT count(*) FROM user_credentials WHERE credential_id = :c")
                .param("c", authenticator.credentialId()).query(Long.class).single()).isZero();
        assertThat(events(leader)).contains("PASSKEY_REMOVED");
    }

    @Test
    void aBlockedAccountCannotLogInWithItsPasskey() throws Exception {
        long researcher = data.user(Role.ONDERZOEKER);
        MockHttpSession session = verifiedSession();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String options = mvc.perform(post("/webauthn/register/options").with(principals.as(researcher)).with(csrf()).session(session))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/webauthn/register").with(principals.as(researcher)).with(csrf()).session(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.register(JsonPath.read(options, "$.challenge"), "Telefoon")))
                .andExpect(jsonPath("$.success").value(true));
        jdbc.sql("UPDATE app_user SET enabled = false WHERE id = :id").param("id", researcher).update();

        MockHttpSession login = new MockHttpSession();
        String request = mvc.perform(post("/webauthn/authenticate/options").with(csrf()).session(login))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/login/webauthn").with(csrf()).session(login).contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.assert_(JsonPath.read(request, "$.challenge"),
                                JsonPath.read(options, "$.user.id"), true)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/export").session(login)).andExpect(redirectedUrl("/login"));
    }

    private long failedLogins() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = 'LOGIN_FAILED' AND details LIKE 'passkey%'")
                .query(Long.class).single();
    }

    private java.util.List<String> events(long userId) {
        return jdbc.sql("SELECT event_type FROM audit_event WHERE user_id = :u ORDER BY id").param("u", userId)
                .query(String.class).list();
    }

    /** A platform authenticator in a few lines: one P-256 key, user verification on request. */
    static final class SoftwareAuthenticator {

        private final KeyPair keys;
        private final byte[] credentialId = new byte[16];
        private int counter;

        SoftwareAuthenticator() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
            new java.security.SecureRandom().nextBytes(credentialId);
        }

        String credentialId() {
            return b64(credentialId);
        }

        String register(String challenge, String label) throws Exception {
            byte[] clientData = clientData("webauthn.create", challenge);
            ECPublicKey key = (ECPublicKey) keys.getPublic();
            Map<Object, Object> cose = new LinkedHashMap<>();
            cose.put(1, 2);    // kty: EC2
            cose.put(3, -7);   // alg: ES256
            cose.put(-1, 1);   // crv: P-256
            cose.put(-2, unsigned32(key.getW().getAffineX()));
            cose.put(-3, unsigned32(key.getW().getAffineY()));
            ByteArrayOutputStream authData = new ByteArrayOutputStream();
            authData.write(sha256("localhost".getBytes(StandardCharsets.UTF_8)));
            authData.write(0x45); // user present, user verified, attested credential data
            authData.write(ByteBuffer.allocate(4).putInt(counter).array());
            authData.write(new byte[16]); // AAGUID
            authData.write(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
            authData.write(credentialId);
            authData.write(Cbor.encode(cose));
            Map<Object, Object> attestation = new LinkedHashMap<>();
            attestation.put("fmt", "none");
            attestation.put("attStmt", Map.of());
            attestation.put("authData", authData.toByteArray());
            return """
                    {"publicKey":{"label":"%s","credential":{"id":"%s","rawId":"%s","type":"public-key",
                     "response":{"attestationObject":"%s","clientDataJSON":"%s","transports":["internal"]},
                     "clientExtensionResults":{},"authenticatorAttachment":"platform"}}}"""
                    .formatted(label, credentialId(), credentialId(), b64(Cbor.encode(attestation)), b64(clientData));
        }

        String assert_(String challenge, String userHandle, boolean userVerified) throws Exception {
            byte[] clientData = clientData("webauthn.get", challenge);
            counter++;
            ByteArrayOutputStream authData = new ByteArrayOutputStream();
            authData.write(sha256("localhost".getBytes(StandardCharsets.UTF_8)));
            authData.write(userVerified ? 0x05 : 0x01);
            authData.write(ByteBuffer.allocate(4).putInt(counter).array());
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authData.toByteArray());
            signer.update(sha256(clientData));
            return """
                    {"id":"%s","rawId":"%s","type":"public-key",
                     "response":{"authenticatorData":"%s","clientDataJSON":"%s","signature":"%s","userHandle":"%s"},
                     "clientExtensionResults":{},"authenticatorAttachment":"platform"}"""
                    .formatted(credentialId(), credentialId(), b64(authData.toByteArray()), b64(clientData),
                            b64(signer.sign()), userHandle);
        }

        private static byte[] clientData(String type, String challenge) {
            return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + ORIGIN
                    + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] unsigned32(BigInteger value) {
            byte[] raw = value.toByteArray();
            byte[] out = new byte[32];
            int copy = Math.min(raw.length, 32);
            System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
            return out;
        }

        private static byte[] sha256(byte[] bytes) throws Exception {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }

        private static String b64(byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    /** Just enough CBOR (RFC 8949) for an attestation object: maps, integers, text and byte strings. */
    static final class Cbor {

        static byte[] encode(Object value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, value);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object value) {
            if (value instanceof Integer i) {
                head(out, i >= 0 ? 0 : 1, i >= 0 ? i : -1L - i);
            } else if (value instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                head(out, 3, bytes.length);
                out.writeBytes(bytes);
            } else if (value instanceof byte[] bytes) {
                head(out, 2, bytes.length);
                out.writeBytes(bytes);
            } else if (value instanceof Map<?, ?> map) {
                head(out, 5, map.size());
                map.forEach((k, v) -> {
                    write(out, k);
                    write(out, v);
                });
            } else {
                throw new IllegalArgumentException(String.valueOf(value));
            }
        }

        private static void head(ByteArrayOutputStream out, int major, long length) {
            if (length < 24) {
                out.write(major << 5 | (int) length);
            } else if (length < 256) {
                out.write(major << 5 | 24);
                out.write((int) length);
            } else {
                out.write(major << 5 | 25);
                out.write((int) (length >> 8));
                out.write((int) length & 0xff);
            }
        }
    }
}
