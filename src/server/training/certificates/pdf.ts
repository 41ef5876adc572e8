import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../files/pdf.js';
import type { CertificatePayload } from './signature.js';

/** The QR code of the public verification page, as a PNG data URL for the PDF. */
export async function verificationQr(verifyUrl: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toDataURL(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/**
 * The certificate as a PDF: the participant, course, dates and hours, the verification code and a
 * QR code of the public verification page; the signed content rides in the document's keywords.
 */
export async function certificatePdf(payload: CertificatePayload, signedKeywords: string, verifyUrl: string): Promise<Buffer> {
  const qr = await verificationQr(verifyUrl);
  const dates = payload.startsOn === payload.endsOn ? payload.startsOn : `${payload.startsOn} – ${payload.endsOn}`;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [60, 60, 60, 60],
    info: {
      title: `Certificate ${payload.code}`,
      author: payload.provider,
      subject: `${payload.course}: ${payload.participant}`,
      keywords: signedKeywords,
      creator: 'Crossroads',
    },
    content: [
      { text: 'Organization for Security and Co-operation in Europe', style: 'small', alignment: 'center' },
      { text: payload.provider, style: 'small', alignment: 'center', margin: [0, 0, 0, 30] },
      { text: 'Certificate of completion', style: 'title', alignment: 'center' },
      { text: 'This is to certify that', alignment: 'center', margin: [0, 20, 0, 6] },
      { text: payload.participant, style: 'name', alignment: 'center' },
      { text: 'has completed the course', alignment: 'center', margin: [0, 12, 0, 6] },
      { text: payload.course, style: 'course', alignment: 'center' },
      { text: `${dates} · ${payload.hours} hours`, alignment: 'center', margin: [0, 8, 0, 30] },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: `Verification code: ${payload.code}`, bold: true },
              { text: `Issued on ${payload.issuedOn}. Verify at ${verifyUrl}`, style: 'small' },
              {
                text: 'This certificate carries an Ed25519 signature of the issuing organisation, verifiable offline with its published public key.',
                style: 'small',
                margin: [0, 4, 0, 0],
              },
            ],
          },
          { width: 110, image: qr, fit: [110, 110] },
        ],
      },
    ],
    styles: {
      title: { fontSize: 30, bold: true },
      name: { fontSize: 26, bold: true },
      course: { fontSize: 18, italics: true },
      small: { fontSize: 9, color: '#444444' },
    },
    defaultStyle: { font: 'Roboto', fontSize: 12 },
  };
  return renderPdf(doc);
}
