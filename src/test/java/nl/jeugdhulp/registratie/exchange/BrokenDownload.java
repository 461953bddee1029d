package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A download whose client goes away in the middle, as the export tests need it. */
final class BrokenDownload {

    private BrokenDownload() {
    }

    /**
     * A client that goes away ("Broken pipe") on the write that takes it past {@code bytes} received;
     * {@code beforeBreaking} runs just before, to look at what the server has done by then.
     */
    static OutputStream client(long bytes, Runnable beforeBreaking) {
        return new OutputStream() {
            long received;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                received += len;
                if (received > bytes) {
                    beforeBreaking.run();
                    throw new IOException("Broken pipe");
                }
            }
        };
    }

    /** The pilot's ZIP export by {@code principal} into {@code client}, which must end it with the broken pipe. */
    static void exportZip(ExportService exports, AccountPrincipal principal, long pilot, OutputStream client) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            ExportRequest request = exports.check(principal.user(), ExportFormat.ZIP, pilot, null, null, false);
            assertThatThrownBy(() -> exports.export(request, client, ExportService.Channel.WEB))
                    .isInstanceOf(IOException.class).hasMessage("Broken pipe");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
