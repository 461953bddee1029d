package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Only static files go through the resource chain (their content-hashed URL, checked on real pages by
 * StaticResourceCachingTest); page links are left alone, so no render searches the class path for them.
 */
class StaticResourceLinksTest {

    @Test
    void staticFilesAreRecognisedWithAndWithoutAContextPath() {
        assertThat(StaticResourceLinks.StaticOnly.isStatic("", "/css/app.css")).isTrue();
        assertThat(StaticResourceLinks.StaticOnly.isStatic("", "/js/app.js")).isTrue();
        assertThat(StaticResourceLinks.StaticOnly.isStatic("", "/webjars/bootstrap/css/bootstrap.min.css")).isTrue();
        assertThat(StaticResourceLinks.StaticOnly.isStatic("/jeugdhulp", "/jeugdhulp/css/app.css")).isTrue();
    }

    @Test
    void pageLinksAreNotStatic() {
        assertThat(StaticResourceLinks.StaticOnly.isStatic("", "/trajecten")).isFalse();
        assertThat(StaticResourceLinks.StaticOnly.isStatic("", "/trajecten/nieuw")).isFalse();
        assertThat(StaticResourceLinks.StaticOnly.isStatic("", "/cssx/app.css")).isFalse();
        assertThat(StaticResourceLinks.StaticOnly.isStatic("/jeugdhulp", "/jeugdhulp/profiel")).isFalse();
        assertThat(StaticResourceLinks.StaticOnly.isStatic("", "/")).isFalse();
    }
}
