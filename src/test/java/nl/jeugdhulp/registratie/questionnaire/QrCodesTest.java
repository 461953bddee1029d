package nl.jeugdhulp.registratie.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

/** The card's QR code reads back as the link, and the SVG draws exactly the code's dark modules. */
class QrCodesTest {

    private static final String LINK = "https://registratie.example.nl/v/Qm9va2tlZXBlcnMtYXJlLWNvb2wtYW5kLXNhZmUtMTIzNDU";

    @Test
    void theCodeDecodesToTheLink() throws Exception {
        BitMatrix matrix = QrCodes.matrix(LINK);
        int scale = 4;
        int width = matrix.getWidth() * scale;
        int height = matrix.getHeight() * scale;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels)))).getText();
        assertThat(decoded).isEqualTo(LINK);
    }

    @Test
    void theSvgHasOneSquarePerDarkModuleAndAQuietZone() {
        BitMatrix matrix = QrCodes.matrix(LINK);
        int dark = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark += matrix.get(x, y) ? 1 : 0;
            }
        }
        String svg = QrCodes.svg(LINK, "QR <code>");
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " ")
                .contains("<title>QR &lt;code&gt;</title>");
        assertThat(svg.split("h1v1h-1z", -1).length - 1).isEqualTo(dark);
        for (int i = 0; i < QrCodes.MARGIN; i++) {
            assertThat(matrix.get(i, i)).as("quiet zone").isFalse();
        }
    }
}
