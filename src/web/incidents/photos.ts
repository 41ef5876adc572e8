const MAX_SIDE = 2560;

/**
 * Draws a chosen photo again on a canvas, at most 2560 pixels on its longest side, so that its
 * metadata (GPS position, camera) does not even leave the device and a large phone photo fits the
 * size limit. The server re-encodes it once more whatever arrives. When the browser cannot do it,
 * the file goes as it is.
 */
export async function cleanPhotoInBrowser(file: File): Promise<File> {
  if (!['image/jpeg', 'image/png'].includes(file.type) || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, file.type, 0.9));
    return blob ? new File([blob], file.name, { type: file.type }) : file;
  } catch {
    return file;
  }
}
