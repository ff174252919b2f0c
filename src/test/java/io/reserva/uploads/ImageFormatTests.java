package io.reserva.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A file is an image of a format when its header decodes, not when its first bytes look right. */
class ImageFormatTests {

    @Test
    void realHeadersDecode() throws IOException {
        assertThat(decodes(ImageFormat.PNG, Images.png(33))).isTrue();
        assertThat(decodes(ImageFormat.JPEG, Images.jpeg(33))).isTrue();
        assertThat(decodes(ImageFormat.WEBP, Images.webp(30))).isTrue();
    }

    @Test
    void aSignatureAloneOrABrokenHeaderDoesNot() throws IOException {
        assertThat(decodes(ImageFormat.PNG, Images.pngSignatureOnly())).isFalse();
        assertThat(decodes(ImageFormat.PNG, Images.pngWithBrokenHeader())).isFalse();
        assertThat(decodes(ImageFormat.JPEG, Arrays.copyOf(Images.jpeg(100), 3)))
                .as("a JPEG that ends before its frame header")
                .isFalse();
        assertThat(decodes(ImageFormat.WEBP, Arrays.copyOf(Images.webp(100), 12)))
                .as("a WebP container without an image chunk")
                .isFalse();
    }

    @Test
    void aJpegFrameHeaderAfterLargeSegmentsIsFound() throws IOException {
        byte[] jpeg = Images.jpeg(100);
        byte[] comment = new byte[70_000];
        comment[0] = (byte) 0xFF;
        comment[1] = (byte) 0xFE; // COM segment of 65 000 bytes, then another of the rest
        comment[2] = (byte) 0xFD;
        comment[3] = (byte) 0xE8;
        int second = 2 + 0xFDE8;
        comment[second] = (byte) 0xFF;
        comment[second + 1] = (byte) 0xFE;
        int rest = comment.length - second - 2;
        comment[second + 2] = (byte) (rest >> 8);
        comment[second + 3] = (byte) rest;
        byte[] file = new byte[2 + comment.length + jpeg.length - 2];
        System.arraycopy(jpeg, 0, file, 0, 2);
        System.arraycopy(comment, 0, file, 2, comment.length);
        System.arraycopy(jpeg, 2, file, 2 + comment.length, jpeg.length - 2);
        assertThat(decodes(ImageFormat.JPEG, file)).isTrue();
    }

    private static boolean decodes(ImageFormat format, byte[] bytes) throws IOException {
        return format.decodes(new ByteArrayInputStream(bytes));
    }
}
