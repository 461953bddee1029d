package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Pages link static files under content-hashed URLs that browsers may keep for a year; pages stay no-store. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StaticResourceCachingTest {

    private static final Pattern STATIC_LINK = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageLinksHashedStaticFilesThatAreCacheableForAYear() throws Exception {
        String page = mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        List<String> links = new ArrayList<>();
        Matcher m = STATIC_LINK.matcher(page);
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).anyMatch(l -> l.matches("/css/app-[0-9a-f]{32}\\.css"))
                .anyMatch(l -> l.matches("/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css"))
                .allMatch(l -> l.matches(".*-[0-9a-f]{32}\\.(css|js)"));
        for (String link : links) {
            mvc.perform(get(link))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "max-age=31536000, public"));
        }
    }

    @Test
    void anOldUnhashedUrlStillAnswersSoBookmarkedOrScriptedPathsKeepWorking() throws Exception {
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
    }
}
