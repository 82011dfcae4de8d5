package com.miniamazon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PictureRulesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    private static final byte[] WEBP = {'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'};

    @Test
    void recognisesPicturesByTheirFirstBytes() {
        assertThat(PictureRules.detectType(PNG)).contains("image/png");
        assertThat(PictureRules.detectType(JPEG)).contains("image/jpeg");
        assertThat(PictureRules.detectType(WEBP)).contains("image/webp");
    }

    @Test
    void refusesScriptsPretendingToBePicturesEmptyFilesAndLargeOnes() {
        byte[] svg = "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8);
        assertThat(PictureRules.problemWith(svg)).contains("Upload a PNG, JPEG or WebP picture.");
        assertThat(PictureRules.problemWith(new byte[0])).contains("The file is empty.");
        byte[] huge = new byte[PictureRules.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        assertThat(PictureRules.problemWith(huge)).get().asString().contains("larger than 1 MB");
        assertThat(PictureRules.problemWith(PNG)).isEmpty();
    }
}
