// A QR code as one SVG path, drawn on the server: the share page needs no script and prints sharply.
import qrcode from 'qrcode-generator';

export type QrCode = { size: number; path: string };

/** The code for a URL (error correction M: it still scans when a printed sheet is creased or smudged). */
export function qrCode(text: string): QrCode {
	const qr = qrcode(0, 'M');
	qr.addData(text, 'Byte');
	qr.make();
	const n = qr.getModuleCount();
	const cells: string[] = [];
	for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) if (qr.isDark(row, col)) cells.push(`M${col} ${row}h1v1h-1z`);
	return { size: n, path: cells.join('') };
}
