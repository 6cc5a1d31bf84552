/**
 * Saves a blob as a file through a temporary `<a download>`: the export is fetched with the bearer
 * token, so a plain link (which carries no token) cannot download it.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked after the click has handed the blob to the browser's download, not before.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
