package io.reserva.uploads;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/** Small files whose headers decode as real images (what the store checks), padded to a given size. */
final class Images {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private Images() {}

    /** The PNG signature and a 1×1 IHDR chunk with its checksum. */
    static byte[] png(int size) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put(ascii("IHDR")).putInt(1).putInt(1);
        ihdr.put(new byte[] {8, 6, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer head = ByteBuffer.allocate(33)
                .put(PNG_SIGNATURE)
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue());
        return padded(head.array(), size);
    }

    /** Nothing but the eight signature bytes: looks like a PNG to a magic-number check, is not one. */
    static byte[] pngSignatureOnly() {
        return PNG_SIGNATURE.clone();
    }

    /** A PNG whose IHDR checksum does not match its content. */
    static byte[] pngWithBrokenHeader() {
        byte[] bytes = png(100);
        bytes[20] = 2; // the width changes, the checksum does not
        return bytes;
    }

    /** Start of image, a JFIF APP0 segment and a baseline start-of-frame for 1×1 grey. */
    static byte[] jpeg(int size) {
        byte[] head = {
            (byte) 0xFF,
            (byte) 0xD8, // SOI
            (byte) 0xFF,
            (byte) 0xE0,
            0,
            16,
            'J',
            'F',
            'I',
            'F',
            0,
            1,
            1,
            0,
            0,
            1,
            0,
            1,
            0,
            0, // APP0
            (byte) 0xFF,
            (byte) 0xC0,
            0,
            11,
            8,
            0,
            1,
            0,
            1,
            1,
            1,
            0x11,
            0 // SOF0: 1×1, one component
        };
        return padded(head, size);
    }

    /** A lossless (VP8L) WebP of 1×1. */
    static byte[] webp(int size) {
        int length = Math.max(size, 30);
        ByteBuffer head = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        head.put(ascii("RIFF")).putInt(length - 8).put(ascii("WEBP"));
        head.put(ascii("VP8L")).putInt(length - 20).put((byte) 0x2F).putInt(0);
        return padded(Arrays.copyOf(head.array(), 25), size);
    }

    static byte[] gif() {
        return Arrays.copyOf("GIF89a-not-accepted".getBytes(StandardCharsets.US_ASCII), 64);
    }

    private static byte[] padded(byte[] head, int size) {
        byte[] bytes = Arrays.copyOf(head, Math.max(size, head.length));
        for (int i = head.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
