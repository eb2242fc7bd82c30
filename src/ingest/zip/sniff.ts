/**
 * OOXML (`[Content_Types].xml`) and ODF/EPUB (`mimetype` first) are ZIP files that are documents,
 * not exports to unpack; returns their media type, or undefined for a plain ZIP.
 */
export function isOfficePackage(head: Uint8Array): string | undefined {
  const ascii = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  if (ascii.includes('[Content_Types].xml')) {
    if (ascii.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (ascii.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (ascii.includes('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
    return 'application/vnd.openxmlformats-officedocument';
  }
  if (ascii.slice(30, 38) === 'mimetype') return 'application/vnd.oasis.opendocument';
  return undefined;
}

/** True for an entry that is a picture, sound or video by type or by name. */
export function isMedia(mediaType: string, name: string): boolean {
  return /^(?:image|audio|video)\//u.test(mediaType) || /\.(?:jpe?g|png|gif|webp|heic|bmp|tiff?|mp4|mov|m4v|3gp|webm|mkv|avi|opus|ogg|oga|mp3|m4a|aac|wav|amr|tgs|webm)$/iu.test(name);
}
