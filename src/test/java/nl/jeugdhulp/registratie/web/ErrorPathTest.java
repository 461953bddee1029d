package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** /error asked for directly is not found (404), never the 500 of an error without a status. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ErrorPathTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;

    @Test
    void errorRequestedDirectlyIsNotFound() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
        mvc.perform(get("/error").with(principals.newUser(Role.PRAKTIJKONDERSTEUNER))).andExpect(status().isNotFound());
    }

    @Test
    void theContainersErrorDispatchStillShowsItsOwnStatus() throws Exception {
        // MockMvc does not forward by itself: this is what the container sends to /error on a 404.
        String page = mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/bestaat-niet"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Deze pagina of dit gegeven bestaat niet");
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500))
                .andExpect(status().isInternalServerError());
    }
}
