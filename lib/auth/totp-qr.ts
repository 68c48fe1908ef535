import 'server-only';
import QRCode from 'qrcode';

/** The enrolment QR code as SVG markup, drawn on the server (no script, no image request). */
export function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, width: 192, errorCorrectionLevel: 'M' });
}
