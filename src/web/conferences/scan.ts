/** The ticket's token in what a badge's QR code holds: the check-in address ending in it, or the bare token. */
export function tokenOf(scanned: string): string {
  const text = scanned.trim();
  try {
    const url = new URL(text);
    const match = url.pathname.match(/\/conferences\/check-in\/([^/]+)\/?$/);
    if (match?.[1]) return decodeURIComponent(match[1]);
  } catch {
    // Not an address: the code holds the token itself.
  }
  return text;
}
