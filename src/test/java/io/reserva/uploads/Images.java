package io.reserva.uploads;

import java.util.Arrays;

/** Small files that start like real images (the magic bytes are what the store checks). */
final class Images {

    private Images() {}

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    static byte[] jpeg(int size) {
        byte[] bytes = png(size);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    static byte[] webp(int size) {
        byte[] bytes = png(size);
        System.arraycopy(new byte[] {'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'}, 0, bytes, 0, 12);
        return bytes;
    }

    static byte[] gif() {
        return Arrays.copyOf("GIF89a-not-accepted".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 64);
    }
}
