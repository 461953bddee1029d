package nl.jeugdhulp.registratie.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiTokenPageTest {

    private static final Pattern TOKEN = Pattern.compile("value=\"(jbh_[A-Za-z0-9_-]{43})\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewTokenIsShownOnceAndOnlyItsHashIsStored() throws Exception {
        long leader = data.projectLeader(data.pilot());
        RequestPostProcessor me = principals.as(leader);

        MvcResult created = mvc.perform(post("/account/tokens").with(me).with(csrf()).param("name", "  Kwartaalscript  "))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(flash().attributeExists("created"))
                .andReturn();
        String page = mvc.perform(get("/account/tokens").with(me).flashAttrs(created.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher shown = TOKEN.matcher(page);
        assertThat(shown.find()).as("the new token is on the page").isTrue();
        String token = shown.group(1);
        assertThat(page).contains("Kwartaalscript").contains("nog niet").contains("actief");

        var row = jdbc.sql("SELECT id, name, token_hash, revoked_at IS NULL AS active FROM api_token WHERE user_id = :u")
                .param("u", leader).query().singleRow();
        assertThat(row.get("name")).isEqualTo("Kwartaalscript");
        assertThat(row.get("token_hash")).isNotEqualTo(token).isEqualTo(sha256(token));
        assertThat(row.get("active")).isEqualTo(true);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash LIKE '%' || :t || '%' OR name = :t")
                .param("t", token).query(Long.class).single()).isZero();

        // Shown once: the list afterwards never contains it.
        mvc.perform(get("/account/tokens").with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kwartaalscript")))
                .andExpect(content().string(not(containsString(token))));

        assertThat(jdbc.sql("""
                        SELECT action || '/' || object_type || '/' || outcome FROM audit_event
                         WHERE event_type = 'API_TOKEN_CREATED' AND object_id = :id AND user_id = :u""")
                .param("id", String.valueOf(row.get("id"))).param("u", leader).query(String.class).single())
                .isEqualTo("C/API_TOKEN/SUCCESS");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE details LIKE '%' || :t || '%'")
                .param("t", token).query(Long.class).single()).isZero();
    }

    @Test
    void aNameIsRequiredAndAtMostSixtyCharacters() throws Exception {
        long admin = data.user(Role.BEHEERDER);
        RequestPostProcessor me = principals.as(admin);

        mvc.perform(post("/account/tokens").with(me).with(csrf()).param("name", "   "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrors("form", "name"))
                .andExpect(content().string(containsString("Vul dit veld in.")));
        mvc.perform(post("/account/tokens").with(me).with(csrf()).param("name", "x".repeat(61)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Gebruik hoogstens 60 tekens.")));

        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE user_id = :u").param("u", admin)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aUserRevokesOnlyTheirOwnTokens() throws Exception {
        long pilot = data.pilot();
        TestData.Supporter supporter = data.supporter(pilot, "OJG", data.practice(pilot, data.municipality()));
        long other = data.projectLeader(pilot);
        mvc.perform(post("/account/tokens").with(principals.as(supporter.userId())).with(csrf()).param("name", "mijn script"))
                .andExpect(status().isFound());
        long tokenId = jdbc.sql("SELECT id FROM api_token WHERE user_id = :u").param("u", supporter.userId())
                .query(Long.class).single();

        mvc.perform(post("/account/tokens/" + tokenId + "/intrekken").with(principals.as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(revoked(tokenId)).isFalse();

        mvc.perform(post("/account/tokens/" + tokenId + "/intrekken").with(principals.as(supporter.userId())).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(flash().attribute("message", "api.token.revoked"));
        assertThat(revoked(tokenId)).isTrue();
        mvc.perform(get("/account/tokens").with(principals.as(supporter.userId())))
                .andExpect(content().string(containsString("ingetrokken op")))
                .andExpect(content().string(not(containsString("/intrekken"))));
        // Revoking twice is not a second change.
        mvc.perform(post("/account/tokens/" + tokenId + "/intrekken").with(principals.as(supporter.userId())).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("""
                        SELECT action || '/' || user_id FROM audit_event
                         WHERE event_type = 'API_TOKEN_REVOKED' AND object_id = :id""")
                .param("id", String.valueOf(tokenId)).query(String.class).list())
                .containsExactly("U/" + supporter.userId());
    }

    @Test
    void rolesWithoutAnyApiHaveNoTokenPageAndNoMenuItem() throws Exception {
        RequestPostProcessor me = principals.newUser(Role.GEMEENTE);
        mvc.perform(get("/account/tokens").with(me)).andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens").with(me).with(csrf()).param("name", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/account/wachtwoord").with(me)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/account/tokens"))));
        // A researcher has no report but has the export API (GET /api/v1/exports), so a token page.
        RequestPostProcessor researcher = principals.newUser(Role.ONDERZOEKER);
        mvc.perform(get("/account/tokens").with(researcher)).andExpect(status().isOk());
        mvc.perform(get("/account/wachtwoord").with(researcher))
                .andExpect(content().string(containsString("href=\"/account/tokens\"")));
        mvc.perform(get("/account/wachtwoord").with(principals.as(data.projectLeader(data.pilot()))))
                .andExpect(content().string(containsString("href=\"/account/tokens\"")))
                .andExpect(content().string(containsString("API-sleutels")));
    }

    private boolean revoked(long tokenId) {
        return jdbc.sql("SELECT revoked_at IS NOT NULL FROM api_token WHERE id = :id").param("id", tokenId)
                .query(Boolean.class).single();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
