package vn.motcua.eoffice.forms;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code of a dossier code, which Circular 01/2018/TT-VPCP allows on the receipt so that the dossier
 * can be looked up by scanning. Kept as modules (one bit each, with the 4-module quiet zone) so the page
 * draws it as vector squares, sharp at any printer resolution.
 */
final class QrCode {

    private QrCode() {
    }

    static BitMatrix of(String content) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR code: " + content, e);
        }
    }
}
